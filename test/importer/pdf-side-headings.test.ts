/**
 * A protocol laid out as Word lays out a constitution with side headings: the section heading in a margin
 * column beside its first paragraph, wrapped inside that column; paragraph numbers in a column of their own;
 * justified text in a third; a footer drawn before the page body (so the text layer gives it first), and a
 * paragraph running over a page break (layout described in round 16's new-councils README; this document
 * is written here, with its own text).
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { importDocument } from '../../src/importer/import-document';
import { wrapWords } from './pdf-wrap';

type Paragraph = string | [string, string[]];
const SECTIONS: [string, Paragraph[]][] = [
  ['Introduction', [
    'This protocol describes how the elected members and the employees of Corrandale Council work together, and what each may expect of the other.',
    'It forms part of the Constitution and is read with the Members\u2019 Code of Conduct and the Employees\u2019 Code of Conduct.',
  ]],
  ['The Role of Elected Members', [
    'Members set the policies of the Council, represent the people of their divisions and hold the committees and officers to account.',
    'Members do not direct employees in their day to day work. A member who wants something done asks the responsible Director, who decides how it is done and by whom.',
    'A member who chairs a committee may meet its lead officer before each meeting to go through the agenda, but the report remains the officer\u2019s own.',
  ]],
  ['Relations Between Members and Employees', [
    'Members and employees treat each other with courtesy and respect. Neither criticises the other in public, at meetings open to the press or on social media.',
    ['An employee asked by a member for help will:', [
      'reply within five working days, or say when a full reply will follow;',
      'give the same information to any other member who asks for it;',
      'tell the member if the request needs a decision of a committee; and',
      'keep the request confidential where the member asks and the law allows.',
    ]],
    'Close personal relationships between a member and an employee are declared to the Chief Executive, who will decide what arrangements are needed to keep the Council\u2019s business impartial.',
    'Members do not take part in the appointment, discipline or dismissal of any employee below the level of Director, except as a member of an appeals panel set up under the Council\u2019s procedures.',
  ]],
  ['Briefings for Political Groups', [
    'Directors may brief a political group on council business at the group\u2019s request, with the Chief Executive\u2019s agreement, and will offer the same briefing to every other group.',
    'An employee at a group meeting gives information and professional advice only, and leaves before any discussion of party business.',
  ]],
  ['Concerns and Complaints', [
    'A member with a concern about an employee raises it with the employee\u2019s Director, and then with the Chief Executive if it is not put right.',
    'An employee with a concern about a member raises it with their Director, who may refer it to the Monitoring Officer.',
  ]],
  ['Review', [
    'The Audit and Standards Committee reviews this protocol every three years and after any change in the law.',
  ]],
];

const MARGIN = 56;
const SIDE = 94;
const NUMBER = 30;
const TEXT = 347;
const SIZE = 9.5;
const STEP = 12;
const PAGE_FOOT = 790;

async function writeSideHeadingsPdf(file: string, bottom: number): Promise<number> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, bottom: 20, left: MARGIN, right: MARGIN }, autoFirstPage: false });
  const out = createWriteStream(file);
  doc.pipe(out);
  let page = 0;
  let y = 0;
  const newPage = () => {
    doc.addPage();
    page++;
    // Word writes the footer before the body: the text layer gives it first.
    doc.font('Helvetica').fontSize(8);
    doc.text('Constitution of Corrandale Council \u2013 Part 5B', MARGIN, PAGE_FOOT, { lineBreak: false });
    doc.text(`Page ${page}`, MARGIN + SIDE + NUMBER + TEXT - 40, PAGE_FOOT, { lineBreak: false });
    y = page === 1 ? 150 : 64;
  };
  const nextLine = () => {
    y += STEP;
    if (y > bottom) newPage();
  };
  const wrap = (text: string, width: number) => wrapWords(doc, text, width);
  /** Justified as Word sets it: each line its own run, spread by word spacing, the last line left as it is. */
  const justified = (text: string, x: number, width: number, first?: () => void) => {
    doc.font('Helvetica').fontSize(SIZE);
    const lines = wrap(text, width);
    lines.forEach((line, k) => {
      if (k === 0) first?.();
      doc.font('Helvetica').fontSize(SIZE);
      const gaps = line.split(' ').length - 1;
      const spacing = k < lines.length - 1 && gaps > 0 ? (width - doc.widthOfString(line)) / gaps : 0;
      doc.text(line, x, y, { lineBreak: false, wordSpacing: spacing });
      nextLine();
    });
  };
  const textX = MARGIN + SIDE + NUMBER;
  newPage();
  doc.font('Helvetica-Bold').fontSize(12).text('CORRANDALE COUNCIL', MARGIN, 64, { width: SIDE + NUMBER + TEXT, align: 'center' });
  doc.font('Helvetica').fontSize(10).text('CONSTITUTION \u2013 PART 5B: MEMBER AND EMPLOYEE RELATIONS PROTOCOL', { width: SIDE + NUMBER + TEXT, align: 'center' });
  doc.font('Helvetica-Oblique').fontSize(9).text('Adopted by the Council on 12 February 2026 (minute 88), issue 2', { width: SIDE + NUMBER + TEXT, align: 'center' });
  doc.moveTo(MARGIN, 130).lineTo(MARGIN + SIDE + NUMBER + TEXT, 130).stroke();
  SECTIONS.forEach(([title, paragraphs], s) => {
    paragraphs.forEach((p, k) => {
      const [text, items] = typeof p === 'string' ? [p, []] : p;
      justified(text, textX, TEXT, () => {
        if (k === 0) {
          // The side heading, top-aligned with the first paragraph and wrapped inside its column.
          doc.font('Helvetica-Bold').fontSize(SIZE);
          wrap(`${s + 1}. ${title}`, SIDE - 8).forEach((line, n) => doc.text(line, MARGIN, y + n * STEP, { lineBreak: false }));
        }
        doc.font('Helvetica-Bold').fontSize(SIZE).text(`${s + 1}.${k + 1}`, MARGIN + SIDE, y, { lineBreak: false });
      });
      items.forEach((item, i) => {
        justified(item, textX + 22, TEXT - 22, () => {
          doc.font('Helvetica').fontSize(SIZE).text(`(${String.fromCharCode(97 + i)})`, textX, y, { lineBreak: false });
        });
      });
      y += 5;
    });
    y += 4;
  });
  doc.end();
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
  return page;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-side-headings-'));
});
afterAll(() => (process.env.KEEP ? undefined : rmSync(dir, { recursive: true, force: true })));

const ids = SECTIONS.flatMap(([, paragraphs], s) => [String(s + 1), ...paragraphs.map((_, k) => `${s + 1}.${k + 1}`)]);
const wholeText = (p: Paragraph) => (typeof p === 'string' ? p : [p[0], ...p[1]].join(' '));

test.each([
  ['on three pages, a paragraph running over each break', 300],
  ['on two pages', 560],
])('side headings beside their first paragraph become section headings, whole and apart from the text (%s)', async (_, bottom) => {
  const file = join(dir, `protocol-${bottom}.pdf`);
  const pages = await writeSideHeadingsPdf(file, bottom);
  expect(pages).toBeGreaterThan(1);
  const { content } = await importDocument(file, { id: 'corrandale', name: 'Corrandale Council' });
  expect(content.clauses.map((c) => c.id)).toEqual(ids);
  const byId = new Map(content.clauses.map((c) => [c.id, c]));
  SECTIONS.forEach(([title, paragraphs], s) => {
    expect(byId.get(String(s + 1))!.heading).toBe(title);
    paragraphs.forEach((p, k) => {
      const c = byId.get(`${s + 1}.${k + 1}`)!;
      expect([c.text, ...c.items.map((i) => i.text)].join(' ')).toBe(wholeText(p));
    });
  });
  expect(byId.get('3.2')!.items.map((i) => i.label)).toEqual(['a', 'b', 'c', 'd']);
});
