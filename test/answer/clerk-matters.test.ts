/** A matter about the Clerk: never answered by a provision that leaves the Clerk out, nor sent to the Clerk. */
import { parseProtocol } from '../../src/protocol/content-loader';
import { createProtocolCore } from '../../src/protocol-core';
import { loadLexicon } from '../../src/search/lexicon';
import { loadSubjects } from '../../src/search/subjects';
import { aContentClause, aContentFile, aStep, contentYaml } from '../builders/content-builders';

const clauses = [
  aContentClause({ id: '11', heading: 'Raising Concerns', text: undefined }),
  aContentClause({ id: '11.1', text: 'Most difficulties can be sorted out informally, and both councillors and staff should try that first.' }),
  aContentClause({
    id: '11.2',
    text: 'A councillor who has a concern about the conduct or work of a member of staff, other than the Town Clerk, should raise it privately with the Town Clerk.',
  }),
  aContentClause({
    id: '11.3',
    text: 'A concern about the Town Clerk should be raised with the Chair of the Staffing Committee. The Town Mayor or any other councillor must not deal with it alone.',
  }),
];

const core = createProtocolCore({
  protocols: new Map([
    [
      'town',
      parseProtocol(
        contentYaml(
          aContentFile({
            id: 'town',
            name: 'Testtown Town Council',
            clauses,
            escalation: {
              councillor: {
                council_setting: false,
                steps: [
                  aStep({ to: 'The Town Clerk', clause: '11.2', governs: ['11.2'] }),
                  aStep({ to: 'The Chair of the Staffing Committee', clause: '11.3', governs: ['11.3'] }),
                ],
              },
              officer: { council_setting: true, steps: [aStep({ to: 'Your line manager', clause: undefined, governs: [] })] },
            },
          }),
        ),
        'town.yaml',
      ),
    ],
  ]),
  lexicon: loadLexicon('content'),
  subjects: loadSubjects('content'),
  defaultCouncil: 'town',
});

describe('a concern about the Clerk', () => {
  const a = core.ask({ council: 'town', role: 'councillor', text: 'not happy with how the town clerk is running things, who do i take that to' });

  it('is answered by the provision for the Clerk, not the one for staff "other than the Town Clerk"', () => {
    expect(a.clauses[0]?.id).toBe('11.3');
  });

  it('is sent to the Chair of the Staffing Committee first, not to the Clerk nor to whom it must not go', () => {
    expect(a.escalation.steps[0]!.to).toMatch(/Chair of the Staffing Committee/i);
    expect(a.escalation.steps.map((s) => s.to).join(' ')).not.toMatch(/Mayor|Clerk$/);
  });

  it('leaves a concern about other staff with the Town Clerk', () => {
    const other = core.ask({ council: 'town', role: 'councillor', text: 'the assistant in the office was rude to me, who do i take that to' });
    expect(other.clauses[0]?.id).toBe('11.2');
  });
});
