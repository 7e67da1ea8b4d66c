/** A Word document built here with the `docx` package: numbering from definitions and styles, a heading style, a table, a text box. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
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
