/** Rebuilds a PDF page's printed lines from its positioned text items, and tells table rows from prose. */
import type { PdfPage } from './pdf-text-items';

export interface PdfLine {
  text: string;
  page: number;
  /** Left and right edges and baseline, in PDF points (y grows upwards). */
  x: number;
  right: number;
  y: number;
  size: number;
  /** Cells of a row whose items stand apart in columns (a table), else one cell. */
  cells: string[];
}

/** Items whose baselines differ by less than this fraction of the font size share a line. */
const SAME_LINE = 0.4;
/** A horizontal gap wider than this many font sizes separates table cells, not words. */
const CELL_GAP = 2.2;

export function pageLines(page: PdfPage, pageNumber: number): PdfLine[] {
  const items = [...page.items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: (typeof items)[] = [];
  for (const item of items) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - item.y) < SAME_LINE * Math.max(item.size, row[0]!.size)) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const size = Math.max(...row.map((i) => i.size));
    const baseline = row.find((i) => i.size === size)!.y;
    const cells: string[] = [];
    let text = '';
    let end = -Infinity;
    for (const raw of row) {
      const item = raised(raw, baseline, size) ? { ...raw, str: superscript(raw.str) } : raw;
      const gap = item.x - end;
      if (cells.length === 0 || gap > CELL_GAP * size) cells.push(item.str.trim());
      else cells[cells.length - 1] = joinRun(cells.at(-1)!, item.str, gap, size);
      text = text === '' ? item.str : joinRun(text, item.str, gap, size);
      end = Math.max(end, item.x + item.width);
    }
    return {
      text: text.replace(/\s+/g, ' ').trim(),
      page: pageNumber,
      x: row[0]!.x,
      right: end,
      y: row[0]!.y,
      size,
      cells: mergeMarker(cells.filter((c) => c !== '')),
    };
  });
}

/** A footnote mark: a number set small and above the line ("…18 hours a week¹"). */
function raised(item: { str: string; y: number; size: number }, baseline: number, size: number): boolean {
  return /^\s*\d{1,2}\s*$/.test(item.str) && item.size <= 0.8 * size && item.y - baseline >= 0.15 * size;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superscript = (str: string) => str.trim().replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);

/** A list marker or clause number set apart by a tab ("3.2    The Council…", "•    text") is not a table cell. */
const MARKER = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|\(?[a-z0-9]{1,4}[.)]|[•\-–▪◦o\u2022\uF0B7]|paragraph \d+\.?)$/i;

function mergeMarker(cells: string[]): string[] {
  if (cells.length >= 2 && MARKER.test(cells[0]!)) return [`${cells[0]} ${cells[1]}`, ...cells.slice(2)];
  return cells;
}

function joinRun(text: string, str: string, gap: number, size: number): string {
  if (/\s$/.test(text) || /^\s/.test(str) || gap < 0.15 * size) return text + str;
  return `${text} ${str}`;
}
