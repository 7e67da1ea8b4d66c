/**
 * `npx tsx bench/import-speed.ts [pages]`: how long `importDocument` takes on a long PDF protocol (target:
 * 50 pages in under 2 s). Builds the PDF with pdfkit in a temp folder (numbered clauses, lettered lists,
 * a running header and footer on every page), imports it five times and prints the figures. A benchmark,
 * not a test: it never fails on time.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { importDocument } from '../src/importer/import-document';

const SENTENCE =
  'Members and officers will treat each other with courtesy and respect, and will raise any concern about the working relationship promptly and privately with the person concerned. ';

function buildPdf(file: string, pages: number): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 80, bottom: 80, left: 72, right: 72 }, autoFirstPage: true });
  const out = createWriteStream(file);
  doc.pipe(out);
  const furniture = () => {
    const { x, y } = doc;
    doc.fontSize(9).text('Anytown City Council Constitution Part 5 – Codes and Protocols', 72, 40, { lineBreak: false });
    doc.text(`Protocol for Member and Officer Relations    Page ${doc.bufferedPageRange().count} of ${pages}`, 72, 790, { lineBreak: false });
    doc.fontSize(11).text('', x, y);
  };
  furniture();
  doc.on('pageAdded', furniture);
  doc.fontSize(11);
  for (let section = 1; doc.bufferedPageRange().count < pages && section < 99; section++) {
    doc.moveDown().text(`${section}. Section ${section} of the Protocol`);
    for (let clause = 1; clause <= 6 && doc.bufferedPageRange().count < pages; clause++) {
      doc.moveDown(0.5).text(`${section}.${clause} ${SENTENCE.repeat(3)}`, { width: 450 });
      if (clause === 3) {
        for (const label of ['a', 'b', 'c']) doc.text(`(${label}) ${SENTENCE}`, { indent: 20, width: 430 });
      }
    }
  }
  doc.end();
  return new Promise((resolve) => out.on('finish', () => resolve()));
}

async function main(): Promise<void> {
  const pages = Number(process.argv[2] ?? 50);
  const dir = mkdtempSync(join(tmpdir(), 'import-speed-'));
  try {
    const file = join(dir, 'protocol.pdf');
    await buildPdf(file, pages);
    const times: number[] = [];
    let clauses = 0;
    for (let run = 0; run < 5; run++) {
      const start = process.hrtime.bigint();
      const { content } = await importDocument(file, { id: 'anytown', name: 'Anytown City Council' });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      clauses = content.clauses.length;
    }
    times.sort((a, b) => a - b);
    console.log(`${pages}-page PDF, ${clauses} clauses: median ${times[2]!.toFixed(0)} ms, best ${times[0]!.toFixed(0)} ms, worst ${times[4]!.toFixed(0)} ms (target < 2000 ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
