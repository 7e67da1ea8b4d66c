/**
 * Knowledge found from round 11's dev sets (round 7 session): how members ask about a lost device, the
 * office's opening times, what the protocol is for, which wins when it clashes with the law, and
 * a relative of the Clerk where the clause says "related to the Clerk".
 */
import { aContentClause } from '../builders/content-builders';
import { coreOfClauses } from '../builders/core-builders';

const clauses = [
  aContentClause({ id: '1', heading: 'Introduction', text: undefined }),
  aContentClause({ id: '1.1', text: 'This protocol guides councillors and staff in their dealings with one another.' }),
  aContentClause({ id: '1.2', text: 'It is to be read alongside the Code of Conduct and the council’s employment policies, which take precedence.' }),
  aContentClause({ id: '2', heading: 'Working arrangements', text: undefined }),
  aContentClause({ id: '2.1', text: 'The Town Council office in the Market House is open from 9.30am to 4pm, Monday to Friday.' }),
  aContentClause({ id: '2.2', text: 'Items for the agenda must reach the Clerk by noon on the Monday of the week before the meeting.' }),
  aContentClause({ id: '2.3', text: 'Members must handle personal data lawfully. A suspected data breach must be reported to the Clerk on the day it is discovered.' }),
  aContentClause({
    id: '2.4',
    text: 'A councillor who is related to the Clerk, or is a close friend or business associate of the Clerk, must declare this to the Chair.',
  }),
  aContentClause({ id: '2.5', text: 'Councillors must treat staff with courtesy and respect.' }),
];

const core = coreOfClauses(clauses);
const first = (text: string) => {
  const answer = core.ask({ council: 'town', role: 'councillor', text });
  return answer.kind === 'answer' ? answer.clauses[0]!.id : answer.kind;
};

test.each([
  ['left my council ipad on the tram last night, what am i meant to do', '2.3'],
  ['what are the office opening times, can i just drop in when im passing?', '2.1'],
  ['got handed this protocol at my induction. whats it actually for, in plain english?', '1.1'],
  ['if something in this protocol ever clashed with employment law, which one wins?', '1.2'],
  ["the clerk is my brother-in-law's sister. does that matter at all when it comes to decisions about her job?", '2.4'],
])('%j is answered by %s', (question, id) => {
  expect(first(question)).toBe(id);
});

test('who makes the protocol work is the protocol’s own provision on its operation', () => {
  const withOperation = coreOfClauses([...clauses, aContentClause({ id: '1.3', text: 'Responsibility for the operation of this Protocol lies with the Town Clerk.' })]);
  const answer = withOperation.ask({ council: 'town', role: 'councillor', text: 'two cllrs just ignore it completely. who is actually responsible for making this thing work?' });
  expect(answer.clauses.map((c) => c.id)).toContain('1.3');
});

describe("a town's own provisions on the Clerk's days, lone working, the Mayor's diary and who acts for the Clerk", () => {
  const town = coreOfClauses([
    aContentClause({ id: '2', heading: 'Working together', text: undefined }),
    aContentClause({ id: '2.1', text: 'Concerns about a member of staff are raised with the Clerk.' }),
    aContentClause({ id: '3', heading: 'The Clerk', text: undefined }),
    aContentClause({ id: '3.1', text: 'The Clerk works part-time, 20 hours a week, on Tuesdays, Wednesdays and Thursdays.' }),
    aContentClause({ id: '3.2', text: 'Staff must not be asked to meet contractors or members on their own after dark; lone working is covered by the personal safety policy.' }),
    aContentClause({ id: '3.3', text: "Invitations to the Town Mayor are handled by the Deputy Clerk, who keeps the Mayor's diary of civic engagements." }),
    aContentClause({ id: '3.4', text: 'In the absence of the Clerk, the Deputy Clerk acts for the Clerk.' }),
    aContentClause({ id: '3.5', text: 'Councillors must treat staff with courtesy and respect.' }),
    aContentClause({ id: '3.6', text: 'Councillors must not give instructions to staff.' }),
  ]);
  test.each([
    ['which days does the clerk work? wanted to drop off some receipts', '3.1'],
    ['clerk here, council wants me to go and meet the contractor on the playing field at 7pm on my own. do i have to?', '3.2'],
    ['the british legion want the mayor at their dinner, how much notice do they need to give and who do they contact', '3.3'],
    ['our clerk is off for a month after an operation - whos in charge meanwhile', '3.4'],
  ])('%j is answered by %s', (question, id) => {
    const answer = town.ask({ council: 'town', role: 'councillor', text: question });
    expect(answer.clauses[0]?.id).toBe(id);
  });
});

test.each([
  ['a resident collared me in the co-op about the broken swings, i told her we\'d have them fixed by friday - was that wrong of me', '4.1'],
  ["staff here, can i have a quiet word with one of the councillors about getting my hours increased? he's really approachable", '4.2'],
])('%j is answered by %s (promises to residents; staff lobbying about their own terms)', (question, id) => {
  const core4 = coreOfClauses([
    aContentClause({ id: '2', heading: 'Working together', text: undefined }),
    aContentClause({ id: '2.1', text: 'Concerns about a member of staff are raised with the Clerk.' }),
    aContentClause({ id: '4', heading: 'Councillors and staff', text: undefined }),
    aContentClause({ id: '4.1', text: 'A councillor who takes up a matter for a resident should pass it to the Clerk and should not promise the resident any particular outcome.' }),
    aContentClause({ id: '4.2', text: 'Staff must not approach individual councillors about their own pay, grading or terms and conditions.' }),
    aContentClause({ id: '4.3', text: 'Councillors must treat staff with courtesy and respect.' }),
  ]);
  expect(core4.ask({ council: 'town', role: 'councillor', text: question }).clauses[0]?.id).toBe(id);
});
