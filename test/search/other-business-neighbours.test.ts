/** Questions on the council's other business that name it in everyday words, declined with where to look (round 6 of issue 10). */
import { loadCore } from '../../src/protocol-core';

const core = loadCore('content', 'hexham', { hints: false });
const ask = (council: string, text: string) => core.ask({ council, role: 'councillor', text });

test.each([
  ['hexham', 'are members of the public allowed to film our meetings on their phones', /meeting/i],
  ['borough', 'how many members sit on the planning and licensing committee', /meeting/i],
  ['bfstc', "what's the most the clerk can spend before it has to go to full council", /budget/i],
  ['model', 'who are the signatories on the parish bank account', /budget/i],
  ['honiton', 'do we have rules on councillors using a whatsapp group to discuss council business', /social media/i],
  ['hexham', 'my council laptop wont connect to the wifi, who can fix it', /IT support/i],
  ['borough', 'a developer offered me tickets to the cup final, do i need to declare them', /gifts and hospitality/i],
  ['hexham', 'is the town clerk in the local government pension scheme and who pays the employer contribution', /staff pay/i],
  ['borough', 'can the council hand out sandbags to residents before the storm this weekend', /services/i],
  ['honiton', 'if a cllr misses every meeting for six months are they automatically out', /elections/i],
  ['bfstc', 'the lease on the library office is up for renewal, who negotiates with the landlord', /property/i],
  ['model', 'are cllrs covered by insurance when we help out at the litter pick', /budget/i],
])('%s: %j is declined, pointing to %s', (council, text, where) => {
  const answer = ask(council, text);
  expect(answer.confident).toBe(false);
  expect(answer.message).toMatch(where);
});

test('a look-up of a clause the protocol does not have, asked as "is there a … whats it say", says there is none', () => {
  const answer = ask('model', 'is there a 4.2 in the model protocol? whats it say');
  expect(answer.kind).toBe('unknown-clause');
  expect(answer.confident).toBe(false);
});

test('a lease named in passing leaves the question to the protocol: a group asking the clerk to explain it', () => {
  const answer = ask('bfstc', 'our lib dem group is meeting next tues, any chance the clerk could come along and explain the library lease to us');
  expect(answer.confident).toBe(true);
  expect(answer.clauses[0]!.id).toBe('3');
});
