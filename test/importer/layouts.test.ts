/**
 * Layouts the corpus does not have, as small protocols in test/importer/fixtures/layouts/ (see its README
 * for what the importer did with each before these rules). Each is imported from its file, as a council would.
 */
import { join } from 'node:path';
import { importDocument, type ImportedDocument } from '../../src/importer/import-document';
import { importPlainText } from '../../src/importer/plain-text-importer';
import { splitInlineList } from '../../src/importer/inline-items';
import { numberOrderedLists } from '../../src/importer/markdown-lists';

const DIR = join(__dirname, 'fixtures', 'layouts');
const load = (file: string) => importDocument(join(DIR, file), { id: 'x', name: 'X Council' });
type Clause = ImportedDocument['content']['clauses'][number];
const shape = (clauses: readonly Clause[]) => clauses.map((c) => [c.id, c.heading ?? '', c.items.map((i) => i.label).join(' ')]);
const text = (doc: ImportedDocument, id: string) => doc.content.clauses.find((c) => c.id === id)?.text;

/** Sections 1, 2… with their headings, each over that many clauses N.1, N.2… with no heading or items. */
const sections = (...list: [string, number][]): [string, string, string][] =>
  list.flatMap(([heading, clauses], s) => [
    [String(s + 1), heading, ''] as [string, string, string],
    ...Array.from({ length: clauses }, (_, k): [string, string, string] => [`${s + 1}.${k + 1}`, '', '']),
  ]);

/** id, heading, item labels: a section line, then its clauses. */
const SECTIONS_123: [string, string, string][] = [
  ['1', 'Introduction', ''],
  ['1.1', '', ''],
  ['1.2', '', ''],
  ['2', 'Concerns', ''],
  ['2.1', '', ''],
  ['2.2', '', ''],
];

test.each([
  ['part-letters.txt', 'Part A – General', ['General', 'Working Together', 'Resolving Problems']],
  ['roman-sections.txt', 'I. Introduction', ['Introduction', 'Roles of Members', 'Roles of Officers', 'Concerns']],
  ['section-words.txt', 'Section 1 – Introduction', ['Introduction', 'Roles', 'Concerns']],
])('%s: a labelled heading ("%s") over clauses N.1, N.2 heads section N', async (file, _, headings) => {
  const doc = await load(file);
  const sections = doc.content.clauses.filter((c) => !c.id.includes('.'));
  expect(sections.map((c) => [c.id, c.heading])).toEqual(headings.map((h, n) => [String(n + 1), h]));
  expect(doc.content.clauses.filter((c) => c.id.includes('.')).every((c) => c.heading === undefined)).toBe(true);
});

test.each([
  ['clause-prefix.txt', 'Clause 1.1 This protocol'],
  ['para-prefix.txt', 'Para 1.1 This protocol'],
])('%s: numbers printed with a word ("%s…") are clause numbers', async (file) => {
  const doc = await load(file);
  expect(doc.content.clauses.map((c) => c.id)).toEqual(file.startsWith('clause') ? ['1', '1.1', '1.2', '2', '2.1', '2.2', '3', '3.1', '3.2'] : ['1', '1.1', '1.2', '2', '2.1', '2.2']);
  expect(text(doc, '1.1')).toMatch(/^This protocol /);
  expect(doc.content.escalation.councillor.steps[0]!.clause).toMatch(/^\d\.\d$/);
});

test('"1.1." with a trailing full stop, and numbers in the margin followed by a tab', async () => {
  expect(shape((await load('trailing-dots.txt')).content.clauses)).toEqual(SECTIONS_123);
  const tabs = await load('margin-tabs.txt');
  expect(shape(tabs.content.clauses)).toEqual(SECTIONS_123.map(([id, h, items]) => [id, h, id === '2.1' ? 'a' : items]));
  expect(tabs.content.clauses.find((c) => c.id === '2.1')!.items[0]!.text).toBe('If the concern is about the Chairman, it goes to the Vice-Chairman.');
});

test('Word numbering pasted as text, with non-breaking spaces and tabs after the numbers and bullets', async () => {
  const doc = await load('smart-numbering.txt');
  expect(shape(doc.content.clauses)).toEqual(SECTIONS_123.map(([id, h, items]) => [id, h, id === '2.1' ? '1 2' : items]));
  expect(JSON.stringify(doc.content.clauses)).not.toMatch(/\u00a0|\t/);
});

test('a section heading ending with a colon ("2. Communication with staff:") over 2.1 is a heading', async () => {
  const doc = await load('colon-headings.txt');
  expect(doc.content.clauses.filter((c) => !c.id.includes('.')).map((c) => [c.id, c.heading, c.text])).toEqual([
    ['1', 'Introduction', ''],
    ['2', 'Communication with staff', ''],
    ['3', 'Concerns', ''],
  ]);
});

test('items "(a) …; (b) …" run inline in one paragraph after a colon are the clause’s list', async () => {
  const doc = await load('inline-items.txt');
  const c11 = doc.content.clauses.find((c) => c.id === '1.1')!;
  expect(c11.text).toBe('Councillors should:');
  expect(c11.items.map((i) => [i.label, i.text])).toEqual([
    ['a', 'treat the Clerk with courtesy;'],
    ['b', 'not give the Clerk instructions individually; and'],
    ['c', 'respect the Clerk\'s impartiality.'],
  ]);
  expect(doc.content.clauses.find((c) => c.id === '1.2')!.items.map((i) => i.label)).toEqual(['a', 'b']);
});

test.each([
  ['Officers will: (i) advise; and (ii) inform.', ['i', 'ii']],
  ['Officers will: a) advise, b) inform, or c) refer.', ['a', 'b', 'c']],
  ['See paragraph 5(a) of the Code: (a) applies to all.', undefined],
  ['The Clerk will: (a) advise; (c) inform.', undefined],
  ['Members should refer to section (a) of the Code.', undefined],
])('inline list in "%s"', (paragraph, labels) => {
  expect(splitInlineList(paragraph)?.items.map((i) => i.label)).toEqual(labels);
});

test('a running footer with the council name and date, on every page, is left out', async () => {
  const doc = await load('footers.txt');
  expect(shape(doc.content.clauses)).toEqual([['1', 'Introduction', ''], ['1.1', '', ''], ['1.2', '', ''], ['2', 'Roles', ''], ['2.1', '', ''], ['3', 'Concerns', ''], ['3.1', '', '']]);
  expect(text(doc, '1.2')).toBe('It applies at all meetings.');
  expect(doc.notes.join('\n')).toMatch(/Lindow Parish Council – Member and Officer Protocol – March 2025/);
});

test('hanging indents with wrapped lines, and items indented under them', async () => {
  const doc = await load('hanging-indent.txt');
  expect(text(doc, '1.1')).toBe('This protocol sets out the way in which councillors and officers of the Town Council should work together, with mutual respect and trust.');
  const c21 = doc.content.clauses.find((c) => c.id === '2.1')!;
  expect(c21.items.map((i) => i.text)).toEqual(['If the concern is about the Town Clerk, it goes to the Mayor.', 'If it is not resolved, it goes to the Personnel Committee.']);
});

test('an appendix of contacts and a flowchart after the last clause are not clause text', async () => {
  const doc = await load('appendix-contacts.txt');
  expect(shape(doc.content.clauses)).toEqual([['1', 'Introduction', ''], ['1.1', '', ''], ['2', 'Concerns', ''], ['2.1', '', ''], ['2.2', '', '']]);
  expect(text(doc, '2.2')).toBe('If not resolved, it goes to the Staffing Committee.');
  expect(doc.content.clauses.find((c) => c.id === '2.2')!.tail).toBe('');
  expect(doc.notes.join('\n')).toMatch(/Appendix A – Contacts/);
});

test('section numbers printed only in the contents list: the bare headings in the body take them', async () => {
  const doc = await load('contents-unnumbered.txt');
  expect(shape(doc.content.clauses)).toEqual(sections(['Introduction', 2], ['Working Together', 2], ['Use of Council Premises', 1], ['Concerns', 2]));
  // The contents' own "Appendix A" entry does not cut the body; the real appendix does.
  expect(text(doc, '4.2')).toBe('A concern about the Town Clerk goes to the Town Mayor.');
  expect(text(doc, '1.1')).toBe('This protocol guides councillors and the staff of the Town Council in working together.');
  expect(doc.notes.join('\n')).toMatch(/Numbered 4 unnumbered section heading/);
});

test('Markdown: a table a clause introduces ("…in these stages:") is its list, row by row; other tables are left out', async () => {
  const doc = await load('table-clause.md');
  const items = doc.content.clauses.find((c) => c.id === '2.1')!.items.map((i) => i.text);
  expect(items).toEqual(["Informal – The officer's Service Manager – Put right where possible", 'Stage 1 – The Strategic Director – A written reply within 10 working days']);
  expect(text(doc, '2.2')).toBe('A complaint under the Code of Conduct goes to the Monitoring Officer.');
  expect(JSON.stringify(doc.content.clauses)).not.toMatch(/Version|May 2025/);
  expect(doc.notes.join('\n')).toMatch(/Kept a table of 2 rows[\s\S]*Left out a table of 3 rows starting "Version \| Date"/);
});

test('Markdown: "## 1. Introduction" over paragraphs numbered straight through heads them, the section number left out', async () => {
  const doc = await load('flat-paragraphs.md');
  expect(doc.content.clauses.map((c) => [c.id, c.heading])).toEqual([
    ['1', 'Introduction'],
    ['2', 'Introduction'],
    ['3', 'Political groups'],
    ['4', 'Political groups'],
  ]);
  expect(text(doc, '1')).toBe('This protocol sets out how members and officers work together.');
});

test('Markdown: bold headings over 1.1 head the clauses under them', async () => {
  const doc = await load('bold-headings.md');
  expect(doc.content.clauses.map((c) => [c.id, c.heading])).toEqual([
    ['1.1', 'Introduction'],
    ['1.2', 'Introduction'],
    ['2.1', 'Political Groups'],
    ['3.1', 'Concerns'],
    ['3.2', 'Concerns'],
  ]);
});

test('Markdown: "1." ordered lists renumber as they render, and lists restarting under each heading are its section', async () => {
  const doc = await load('ordered-lists.md');
  expect(shape(doc.content.clauses)).toEqual(sections(['Introduction', 2], ['Working Together', 3], ['Concerns', 2]));
  expect(text(doc, '3.2')).toBe('A concern about the Town Clerk goes to the Mayor.');
  expect(doc.notes.join('\n')).toMatch(/restart/);
});

test('Markdown ordered lists: numbered from the first item; a list after text continues from its own start; lists inside typed clauses stay lists', () => {
  expect(numberOrderedLists(['## About', '1. One.', '1. Two.', '', '1. Three.']).lines).toEqual(['## About', '1. One.', '2. Two.', '', '3. Three.']);
  expect(numberOrderedLists(['1) One.', '', '## Concerns', '', '4) Four.', '4) Five.']).lines).toEqual(['1) One.', '', '## Concerns', '', '4) Four.', '5) Five.']);
  const typed = numberOrderedLists(['**1.1** Officers will:', '1. advise;', '1. inform.', '', '**1.2** Members will:', '1. listen.']);
  expect(typed.lines).toEqual(['**1.1** Officers will:', '1. advise;', '2. inform.', '', '**1.2** Members will:', '1. listen.']);
});

const plain = (lines: string[]) => importPlainText(['X Town Council', 'Member and Officer Protocol', '', ...lines].join('\n'), { id: 'x', name: 'X', source: 'x.txt' }).content.clauses;
const CONCERN = 'A councillor concerned about an officer should raise it with the Town Clerk.';

test.each([
  ['A. INTRODUCTION', 'B. CONCERNS'],
  ['SECTION ONE – INTRODUCTION', 'SECTION TWO – CONCERNS'],
])('sections headed "%s" / "%s" over 1.1 and 2.1', (one, two) => {
  const clauses = plain([one, '', '1.1 This protocol guides councillors.', '', two, '', `2.1 ${CONCERN}`]);
  expect(shape(clauses)).toEqual([['1', 'Introduction', ''], ['1.1', '', ''], ['2', 'Concerns', ''], ['2.1', '', '']]);
});

test('a heading underlined with dashes or equals signs heads the clauses under it, as any unnumbered heading does', () => {
  const clauses = plain(['Introduction', '------------', '', '1.1 This protocol guides councillors.', '', 'Concerns', '========', '', `2.1 ${CONCERN}`]);
  expect(shape(clauses)).toEqual([['1.1', 'Introduction', ''], ['2.1', 'Concerns', '']]);
});

test('a roman label keeps its capitals in a heading over paragraphs numbered straight through', () => {
  expect(plain(['I. INTRODUCTION', '', '1. This protocol guides councillors.', '', 'II. CONCERNS', '', `2. ${CONCERN}`]).map((c) => c.heading)).toEqual(['I. Introduction', 'II. Concerns']);
});

test('a sub-heading ending with a colon over 1.1.1 is a heading; a lead-in sentence ending with one is text', () => {
  const clauses = plain(['1. Media', '1.1 Dealing with the media:', '1.1.1 Only the Mayor speaks to the press.', '1.2 Councillors should:', '1.2.1 speak for themselves.']);
  expect(clauses.map((c) => [c.id, c.heading ?? '', c.text])).toEqual([
    ['1', 'Media', ''],
    ['1.1', 'Dealing with the media', ''],
    ['1.1.1', '', 'Only the Mayor speaks to the press.'],
    ['1.2', '', 'Councillors should:'],
    ['1.2.1', '', 'speak for themselves.'],
  ]);
});

test('numbers run into their text with no space ("1.1This", "2.Concerns"), as some PDF exports print them', () => {
  const clauses = plain(['1.Introduction', '1.1This protocol guides councillors.', '2.Concerns', `2.1${CONCERN}`]);
  expect(shape(clauses)).toEqual([['1', 'Introduction', ''], ['1.1', '', ''], ['2', 'Concerns', ''], ['2.1', '', '']]);
  expect(clauses[3]!.text).toBe(CONCERN);
});
