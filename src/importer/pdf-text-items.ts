/**
 * Text items with their positions from a PDF, read by unpdf (PDF.js) in a child Node process.
 * unpdf loads PDF.js with a dynamic `import()`, which jest's CommonJS sandbox cannot run; a child
 * process runs it the same way under tsx, node and jest, and keeps a hostile PDF's memory out of ours.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IMPORT_MESSAGES as M, ImportError } from './import-error';

/** One run of text: its string, left x and baseline y (PDF points, y up), width and font size. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Items whose baselines differ by less than this fraction of the font size share a line. */
export const SAME_LINE = 0.4;

/** Items grouped into printed rows, top of the page first, each row's items left to right as they came. */
export function itemRows(pageItems: readonly PdfItem[]): PdfItem[][] {
  const items = [...pageItems].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const item of items) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - item.y) < SAME_LINE * Math.max(item.size, row[0]!.size)) row.push(item);
    else rows.push([item]);
  }
  return rows;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

const CHILD_TIMEOUT_MS = 60_000;

const CHILD_SOURCE = `
import { readFileSync } from 'node:fs';
const { getDocumentProxy } = await import(process.argv[1]);
const r = (n) => Math.round(n * 100) / 100;
const out = { pages: [] };
try {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(process.argv[2])));
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const view = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = [];
    for (const i of content.items) {
      if (typeof i.str !== 'string' || i.str.trim() === '') continue;
      items.push([i.str, r(i.transform[4]), r(i.transform[5]), r(i.width), r(Math.abs(i.transform[3]) || i.height)]);
    }
    out.pages.push([r(view.width), r(view.height), items]);
    page.cleanup();
  }
} catch (e) {
  out.error = { name: String(e && e.name), message: String(e && e.message) };
}
process.stdout.write(JSON.stringify(out));
`;

interface ChildOutput {
  pages: [number, number, [string, number, number, number, number][]][];
  error?: { name: string; message: string };
}

function unpdfModuleUrl(): string {
  // The package's CommonJS entry sits beside its ES module build, which the child imports.
  return pathToFileURL(join(dirname(require.resolve('unpdf')), 'index.mjs')).href;
}

/** Reads every page's text items; refuses encrypted and damaged PDFs with a clear ImportError. */
export async function readPdfItems(path: string): Promise<PdfPage[]> {
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', CHILD_SOURCE, unpdfModuleUrl(), path],
      { maxBuffer: 256 * 1024 * 1024, timeout: CHILD_TIMEOUT_MS },
      (err, out) => (err ? reject(new ImportError(M.damagedPdf(), { cause: err })) : resolve(out)),
    );
  });
  let parsed: ChildOutput;
  try {
    parsed = JSON.parse(stdout) as ChildOutput;
  } catch (err) {
    throw new ImportError(M.damagedPdf(), { cause: err });
  }
  if (parsed.error) {
    if (parsed.error.name === 'PasswordException') throw new ImportError(M.encryptedPdf());
    throw new ImportError(M.damagedPdf(), { cause: new Error(`${parsed.error.name}: ${parsed.error.message}`) });
  }
  return parsed.pages.map(([width, height, items]) => ({
    width,
    height,
    items: items.map(([str, x, y, w, size]) => ({ str, x, y, width: w, size })),
  }));
}
