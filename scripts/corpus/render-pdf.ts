/** Renders document blocks as a PDF with a real text layer, a running header and footer ("Page n of m") on every page. */
import PDFDocument from 'pdfkit';
import type { DocBlock } from './document-blocks';
import { fill } from './document-blocks';
import type { Layout } from './layout-schema';

/** Fixed, so a rebuild gives the same bytes (pdfkit otherwise stamps the current time and derives the file ID from it). */
export const FIXED_DATE = new Date('2025-05-01T09:00:00Z');
const MARGIN = { top: 78, bottom: 78, left: 64, right: 64 };
const BODY_SIZE = 10.5;
const LABEL_WIDTH = [42, 28, 28];
const INDENT = [0, 42, 70];

type Doc = InstanceType<typeof PDFDocument>;

/** Collects the document's bytes once pdfkit has finished writing. */
export function pdfBytes(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

function right(doc: Doc): number {
  return doc.page.width - MARGIN.right;
}

function ensureRoom(doc: Doc, lines: number): void {
  if (doc.y + lines * doc.currentLineHeight(true) > doc.page.height - MARGIN.bottom) doc.addPage();
}

function drawPara(doc: Doc, block: Extract<DocBlock, { kind: 'para' }>): void {
  doc.font('Helvetica').fontSize(BODY_SIZE);
  ensureRoom(doc, 2);
  const x = MARGIN.left + INDENT[block.level]!;
  const labelWidth = Math.max(LABEL_WIDTH[block.level]!, doc.widthOfString(block.label) + 8);
  const y = doc.y;
  if (block.label) doc.text(block.label, x, y, { lineBreak: false });
  const textX = x + labelWidth;
  doc.text(block.text || ' ', textX, y, { width: right(doc) - textX, lineGap: 1.5 });
  doc.moveDown(0.5);
}

function drawTable(doc: Doc, rows: string[][]): void {
  doc.fontSize(9);
  const width = right(doc) - MARGIN.left;
  const weights = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)) + 4);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * width);
  ensureRoom(doc, rows.length * 2);
  rows.forEach((row, r) => {
    const y = doc.y;
    const height = Math.max(...row.map((cell, c) => doc.heightOfString(cell, { width: widths[c]! - 8 }))) + 8;
    let x = MARGIN.left;
    row.forEach((cell, c) => {
      doc.rect(x, y, widths[c]!, height).stroke();
      doc.font(r === 0 ? 'Helvetica-Bold' : 'Helvetica').text(cell, x + 4, y + 4, { width: widths[c]! - 8 });
      x += widths[c]!;
    });
    doc.x = MARGIN.left;
    doc.y = y + height;
  });
  doc.moveDown(1);
}

/** A header or footer line: text before a tab is left-aligned, text after it right-aligned. */
function drawRunning(doc: Doc, line: string, y: number): void {
  const [left, rightText] = line.split('\t');
  const width = right(doc) - MARGIN.left;
  if (left) doc.text(left, MARGIN.left, y, { width, lineBreak: false });
  if (rightText) doc.text(rightText, MARGIN.left, y, { width, align: 'right', lineBreak: false });
}

function drawRunningHeads(doc: Doc, layout: Layout): void {
  const pages = layout.pages;
  if (!pages) return;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const page = (s: string) => fill(fill(s, 'n', String(i + 1)), 'm', String(range.count));
    // Writing inside the bottom margin would make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#444444');
    pages.header.forEach((line, k) => drawRunning(doc, page(line), 36 + k * 11));
    pages.footer.forEach((line, k) => drawRunning(doc, page(line), doc.page.height - 50 + k * 11));
    doc.fillColor('black');
    doc.page.margins.bottom = MARGIN.bottom;
  }
}

export async function renderPdf(blocks: DocBlock[], layout: Layout, title: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: title, Author: layout.author, Creator: 'Microsoft Word', Producer: 'corpus build', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  for (const block of blocks) {
    if (block.kind === 'heading') {
      ensureRoom(doc, 3);
      doc.font('Helvetica-Bold').fontSize(block.level === 1 ? 12 : BODY_SIZE);
      doc.text(block.text, MARGIN.left, doc.y, { width: right(doc) - MARGIN.left });
      doc.moveDown(0.5);
    } else if (block.kind === 'para') {
      drawPara(doc, block);
    } else if (block.kind === 'lines') {
      doc.font('Helvetica').fontSize(BODY_SIZE);
      for (const line of block.lines) doc.text(line || ' ', MARGIN.left, doc.y, { width: right(doc) - MARGIN.left });
      doc.moveDown(0.8);
    } else {
      drawTable(doc, block.rows);
    }
  }
  drawRunningHeads(doc, layout);
  return pdfBytes(doc);
}
