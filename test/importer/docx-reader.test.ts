/** A Word document built here with the `docx` package: numbering from definitions and styles, a heading style, a table, a text box. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { importDocument } from '../../src/importer/import-document';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'docx-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const level = (lvl: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
  level: lvl,
  format,
  text,
  alignment: AlignmentType.LEFT,
});

async function writeDocx(file: string): Promise<void> {
  const clause = (lvl: number, text: string, instance = 1) => new Paragraph({ text, numbering: { reference: 'clauses', level: lvl, instance } });
  const bullet = (lvl: number, text: string) => new Paragraph({ text, numbering: { reference: 'bullets', level: lvl } });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'clauses',
          levels: [
            level(0, LevelFormat.DECIMAL, '%1)'),
            level(1, LevelFormat.LOWER_LETTER, '(%2)'),
            level(2, LevelFormat.LOWER_ROMAN, '(%3)'),
          ],
        },
        { reference: 'bullets', levels: [level(0, LevelFormat.BULLET, '\u2022'), level(1, LevelFormat.BULLET, '\u25E6')] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Anytown Town Council', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Councillor and Staff Protocol', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Working Together', heading: HeadingLevel.HEADING_2 }),
          clause(0, 'Councillors and staff treat each other with respect.'),
          clause(0, 'Staff will:'),
          clause(1, 'give impartial advice;'),
          clause(1, 'keep councillors informed:'),
          clause(2, 'of ward matters; and'),
          clause(2, 'of press interest;'),
          clause(1, 'act promptly.'),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Version')] }), new TableCell({ children: [new Paragraph('1.0')] })] })] }),
          new Paragraph({ text: 'Concerns', heading: HeadingLevel.HEADING_2 }),
          clause(0, 'Councillors should contact staff:'),
          bullet(0, 'through the office;'),
          bullet(0, 'in working hours, unless:'),
          bullet(1, 'there is an emergency.'),
          clause(0, 'An employee who is upset by a councillor should tell their line manager.'),
          new Paragraph({ children: [new TextRun('A councillor who is unhappy with a member of staff should speak to the Town Clerk.')], numbering: { reference: 'clauses', level: 0, instance: 1 } }),
        ],
      },
    ],
  });
  writeFileSync(file, await Packer.toBuffer(doc));
}

test('numbers as Word shows them, nested lists, headings above straight-through paragraphs, tables left out', async () => {
  const file = join(dir, 'protocol.docx');
  await writeDocx(file);
  const { content, notes } = await importDocument(file, { id: 'anytown', name: 'Anytown Town Council' });
  expect(content.title).toBe('Councillor and Staff Protocol');
  expect(
    content.clauses.map((c) => [c.id, c.heading, c.items.map((i) => `${i.label}${i.items ? `[${i.items.map((s) => s.label).join(',')}]` : ''}`).join(' ')]),
  ).toEqual([
    ['1', 'Working Together', ''],
    ['2', 'Working Together', 'a b[i,ii] c'],
    ['3', 'Concerns', '1 2[1]'],
    ['4', 'Concerns', ''],
    ['5', 'Concerns', ''],
  ]);
  expect(notes).toEqual(expect.arrayContaining(['Left out a table of 1 row starting "Version | 1.0"; check it holds no protocol text.']));
  expect(content.escalation.councillor.steps.map((s) => [s.to, s.clause])).toEqual([['The Town Clerk', '5']]);
  expect(content.escalation.officer.steps.map((s) => [s.to, s.clause])).toEqual([['Their line manager', '4']]);
});

test('a table a clause introduces ("…in these stages:") is its list, a bold header row left out; other tables are left out', async () => {
  const file = join(dir, 'stages.docx');
  const row = (cells: string[], bold = false) =>
    new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold })] })] })) });
  const clause = (text: string) => new Paragraph({ text, numbering: { reference: 'clauses', level: 0 } });
  const doc = new Document({
    numbering: { config: [{ reference: 'clauses', levels: [level(0, LevelFormat.DECIMAL, '%1.')] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Raising Concerns', heading: HeadingLevel.HEADING_1 }),
          clause('A councillor with a concern about an officer should raise it in these stages:'),
          new Table({ rows: [row(['Stage', 'Who', 'When'], true), row(['Informal', 'The Service Manager', 'At once']), row(['Stage 1', 'The Director', 'Within 10 days'])] }),
          clause('A complaint under the Code of Conduct goes to the Monitoring Officer.'),
          new Table({ rows: [row(['Version', '2.0']), row(['Adopted', 'May 2026'])] }),
        ],
      },
    ],
  });
  writeFileSync(file, await Packer.toBuffer(doc));
  const { content, notes } = await importDocument(file, { id: 'stages', name: 'Stages Town Council' });
  expect(content.clauses.find((c) => c.id === '1')!.items.map((i) => i.text)).toEqual(['Informal – The Service Manager – At once', 'Stage 1 – The Director – Within 10 days']);
  expect(JSON.stringify(content.clauses)).not.toMatch(/Version|May 2026/);
  expect(notes.join('\n')).toMatch(/Kept a table of 2 rows[\s\S]*Left out a table of 2 rows starting "Version \| 2.0"/);
  expect(content.escalation.councillor.steps.map((s) => s.to)).toEqual(expect.arrayContaining(['The Service Manager', 'The Director']));
});

describe('a protocol laid out as a table: the number typed in the left cell, the text beside it', () => {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.DXA } });
  const row = (left: Paragraph[], right: Paragraph[]) => new TableRow({ children: [cell(left, 1100), cell(right, 7900)] });
  const section = (n: string, title: string) => row([new Paragraph({ children: [new TextRun({ text: n, bold: true })] })], [new Paragraph({ text: title, heading: HeadingLevel.HEADING_2 })]);
  const clause = (n: string, text: string, items: [string, string][] = []) =>
    row([new Paragraph(n)], [new Paragraph({ text, alignment: AlignmentType.JUSTIFIED }), ...items.map(([l, t]) => new Paragraph({ children: [new TextRun(l), new TextRun(`\t${t}`)] }))]);
  const layout = (rows: TableRow[]) =>
    new Table({ borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none }, columnWidths: [1100, 7900], rows });

  async function write(file: string, body: (Paragraph | Table)[]): Promise<void> {
    const doc = new Document({
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph({ text: 'London Borough of Testbury \u2013 Constitution', alignment: AlignmentType.RIGHT })] }) },
          footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun('Part 5.3 \u2013 Protocol \u2013 '), new TextRun({ children: [PageNumber.CURRENT] })] })] }) },
          children: body,
        },
      ],
    });
    writeFileSync(file, await Packer.toBuffer(doc));
  }

  test('each row is a clause under its section row, typed (a) paragraphs its items; the lines after the table are left out', async () => {
    const file = join(dir, 'layout.docx');
    await write(file, [
      new Paragraph({ text: 'London Borough of Testbury', heading: HeadingLevel.TITLE }),
      new Paragraph({ children: [new TextRun({ text: 'Member/Officer Relations Protocol', bold: true })] }),
      new Paragraph({ children: [new TextRun({ text: 'Agreed by the Council on 3 March 2025', italics: true })] }),
      layout([
        section('1', 'INTRODUCTION'),
        clause('1.1', 'This protocol guides councillors and officers in their dealings with each other at the council.'),
        clause('1.2', 'It forms part of the constitution and sits beside the codes of conduct for members and employees.'),
        section('2', 'ROLES'),
        clause('2.1', 'Councillors set the policy of the council and officers carry that policy out.'),
        clause('2.2', 'Officers will:', [
          ['(a)', 'give impartial advice;'],
          ['(b)', 'treat councillors with respect; and'],
          ['(c)', 'keep ward councillors informed.'],
        ]),
        section('3', 'CONCERNS'),
        clause('3.1', 'A councillor with a concern about an officer should raise it with the relevant Director, and then the Chief Executive; see section 2.'),
      ]),
      new Paragraph({ children: [new TextRun({ text: 'Enquiries about this protocol: Democratic Services, 020 7946 0000.', italics: true })] }),
    ]);
    const { content, notes } = await importDocument(file, { id: 'testbury', name: 'London Borough of Testbury' });
    expect(content.clauses.map((c) => [c.id, c.heading ?? '', c.items.map((i) => i.label).join(' ')])).toEqual([
      ['1', 'Introduction', ''],
      ['1.1', '', ''],
      ['1.2', '', ''],
      ['2', 'Roles', ''],
      ['2.1', '', ''],
      ['2.2', '', 'a b c'],
      ['3', 'Concerns', ''],
      ['3.1', '', ''],
    ]);
    expect(content.clauses.find((c) => c.id === '2.2')!.items.map((i) => i.text)).toEqual(['give impartial advice;', 'treat councillors with respect; and', 'keep ward councillors informed.']);
    expect(content.clauses.at(-1)!.text).toBe('A councillor with a concern about an officer should raise it with the relevant Director, and then the Chief Executive; see section 2.');
    expect(JSON.stringify(content.clauses)).not.toMatch(/Enquiries|Constitution|Part 5\.3|Agreed by/);
    expect(notes).toEqual(
      expect.arrayContaining([
        'Read a table of 8 rows as the protocol\'s own layout: the number in each row\'s first cell, its text beside it; check the clause numbers.',
        expect.stringMatching(/^Left out 1 line\(s\) after the protocol's table: "Enquiries about this protocol/),
      ]),
    );
    expect(content.escalation.councillor.steps.map((s) => [s.to, s.clause])).toEqual([['The relevant Director', '3.1']]);
  });

  test('a version table of numbers and dates is not a layout table: it is still left out', async () => {
    const file = join(dir, 'versions.docx');
    const plain = (cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
    await write(file, [
      new Paragraph({ text: 'Working Together', heading: HeadingLevel.HEADING_1 }),
      new Paragraph('1. Councillors and staff treat each other with courtesy and respect at all times.'),
      new Paragraph('2. A councillor with a concern about the Clerk should speak to the Chair of the council.'),
      new Table({
        rows: [
          plain(['Version', 'Date', 'Change']),
          plain(['1.0', '12 March 2022', 'First adopted by the full council at its annual meeting in the town hall']),
          plain(['1.1', '14 March 2023', 'Reviewed by the staffing committee with minor changes to the wording of section two']),
          plain(['2.0', 'June 2024', 'Readopted by the full council after the elections with a new complaints section added']),
        ],
      }),
    ]);
    const { content, notes } = await importDocument(file, { id: 'versions', name: 'Versions Town Council' });
    expect(content.clauses.map((c) => c.id)).toEqual(['1', '2']);
    expect(JSON.stringify(content.clauses)).not.toMatch(/2022|Readopted/);
    expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/^Left out a table of 4 rows starting "Version \| Date \| Change"/)]));
  });
});

test('legal numbering (w:isLgl): clauses show "3.2" under parts numbered PART I, PART II…; the parts are sections 1, 2…', async () => {
  const file = join(dir, 'legal.docx');
  const para = (lvl: number, text: string, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text, heading, numbering: { reference: 'legal', level: lvl } });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'legal',
          levels: [
            { level: 0, format: LevelFormat.UPPER_ROMAN, text: 'PART %1', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.LEFT, isLegalNumberingStyle: true },
            { level: 2, format: LevelFormat.LOWER_LETTER, text: '(%3)', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Member and Officer Relations Protocol', heading: HeadingLevel.TITLE }),
          para(0, 'INTRODUCTION', HeadingLevel.HEADING_1),
          para(1, 'This protocol guides councillors and staff in working together for the city.'),
          para(1, 'It sits beside the code of conduct adopted by the council.'),
          para(0, 'WORKING TOGETHER', HeadingLevel.HEADING_1),
          para(1, 'Staff will:'),
          para(2, 'give impartial advice;'),
          para(2, 'treat councillors with courtesy.'),
          para(1, 'A councillor with a concern about a member of staff should speak to the City Clerk.'),
        ],
      },
    ],
  });
  writeFileSync(file, await Packer.toBuffer(doc));
  const { content } = await importDocument(file, { id: 'legal', name: 'Legal City Council' });
  expect(content.clauses.map((c) => [c.id, c.heading ?? '', c.items.map((i) => i.label).join(' ')])).toEqual([
    ['1', 'Introduction', ''],
    ['1.1', '', ''],
    ['1.2', '', ''],
    ['2', 'Working Together', ''],
    ['2.1', '', 'a b'],
    ['2.2', '', ''],
  ]);
});
