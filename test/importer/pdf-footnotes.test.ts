/**
 * A constitution's protocol as a PDF: paragraphs numbered straight through in a margin column under
 * unnumbered headings, a footnote printed small at the foot of a page in the middle of a paragraph
 * that runs on to the next page, and a footnote mark ending the paragraph before a heading.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { importDocument, type ImportedDocument } from '../../src/importer/import-document';

const LONG =
  'Officers give members professional advice on the law, on procedure and on the options open to the Council, and members should not press an officer to change that advice or to present it in a particular way. ';
const SPLIT = `${LONG.repeat(6)}This paragraph runs on to the next page.`;

async function writePdf(file: string): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 60 });
  const out = createWriteStream(file);
  doc.pipe(out);
  let n = 0;
  const para = (text: string) => {
    n++;
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(10).text(`${n}.`, 60, y, { lineBreak: false });
    doc.font('Helvetica').fontSize(10).text(text, 95, y, { width: 440 });
    doc.moveDown(0.6);
  };
  const heading = (text: string) => doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).text(text, 60).moveDown(0.4);
  doc.font('Helvetica-Bold').fontSize(14).text('Protocol on Member and Officer Relations', { align: 'center' }).moveDown();
  heading('Introduction');
  para('This Protocol guides the working relationship between members and officers of Fenwold Borough Council.');
  // The footnote mark as word processors print it: a small number set above the line.
  const y = doc.y;
  para('It should be read with the Members’ Code of Conduct.');
  const after = doc.y;
  const x = 95 + doc.font('Helvetica').fontSize(10).widthOfString('It should be read with the Members’ Code of Conduct.');
  doc.fontSize(6).text('1', x, y + 0.5, { lineBreak: false });
  doc.fontSize(10);
  doc.x = 60;
  doc.y = after;
  heading('Advice to members');
  // Fill the first page, then a paragraph that the page break splits.
  while (doc.y < 560) para(LONG);
  const split = n + 1;
  para(SPLIT);
  doc.switchToPage(0);
  doc.font('Helvetica').fontSize(8).text('¹ The Code of Conduct was adopted by the Council in May 2021.', 60, 770, { lineBreak: false });
  doc.end();
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
  expect(split).toBeGreaterThan(3);
}

let dir: string;
let imported: ImportedDocument;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-footnotes-'));
  await writePdf(join(dir, 'protocol.pdf'));
  imported = await importDocument(join(dir, 'protocol.pdf'), { id: 'fenwold', name: 'Fenwold Borough Council' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a footnote at the foot of a page is left out, with a note, and the paragraph it interrupts is whole', () => {
  const all = JSON.stringify(imported.content.clauses);
  expect(all).not.toContain('adopted by the Council in May 2021');
  const last = imported.content.clauses.at(-1)!;
  expect(last.text).toBe(SPLIT.trim());
  expect(imported.notes.join('\n')).toMatch(/footnote line\(s\).*The Code of Conduct was adopted/);
});

test('a footnote mark set small above the line is kept as a superscript, and the heading after it heads the paragraphs under it', () => {
  const byId = new Map(imported.content.clauses.map((c) => [c.id, c]));
  expect(byId.get('2')!.text).toBe('It should be read with the Members’ Code of Conduct.¹');
  expect(byId.get('2')!.heading).toBe('Introduction');
  expect(byId.get('3')!.heading).toBe('Advice to members');
});
