/**
 * A district council's protocol as a PDF exported from Word in two text columns: clause numbers in a
 * hanging margin column inside each text column, paragraphs running on from one column to the next and
 * over pages, a full-width title block, running headers aligned left on even pages and right on odd ones,
 * and a centred footer (layout described in round 15's new-councils README; this document is written here).
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { importDocument } from '../../src/importer/import-document';
import { wrapWords } from './pdf-wrap';

const SECTIONS: [string, (string | [string, string[]])[]][] = [
  ['Introduction', [
    'This protocol guides the relationship between councillors and the officers of Kestrelford District Council, so that both can do their jobs well and with confidence in each other.',
    'It forms part of the constitution, and sits beside the codes of conduct for members and for employees. Where they differ, the codes of conduct prevail.',
    'The Managing Director is the head of paid service, and the Chief Legal Officer is the monitoring officer of the Council.',
  ]],
  ['Roles', [
    'Councillors are elected to represent their wards, to set the policy of the Council and to hold the executive to account through scrutiny.',
    'Officers give advice, carry out the decisions of the Council and manage its services. They serve the Council as a whole, not any group or councillor within it.',
    ['Officers will:', ['give impartial and professional advice to every councillor, whatever their party;', 'answer reasonable requests for information promptly;', 'keep ward councillors informed of matters affecting their ward;', 'treat councillors with courtesy and respect at all times.']],
    'The Mayor and Cabinet Members may give officers direction on the delivery of their portfolios, but not on matters of professional judgement.',
  ]],
  ['Political Groups', [
    'Officers may be asked to brief political groups on council business. Such briefings are confidential to the group, and the same information is available to every group on request.',
    'Officers do not attend meetings of a political group at which members of the public or party officials who are not councillors are present.',
    'An officer briefing a group gives facts and professional advice only, and takes no part in the group\u2019s discussion of party tactics.',
  ]],
  ['Concerns', [
    'A councillor who is unhappy with the conduct of an officer should raise the matter first with the officer\u2019s Group Head, and then with the Managing Director if it is not resolved.',
    'An officer who is concerned about the behaviour of a councillor should speak to their Group Head, who will raise it with the Chief Legal Officer where needed.',
    'A complaint that a councillor has broken the code of conduct goes to the Chief Legal Officer as monitoring officer, who may consult the Independent Person.',
  ]],
  ['Training and Review', [
    'Every councillor and every senior officer is offered training on this protocol after each election and when they join the Council.',
    'The Ethics and Standards Committee reviews this protocol every two years, and recommends any changes to the full Council for adoption.',
  ]],
];

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const COLUMN = 231;
const GUTTER = 20;
const HANG = 26;
const SIZE = 9.5;
const STEP = 12;

async function writeColumnsPdf(file: string): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, bottom: 20, left: MARGIN, right: MARGIN }, autoFirstPage: false });
  const out = createWriteStream(file);
  doc.pipe(out);
  let page = 0;
  let column = 0;
  let top = 0;
  let y = 0;
  // Short columns, so that paragraphs run on from column to column and over pages.
  const bottom = 480;
  const newPage = () => {
    doc.addPage();
    page++;
    if (page > 1) {
      const header = page % 2 === 0 ? 'Protocol 6.1 \u2013 Member and Officer Relations' : 'Kestrelford District Council \u2013 Constitution Part 6';
      doc.font('Times-Roman').fontSize(8).text(header, MARGIN, 36, { width: 2 * COLUMN + GUTTER, align: page % 2 === 0 ? 'left' : 'right', lineBreak: false });
      doc.moveTo(MARGIN, 48).lineTo(MARGIN + 2 * COLUMN + GUTTER, 48).stroke();
    }
    doc.font('Times-Roman').fontSize(8).text(`Part 6.1 \u2013 page ${page}`, MARGIN, PAGE.height - MARGIN, { width: 2 * COLUMN + GUTTER, align: 'center', lineBreak: false });
    column = 0;
    top = page === 1 ? 150 : 64;
    y = top;
  };
  const nextLine = () => {
    y += STEP;
    if (y > bottom) {
      if (column === 0) [column, y] = [1, top];
      else newPage();
    }
  };
  const x0 = () => MARGIN + column * (COLUMN + GUTTER);
  const wrap = (text: string, width: number) => wrapWords(doc, text, width);
  const paragraph = (label: string, text: string, indent: number, bold = false) => {
    doc.font(bold ? 'Times-Bold' : 'Times-Roman').fontSize(bold ? 10.5 : SIZE);
    wrap(text, COLUMN - indent).forEach((line, k) => {
      if (k === 0) doc.font('Times-Bold').text(label, x0() + indent - (label.startsWith('(') ? 18 : HANG), y, { lineBreak: false });
      doc.font(bold ? 'Times-Bold' : 'Times-Roman').text(line, x0() + indent, y, { lineBreak: false });
      nextLine();
    });
    y += 4;
  };
  newPage();
  doc.font('Times-Bold').fontSize(14).text('KESTRELFORD DISTRICT COUNCIL', MARGIN, 60, { width: 2 * COLUMN + GUTTER, align: 'center' });
  doc.font('Times-Roman').fontSize(11).text('Constitution \u2013 Part 6: Codes and Protocols', { width: 2 * COLUMN + GUTTER, align: 'center' });
  doc.text('Protocol 6.1: Member and Officer Relations', { width: 2 * COLUMN + GUTTER, align: 'center' });
  doc.font('Times-Italic').fontSize(9).text('Approved by the Council on 9 July 2025 (minute C/25/41), issue 3', { width: 2 * COLUMN + GUTTER, align: 'center' });
  SECTIONS.forEach(([title, clauses], s) => {
    paragraph(String(s + 1), title, HANG, true);
    clauses.forEach((c, k) => {
      const [text, items] = typeof c === 'string' ? [c, []] : c;
      paragraph(`${s + 1}.${k + 1}`, text, HANG);
      items.forEach((item, i) => paragraph(`(${i + 1})`, item, HANG + 18));
    });
  });
  doc.end();
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-columns-'));
});
afterAll(() => (process.env.KEEP ? undefined : rmSync(dir, { recursive: true, force: true })));

test('each column is read down in turn: every clause whole, in order, with no header, footer or title in it', async () => {
  const file = join(dir, 'protocol.pdf');
  await writeColumnsPdf(file);
  const { content, notes } = await importDocument(file, { id: 'kestrelford', name: 'Kestrelford District Council' });
  expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/^Read 2 page\(s\) set in two columns/)]));
  const expected = SECTIONS.flatMap(([, clauses], s) => [String(s + 1), ...clauses.map((_, k) => `${s + 1}.${k + 1}`)]);
  expect(content.clauses.map((c) => c.id)).toEqual(expected);
  const text = (id: string) => {
    const c = content.clauses.find((x) => x.id === id)!;
    return [c.text, ...c.items.map((i) => i.text)].join(' ');
  };
  SECTIONS.forEach(([, clauses], s) =>
    clauses.forEach((c, k) => {
      const [lead, items] = typeof c === 'string' ? [c, []] : c;
      expect(text(`${s + 1}.${k + 1}`)).toBe([lead, ...items].join(' '));
    }),
  );
  expect(content.clauses.find((c) => c.id === '2.3')!.items.map((i) => i.label)).toEqual(['1', '2', '3', '4']);
  expect(content.clauses.map((c) => c.heading).filter(Boolean)).toEqual(SECTIONS.map(([t]) => t));
});
