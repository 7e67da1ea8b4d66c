/** The people a clause itself sends the asker to, for "who do I go to?" and "who sorts…?". */
import { clauseStep } from '../../src/answer/clause-people';
import { aClause } from '../builders/protocol-builders';

describe('clauseStep', () => {
  const mayor = aClause('2.2', {
    text: "The Town Mayor has no greater power than any other councillor to direct staff and is not the line manager of the Town Clerk. The Town Mayor's civic diary and invitations are arranged by the Deputy Town Clerk, and requests about them go to the Deputy Town Clerk.",
  });

  it('names who the clause sends matters to, not who it says has no power or whose diary it is', () => {
    const step = clauseStep(mayor, 'councillor')!;
    expect(step.to).toBe('Deputy Town Clerk');
    expect(step.when).toMatch(/^The Town Mayor's civic diary/);
  });

  it('leaves out a sentence saying who must not deal with it, where another says who does', () => {
    const clerk = aClause('11.3', { text: 'A concern about the Town Clerk should be raised with the Chair of the Staffing Committee. The Town Mayor must not deal with it alone.' });
    expect(clauseStep(clerk, 'councillor')!.to).toBe('Chair of the Staffing Committee');
  });
});
