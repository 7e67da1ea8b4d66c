/** Matters a small parish's protocol deals with, asked as a clerk or councillor would (round 6 of issue 10). */
import { parseProtocol } from '../../src/protocol/content-loader';
import { createProtocolCore } from '../../src/protocol-core';
import { loadLexicon } from '../../src/search/lexicon';
import { loadSubjects } from '../../src/search/subjects';
import { aContentClause, aContentFile, aStep, contentYaml } from '../builders/content-builders';

const clauses = [
  aContentClause({ id: '2', heading: 'Who does what', text: undefined }),
  aContentClause({ id: '2.1', text: 'The HR Panel deals with the Clerk’s recruitment, appraisal, training, sickness and leave, and with any grievance.' }),
  aContentClause({ id: '2.2', text: 'Councillors and the Clerk will treat each other with courtesy and consideration.' }),
  aContentClause({ id: '3', heading: 'The Parish Hall', text: undefined }),
  aContentClause({ id: '3.1', text: 'The Parish Hall is managed by the Clerk on the Council’s behalf. Councillors must not take bookings, hand out keys or agree reduced hire charges themselves.' }),
  aContentClause({ id: '4', heading: 'Employment', text: undefined }),
  aContentClause({ id: '4.1', text: 'The Clerk reports sickness absence to the chair of the HR Panel on the first morning of absence.' }),
  aContentClause({ id: '4.2', text: 'The Clerk works part-time, for 18 hours a week, and councillors plan their requests accordingly.' }),
  aContentClause({ id: '5', heading: 'Raising concerns', text: undefined }),
  aContentClause({ id: '5.1', text: 'The Clerk may raise a concern about a councillor’s behaviour with the Chairman, and if it is not resolved may bring a formal grievance to the HR Panel.' }),
  aContentClause({ id: '6', heading: 'Review', text: undefined }),
  aContentClause({ id: '6.1', text: 'The HR Panel will review this Protocol every two years and recommend any changes to the Council.' }),
];
const protocol = parseProtocol(
  contentYaml(
    aContentFile({
      id: 'parish',
      name: 'Testparish Parish Council',
      clauses,
      escalation: {
        councillor: { council_setting: false, steps: [aStep({ to: 'The Chairman', clause: '5.1', governs: ['5.1'] })] },
        officer: { council_setting: false, steps: [aStep({ to: 'The Chairman', clause: '5.1', governs: ['5.1'] }), aStep({ to: 'The HR Panel', clause: '5.1', governs: ['5.1'] })] },
      },
    }),
  ),
  'parish.yaml',
);
const core = createProtocolCore({ protocols: new Map([['parish', protocol]]), lexicon: loadLexicon('content'), subjects: loadSubjects('content'), defaultCouncil: 'parish' });
const ask = (text: string) => core.ask({ council: 'parish', role: 'councillor', text });

test.each([
  // The hall's bookings and hire charges are this protocol's own matter, not council resources it never mentions.
  ['someone wants to hire the hall for a 40th and asked me if they can have it cheaper', '3.1'],
  // Who a clerk tells about being off sick is the sickness reporting clause, not the route for a grievance.
  ["i'm the clerk and i'm off sick tomorrow, who am i supposed to tell", '4.1'],
  ['clerk here, im off sick tomorrow and wednesday, who am i meant to let know', '4.1'],
  // When the protocol itself is reviewed is in the protocol, not a meeting timetable.
  ['when is this protocol next reviewed', '6.1'],
])('%j is answered by %s', (text, id) => {
  const answer = ask(text);
  expect(answer.confident).toBe(true);
  expect(answer.clauses[0]!.id).toBe(id);
});

// The protocol states the Clerk's hours itself: asking what they are is answered from it; asking for a change is the
// council's staffing decision (round 18 session).
test('answers how many hours the clerk works from the clause that states them, and declines a change to them', () => {
  const hours = ask('how many hours does our clerk actually work?');
  expect(hours.kind).toBe('answer');
  expect(hours.clauses[0]?.id).toBe('4.2');
  expect(ask("should the clerk's hours go up to 25 a week?").kind).toBe('declined');
});

