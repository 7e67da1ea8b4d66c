import { asksToDoUncovered } from '../../src/answer/uncovered-action';
import { loadCore } from '../../src/protocol-core';

describe('asking to do what the protocol does not cover', () => {
  it.each([
    ['can i use my council laptop for campaign stuff', ['laptop']],
    ['Can I talk to the press about the speed cameras?', ['press']],
    ['is it ok for officers to be friends with councillors', ['friends']],
    ['am I allowed to use the office photocopier for my ward newsletter', ['photocopier']],
  ])('%j is about the uncovered matter itself', (question, uncovered) => {
    expect(asksToDoUncovered(question, uncovered)).toBe(true);
  });

  it.each([
    ['can i ask the clerk to email all the members about it', ['email']],
    ['can I see the papers for the planning committee', ['papers']],
    ['can a councillor lean on the office to speed up his application', ['office']],
    ['the clerk will use the photocopier for my leaflets, is that ok?', ['photocopier']],
    ['can i use my council laptop for campaign stuff', []],
  ])('%j is not', (question, uncovered) => {
    expect(asksToDoUncovered(question, uncovered)).toBe(false);
  });

  it('declines such a question where the rest of it matches a clause, and answers it where the protocol covers the matter', () => {
    const core = loadCore('content', 'model', { hints: false });
    const ask = (council: string, text: string) => core.ask({ council, role: 'councillor', text });
    expect(ask('honiton', 'can i use the office photocopier to print my election leaflets')).toMatchObject({
      kind: 'declined',
      message: expect.stringMatching(/use of council resources/),
    });
    expect(ask('borough', 'can i use the office photocopier to print my election leaflets').clauses[0]?.id).toBe('5.1');
  });
});
