/** The format readers on small documents built here: text encodings, Markdown, Word numbering and a PDF's page furniture. */
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { WordNumbering } from '../../src/importer/docx-numbering';
import { hyphenContext, joinHyphenated } from '../../src/importer/hyphenation';
import { importDocument } from '../../src/importer/import-document';
import { markdownToLines } from '../../src/importer/markdown-text';
import { find, parseXml } from '../../src/importer/ooxml';
import { decodeText } from '../../src/importer/text-decoding';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'format-readers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROTOCOL_LINES = [
  'Anytown Town Council',
  'Member and Officer Protocol',
  '',
  '1. Introduction',
  '1.1 The Council’s councillors and its officers work together – with respect.',
  '1.2 A councillor who is unhappy with an officer should raise it with the Town Clerk.',
];

describe('text encodings', () => {
  test('Windows-1252 with CRLF: curly quotes and dashes come out right, and the reviewer is told', async () => {
    const file = join(dir, 'cp1252.txt');
    const text = PROTOCOL_LINES.join('\r\n').replace(/’/g, '\x92').replace(/–/g, '\x96');
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const { content, notes } = await importDocument(file, { id: 'anytown', name: 'Anytown Town Council' });
    expect(content.clauses.find((c) => c.id === '1.1')!.text).toBe('The Council’s councillors and its officers work together – with respect.');
    expect(notes).toContain('Read the text as Windows-1252; check quotes and dashes came out right.');
  });

  test('UTF-8 with a BOM, and UTF-16 with a BOM', () => {
    expect(decodeText(Buffer.from('\uFEFF1.1 Council’s', 'utf8'))).toEqual({ text: '1.1 Council’s', encoding: 'UTF-8' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('1.1 Council’s', 'utf16le')]);
    expect(decodeText(utf16)).toEqual({ text: '1.1 Council’s', encoding: 'UTF-16' });
  });
});

test('Markdown: heading marks, bold numbers and emphasis dropped; indented list items nested; tables left out', () => {
  const { lines, notes } = markdownToLines(['## 1. Introduction', '**1.1** The *Clerk* advises.', '- by email;', '    - urgently;', '| Version | Date |', '|---|---|', '| 1.0 | May |']);
  expect(lines).toEqual(['1. Introduction', '1.1 The Clerk advises.', '- by email;', 'o urgently;', '']);
  expect(notes).toEqual(['Left out a table of 3 rows starting "Version | Date"; check it holds no protocol text.']);
});

describe('words split across lines', () => {
  const none = hyphenContext('');
  test.each([
    ['working rel-', 'ationship', 'working relationship'],
    ['confiden-', 'tial', 'confidential'],
    ['their well-', 'being', 'their well-being'],
    ['to co-', 'operate', 'to co-operate'],
    ['the day-to-', 'day running', 'the day-to-day running'],
    ['decision-', 'making', 'decision-making'],
  ])('"%s" + "%s" -> "%s"', (line, next, joined) => {
    expect(joinHyphenated(line, next, none)).toBe(joined);
  });
  test('the document’s own spelling elsewhere decides first', () => {
    expect(joinHyphenated('an e-', 'mail', hyphenContext('send an e-mail to the clerk'))).toBe('an e-mail');
    expect(joinHyphenated('some-', 'times', hyphenContext('sometimes'))).toBe('sometimes');
  });
});

describe('Word automatic numbering', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const lvl = (ilvl: number, fmt: string, text: string) =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
  const xml = `<w:numbering ${W}>
    <w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2')}${lvl(2, 'lowerLetter', '(%3)')}${lvl(3, 'lowerRoman', '(%4)')}</w:abstractNum>
    <w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1)')}${lvl(1, 'bullet', 'o')}</w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
  </w:numbering>`;

  test('multi-level numbers come out as Word shows them, restarting below a level that advances', () => {
    const numbering = new WordNumbering(find(parseXml(xml), 'w:numbering'));
    const seq: [string, number][] = [['1', 0], ['1', 1], ['1', 1], ['1', 2], ['1', 2], ['1', 3], ['1', 3], ['1', 2], ['1', 0], ['1', 1], ['1', 2]];
    expect(seq.map(([num, level]) => numbering.next(num, level))).toEqual(['1.', '1.1', '1.2', '(a)', '(b)', '(i)', '(ii)', '(c)', '2.', '2.1', '(a)']);
  });

  test('a start override, "%1)" numbers and second-level bullets', () => {
    const numbering = new WordNumbering(find(parseXml(xml), 'w:numbering'));
    expect([numbering.next('2', 0), numbering.next('2', 1), numbering.next('2', 0)]).toEqual(['4)', 'o', '5)']);
  });
});

/** Writes a PDF with each line placed by hand, so a page break falls mid-paragraph and mid-word. */
function writePdf(file: string, pages: string[][]): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  const out = createWriteStream(file);
  doc.pipe(out);
  pages.forEach((lines, n) => {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.fontSize(9).text('Anytown Town Council Constitution Part 5', 72, 40, { lineBreak: false });
    lines.forEach((line, i) => doc.fontSize(11).text(line, line.startsWith('(') ? 90 : 72, 100 + i * 14, { lineBreak: false }));
    doc.fontSize(9).text(`Page ${n + 1} of ${pages.length}`, 72, 800, { lineBreak: false });
  });
  doc.end();
  return new Promise((resolve) => out.on('finish', () => resolve()));
}

test('PDF: running header and footer removed where a page breaks mid-paragraph; split word rejoined; (i) under (c) nested', async () => {
  const file = join(dir, 'protocol.pdf');
  const full = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
  await writePdf(file, [
    ['Member and Officer Protocol', '1. Working Together', `1.1 Councillors and officers need a good working ${full.slice(0, 20)} rel-`],
    ['ationship based on trust.', '1.2 Officers will:', '(a) advise councillors;', '(b) act impartially; and', '(c) keep councillors informed:', '(i) of ward matters; and', '(ii) of press interest.'],
    ['2. Complaints', '2.1 A councillor who is unhappy with an officer should raise it with the Town Clerk.'],
  ]);
  const { content, notes } = await importDocument(file, { id: 'anytown', name: 'Anytown Town Council' });
  expect(content.clauses.map((c) => c.id)).toEqual(['1', '1.1', '1.2', '2', '2.1']);
  expect(content.clauses[1]!.text).toBe(`Councillors and officers need a good working ${full.slice(0, 20)} relationship based on trust.`);
  expect(content.clauses[2]!.items.map((i) => [i.label, (i.items ?? []).map((s) => s.label)])).toEqual([['a', []], ['b', []], ['c', ['i', 'ii']]]);
  expect(notes).toEqual(expect.arrayContaining(['Removed the running header/footer "Anytown Town Council Constitution Part 5" (3×).']));
  expect(content.escalation.councillor.steps.map((s) => [s.to, s.clause])).toEqual([['The Town Clerk', '2.1']]);
});

test('Markdown: a heading standing over a table left out goes with it, with a note', () => {
  const { lines, notes } = markdownToLines(['**45** New officers are introduced to this protocol.', '', '## Key contacts', '', '| Role | Contact |', '|---|---|', '| Monitoring Officer | legal@example.gov.uk |']);
  expect(lines.filter((l) => l !== '')).toEqual(['45 New officers are introduced to this protocol.']);
  expect(notes).toContain('Left out the heading "Key contacts" with the table under it.');
});
