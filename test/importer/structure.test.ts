/** Clause structure in the layouts councils use: numbering styles, unnumbered headings, nested lists. */
import { importPlainText } from '../../src/importer/plain-text-importer';

const load = (lines: string[]) => importPlainText(lines.join('\n'), { id: 'x', name: 'X Parish Council', source: 'x.txt' }).content.clauses;
const shape = (clauses: ReturnType<typeof load>) =>
  clauses.map((c) => [c.id, c.heading ?? '', c.items.map((i) => `${i.label}${i.items ? `[${i.items.map((s) => s.label).join(',')}]` : ''}`).join(' ')]);

test.each([
  ['1)', (n: number) => `${n})`],
  ['(1)', (n: number) => `(${n})`],
  ['Paragraph 1', (n: number) => `Paragraph ${n}`],
  ['Clause 1', (n: number) => `Clause ${n}`],
])('paragraphs numbered %s straight through under unnumbered Title Case headings', (_, number) => {
  const clauses = load([
    'X Parish Council',
    'Member and Officer Protocol',
    '',
    'About this Protocol',
    '',
    `${number(1)} This protocol guides councillors and the Clerk.`,
    '',
    `${number(2)} It is read with the Code of Conduct.`,
    '',
    'Complaints and Concerns',
    '',
    `${number(3)} A councillor who is unhappy with an officer should speak to the Clerk.`,
  ]);
  expect(shape(clauses)).toEqual([
    ['1', 'About this Protocol', ''],
    ['2', 'About this Protocol', ''],
    ['3', 'Complaints and Concerns', ''],
  ]);
  expect(clauses[2]!.text).toBe('A councillor who is unhappy with an officer should speak to the Clerk.');
});

test('(i) under (c) nests; (i) after (h) is a letter; "o" bullets nest under their bullet; "(1)" in a "1.1" document is an item', () => {
  const clauses = load([
    'Member and Officer Protocol',
    '1. Expectations',
    '1.1 Officers will:',
    '(a) advise;',
    '(b) inform:',
    '(i) of ward matters; and',
    '(ii) of press interest;',
    '(c) act impartially.',
    '1.2 Councillors will:',
    ...'abcdefgh'.split('').map((l) => `(${l}) do ${l};`),
    '(i) do i; and',
    '(j) do j.',
    '1.3 Contact staff:',
    '• by email;',
    '• in working hours, unless:',
    'o there is an emergency;',
    '• politely.',
    '1.4 The Clerk will:',
    '(1) keep a register; and',
    '(2) send notices.',
  ]);
  expect(shape(clauses)).toEqual([
    ['1', 'Expectations', ''],
    ['1.1', '', 'a b[i,ii] c'],
    ['1.2', '', 'a b c d e f g h i j'],
    ['1.3', '', '1 2[1] 3'],
    ['1.4', '', '1 2'],
  ]);
});

test('a contents list is not the protocol, and a document-control table and adoption lines are left out', () => {
  const result = importPlainText(
    [
      'X Council Member and Officer Protocol',
      'Contents',
      '1. Introduction',
      '2. Complaints',
      '',
      '1. Introduction',
      '1.1 Councillors and officers work together.',
      '2. Complaints',
      '2.1 A councillor who is unhappy with an officer should raise it with the Chief Executive.',
      '',
      'Adopted by Full Council on 3 October 2024, minute FC/24/061.',
      'Document control',
      'Version   Date        Author',
      '1.0       May 2019    Monitoring Officer',
    ].join('\n'),
    { id: 'x', name: 'X Council', source: 'x.txt' },
  );
  expect(result.content.clauses.map((c) => [c.id, c.text])).toEqual([
    ['1', ''],
    ['1.1', 'Councillors and officers work together.'],
    ['2', ''],
    ['2.1', 'A councillor who is unhappy with an officer should raise it with the Chief Executive.'],
  ]);
  const notes = result.notes.join('\n');
  for (const noted of [/contents list \(2 entries\)/, /table of 2 rows starting "Version \| Date \| Author"/, /adoption, review, version or signature line\(s\): "Adopted by Full Council/]) {
    expect(notes).toMatch(noted);
  }
});

test('upper-case labels keep their case, with lower-case (i) nested under (B)', () => {
  const clauses = load(['Member and Officer Protocol', '1. Roles', '1.1 Officers will:', '(A) advise;', '(B) inform:', '(i) of ward matters;', '(ii) of press interest;', '(C) act.', '1.2 Members will:', '(I) one;', '(II) two.']);
  expect(shape(clauses)).toEqual([
    ['1', 'Roles', ''],
    ['1.1', '', 'A B[i,ii] C'],
    ['1.2', '', 'I II'],
  ]);
});

test('"Section 2: Expectations" heads section 2 of a document numbered 2.1, 2.2', () => {
  const clauses = load(['Member and Officer Protocol', 'Section 1: Purpose', '1.1 Officers advise.', 'Section 2 – Expectations', '2.1 Members can expect officers to help.']);
  expect(shape(clauses)).toEqual([
    ['1', 'Purpose', ''],
    ['1.1', '', ''],
    ['2', 'Expectations', ''],
    ['2.1', '', ''],
  ]);
});

test('in plain text, a bullet set further in than the one above it, with the same glyph, nests', () => {
  const clauses = load(['Member and Officer Protocol', '1. Roles', '1.1 The Clerk will:', '   • keep records, including:', '       • minutes; and', '       • accounts;', '   • advise councillors.']);
  expect(shape(clauses)).toEqual([
    ['1', 'Roles', ''],
    ['1.1', '', '1[1,2] 2'],
  ]);
});

test('a numbered sub-heading in sentence case over clauses numbered under it is a heading, not a clause', () => {
  const clauses = load([
    'X Town Council',
    'Protocol on Member and Officer Relations',
    '',
    '1. Communications',
    '',
    '1.1 Dealing with the press and media',
    '',
    '1.1.1 Only the Town Mayor and the Town Clerk speak to the press on behalf of the council.',
    '',
    '1.1.2 Councillors speaking to the press make clear that they speak for themselves.',
    '',
    '1.2 Email and social media',
    '1.2.1 Councillors use their council email address for council business.',
    '',
    '1.3 Councillors should copy the Town Clerk into correspondence with staff',
  ]);
  expect(shape(clauses)).toEqual([
    ['1', 'Communications', ''],
    ['1.1', 'Dealing with the press and media', ''],
    ['1.1.1', '', ''],
    ['1.1.2', '', ''],
    ['1.2', 'Email and social media', ''],
    ['1.2.1', '', ''],
    ['1.3', '', ''],
  ]);
  expect(clauses.find((c) => c.id === '1.3')?.text).toBe('Councillors should copy the Town Clerk into correspondence with staff');
});
