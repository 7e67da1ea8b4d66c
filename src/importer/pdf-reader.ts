/** Reads a protocol PDF into paragraphs: running lines and tables left out, wrapped lines and split words joined. */
import { TABLE_HEADING, tableLeftOutNote } from './boilerplate';
import { hyphenContext, joinHyphenated } from './hyphenation';
import { IMPORT_MESSAGES as M, ImportError } from './import-error';
import { baselineStep, documentLines, type PdfLine } from './pdf-lines';
import { readPdfItems } from './pdf-text-items';
import type { DocumentText } from './document-text';
import { FOOTNOTE_MARK, isUpperCase, looksLikeHeading, startsNewBlock } from './line-patterns';
import { findRunningLines } from './running-lines';

/** A line ending within this fraction of the column's width from its right edge was wrapped. */
const FULL_LINE = 0.12;
/** A gap between baselines larger than this many of the document's usual line steps ends a paragraph. */
const PARAGRAPH_GAP = 1.3;

export async function readPdf(path: string): Promise<DocumentText> {
  const pages = documentLines(await readPdfItems(path));
  const lineCount = pages.reduce((n, p) => n + p.length, 0);
  if (lineCount === 0) throw new ImportError(M.noTextLayer());
  const { drop, notes } = findRunningLines(pages);
  const inColumns = pages.filter((p) => p.some((l) => l.column > 0)).length;
  if (inColumns) notes.push(`Read ${inColumns} page(s) set in two columns, each column down in turn; check that no clause runs on in the wrong place.`);
  const footnotes = leaveOutFootnotes(pages.map((p) => p.filter((l) => !drop.has(l))));
  if (footnotes.dropped.size) notes.push(footnotes.note);
  const body = pages.flat().filter((l) => !drop.has(l) && !footnotes.dropped.has(l));
  const { lines: prose, tables } = leaveOutTables(body);
  notes.push(...tables);
  return { lines: paragraphs(prose), notes, unwrapped: true, format: 'PDF' };
}

/** A footnote's first line opens with its mark: "¹ The Code…", "2 See…", "* As amended…". */
const FOOTNOTE_OPENING = new RegExp(String.raw`^(?:${FOOTNOTE_MARK}|\d{1,2})\s*\p{L}`, 'u');
/** Footnotes are printed smaller than the body text: at most this fraction of its size. */
const FOOTNOTE_SIZE = 0.9;

/**
 * Footnotes at the foot of a page (after running lines are gone): the page's last lines, printed
 * smaller than the body text, the first of them opening with a footnote mark. They are the
 * document's notes on its text, not clauses, and would otherwise run into the clause before them.
 */
function leaveOutFootnotes(pages: readonly PdfLine[][]): { dropped: Set<PdfLine>; note: string } {
  const sizes = pages.flat().map((l) => l.size);
  const dropped = new Set<PdfLine>();
  if (sizes.length === 0) return { dropped, note: '' };
  const body = percentile(sizes, 0.5);
  const first: string[] = [];
  for (const lines of pages) {
    let start = lines.length;
    while (start > 0 && lines[start - 1]!.size <= FOOTNOTE_SIZE * body) start--;
    // The smaller lines at the foot of the page, from the first that opens with a mark.
    const at = lines.findIndex((l, i) => i >= start && FOOTNOTE_OPENING.test(l.text));
    if (at < 0 || at === 0) continue;
    first.push(lines[at]!.text);
    for (const l of lines.slice(at)) dropped.add(l);
  }
  const note = `Left out ${dropped.size} footnote line(s) at the foot of pages, printed smaller than the text: "${first.map((t) => t.slice(0, 60)).join(' / ')}". Check none of it is protocol text.`;
  return { dropped, note };
}

/** Rows of two or more cells standing apart, two or more in a row, are a table: left out whole. */
function leaveOutTables(lines: PdfLine[]): { lines: PdfLine[]; tables: string[] } {
  const isRow = (l: PdfLine) => l.cells.length >= 2;
  const left = Math.min(...lines.map((l) => l.x));
  // A cell's text wrapped onto a line of its own ("Manager" under "Democratic Services") stands indented
  // between two rows; it belongs to the table.
  const inCell = (j: number) => lines[j]!.x > left + 40 && lines[j + 1] !== undefined && isRow(lines[j + 1]!);
  const kept: PdfLine[] = [];
  const tables: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    let rows = 0;
    while (j < lines.length && (isRow(lines[j]!) || (rows > 0 && inCell(j)))) {
      if (isRow(lines[j]!)) rows++;
      j++;
    }
    if (rows >= 2) {
      const heading = kept.at(-1);
      if (heading && TABLE_HEADING.test(heading.text)) kept.pop();
      tables.push(tableLeftOutNote(j - i, lines[i]!.cells));
      i = j;
    } else {
      kept.push(lines[i]!);
      i++;
    }
  }
  return { lines: kept, tables };
}

/** Joins wrapped lines into paragraphs, one string each, using where each line ends on the page. */
function paragraphs(lines: PdfLine[]): string[] {
  if (lines.length === 0) return [];
  // Each text column has its own right edge: a line is full when it reaches its own column's.
  const edges = new Map<number, { right: number; width: number }>();
  for (const column of new Set(lines.map((l) => l.column))) {
    const inColumn = lines.filter((l) => l.column === column);
    const right = percentile(inColumn.map((l) => l.right), 0.95);
    edges.set(column, { right, width: Math.max(1, right - Math.min(...inColumn.map((l) => l.x))) });
  }
  const step = baselineStep(lines);
  const hyphens = hyphenContext(lines.map((l) => l.text).join('\n'));
  const out: string[] = [];
  let current: string | undefined;
  let prev: PdfLine | undefined;
  for (const line of lines) {
    const wrapped =
      prev !== undefined &&
      current !== undefined &&
      prev.right >= edges.get(prev.column)!.right - FULL_LINE * edges.get(prev.column)!.width &&
      (line.page !== prev.page || prev.y - line.y <= PARAGRAPH_GAP * step) &&
      Math.abs(line.size - prev.size) < 0.5 &&
      !startsNewBlock(line.text) &&
      !(isUpperCase(line.text) && looksLikeHeading(line.text, Infinity)) &&
      !/:$/.test(prev.text);
    if (wrapped) {
      current = /\p{L}-$/u.test(current!) ? joinHyphenated(current!, line.text, hyphens) : `${current} ${line.text}`;
    } else {
      if (current !== undefined) out.push(current);
      current = line.text;
    }
    prev = line;
  }
  if (current !== undefined) out.push(current);
  return out;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
