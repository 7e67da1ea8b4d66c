/** Telling a protocol from minutes, agendas and spreadsheets saved as text. */
import { refuseNonProtocol } from '../../src/importer/document-kind';

const PROSE = [
  'Member and Officer Protocol',
  '1.1 Councillors, officers, and the Clerk should treat each other, at all',
  'times, with courtesy, respect and patience, and should, where they can,',
  'settle disagreements, misunderstandings, and complaints informally, early,',
  'and in private, before they reach a meeting, the press, or social media.',
];

test('wrapped prose full of commas is still a protocol', () => {
  expect(() => refuseNonProtocol(PROSE)).not.toThrow();
});

test.each([
  ['minutes', ['PARISH COUNCIL', 'Minutes of the meeting held on 9 January', 'Present: Cllr Moss', '24/85 Apologies', '24/86 Declarations'], /minutes of a meeting/],
  ['an agenda', ['Agenda for the meeting of the Council', '1. Apologies', '2. Clerk’s report from officers and members'], /meeting agenda/],
  ['a CSV', ['Heading,2024,2025', 'Clerk salary,13800,14250', 'Grass cutting,2950,3100', 'Insurance,610,640'], /spreadsheet saved as text/],
  ['something else', ['1. Preheat the oven.', '2. Mix the flour and eggs.'], /never speaks of councillors and officers/],
])('refuses %s with one sentence', (_, lines, message) => {
  expect(() => refuseNonProtocol(lines)).toThrow(message);
});
