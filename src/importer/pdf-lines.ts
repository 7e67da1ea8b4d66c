/** Rebuilds a PDF page's printed lines from its positioned text items, and tells table rows from prose. */
import { takeSideHeadings, type SideHeading } from './pdf-side-headings';
import { itemRows, SAME_LINE, type PdfItem, type PdfPage } from './pdf-text-items';

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
  /** On a page set in two text columns, 1 or 2; 0 for a page of one column and for lines across both. */
  column: number;
}

/** A horizontal gap wider than this many font sizes separates table cells, not words. */
const CELL_GAP = 2.2;

/** A page's items in reading order: across the page above, the first column, the second, across below. */
interface Columns {
  gutter: number;
  above: PdfItem[];
  left: PdfItem[];
  right: PdfItem[];
  below: PdfItem[];
}

/**
 * Every page's lines in reading order. On pages set in two text columns, the lines across both (a title
 * block, a running header or footer) come first or last, and each column is read down in turn, as its
 * reader would. A page whose second column is empty (the last) is read at the gutter the others show.
 */
export function documentLines(pages: readonly PdfPage[]): PdfLine[][] {
  const side = takeSideHeadings(pages);
  if (side) return side.map((s, n) => withHeadings(rowLines(s.items, n + 1, 0), s.headings, n + 1));
  const columns = pages.map((page) => twoColumns(page));
  const gutters = columns.flatMap((c) => (c ? [c.gutter] : []));
  const gutter = gutters.length ? median(gutters) : undefined;
  return pages.map((page, n) => {
    const c = columns[n] ?? (gutter === undefined ? undefined : columnsAt(page, gutter, false));
    if (!c) return rowLines(page.items, n + 1, 0);
    return [...rowLines(c.above, n + 1, 0), ...rowLines(c.left, n + 1, 1), ...rowLines(c.right, n + 1, 2), ...rowLines(c.below, n + 1, 0)];
  });
}

/** A page's lines with each side heading read as a line of its own, just above the line it stands beside. */
function withHeadings(lines: PdfLine[], headings: readonly SideHeading[], page: number): PdfLine[] {
  const out = [...lines];
  for (const h of headings) {
    const at = out.findIndex((l) => l.y < h.y + SAME_LINE * h.size);
    const line: PdfLine = { text: h.text, page, x: h.x, right: h.right, y: h.y, size: h.size, cells: [h.text], column: 0 };
    out.splice(at < 0 ? out.length : at, 0, line);
  }
  return out;
}

/** Items are set in columns when at least this many lines of each column stand side by side. */
const SIDE_BY_SIDE = 5;

const crosses = (i: PdfItem, g: number) => i.x < g - 1 && i.x + i.width > g + 1;

/**
 * A page set in two text columns: a gutter near the middle of the page that no item crosses between
 * the first and last lines the columns share, with text on both sides of it. Undefined for a page of
 * one column (its lines cross the middle) or a table beside prose.
 */
function twoColumns(page: PdfPage): Columns | undefined {
  if (page.items.length < 2 * SIDE_BY_SIDE) return undefined;
  /** Where the fewest of these items cross, nearest the middle of the page. */
  const gutterOf = (among: readonly PdfItem[]) => {
    let [gutter, fewest] = [-1, Infinity];
    for (let g = Math.round(page.width * 0.3); g <= page.width * 0.7; g += 2) {
      const n = among.filter((i) => crosses(i, g)).length;
      if (n < fewest || (n === fewest && Math.abs(g - page.width / 2) < Math.abs(gutter - page.width / 2))) [gutter, fewest] = [g, n];
    }
    return gutter;
  };
  // A title block or footer across the page can hide the gutter: look again where the columns stand side by side.
  const first = columnsAt(page, gutterOf(page.items), true, true);
  if (!first) return undefined;
  const band = [...first.left, ...first.right];
  const [top, bottom] = [Math.max(...band.map((i) => i.y)), Math.min(...band.map((i) => i.y))];
  return columnsAt(page, gutterOf(page.items.filter((i) => i.y <= top && i.y >= bottom)), true);
}

/**
 * The page read as two columns at this gutter; undefined if an item crosses it where the columns stand
 * (or, when `sideBySide`, if too few lines of the two stand side by side). A `first` look, for where the
 * columns stand, does not yet ask that they hold most of the page, in prose.
 */
function columnsAt(page: PdfPage, gutter: number, sideBySide: boolean, first = false): Columns | undefined {
  const items = page.items;
  const size = median(items.map((i) => i.size));
  const across = items.filter((i) => crosses(i, gutter));
  const left = items.filter((i) => !crosses(i, gutter) && i.x < gutter);
  const right = items.filter((i) => !crosses(i, gutter) && i.x >= gutter);
  const rightRows = right.map((i) => i.y);
  const shared = [...new Set(left.map((i) => i.y))].filter((y) => rightRows.some((r) => Math.abs(r - y) < SAME_LINE * size));
  if (sideBySide ? shared.length < SIDE_BY_SIDE : left.length + right.length < SIDE_BY_SIDE) return undefined;
  // Most of the page is set in the columns, and the first column is prose filling its width: not a table beside prose.
  const rowsOf = (among: readonly PdfItem[]) => new Set(among.map((i) => Math.round(i.y))).size;
  if (!first && (rowsOf([...left, ...right]) < 0.7 * rowsOf(items) || (sideBySide && !fillsWidth(left)))) return undefined;
  const ys = shared.length ? shared : [...left, ...right].map((i) => i.y);
  const [top, bottom] = [Math.max(...ys), Math.min(...ys)];
  // Nothing may cross the gutter where the columns stand.
  if (across.some((i) => i.y <= top + 0.5 * size && i.y >= bottom - 0.5 * size)) return undefined;
  const above = (i: PdfItem) => i.y > top + 0.5 * size;
  // Below the last shared line, a column's own lines run on (the last page's first column) unless set
  // well apart from them (a footer on one side).
  const apart = (side: PdfItem[]) => {
    const rows = [...new Set(side.map((i) => i.y))].sort((a, b) => b - a);
    const step = rowStep(rows, size);
    const k = rows.findIndex((y, n) => n > 0 && y < bottom && rows[n - 1]! - y > 2.5 * step);
    const cut = k < 0 ? -Infinity : rows[k]!;
    return (i: PdfItem) => i.y <= cut;
  };
  const [leftApart, rightApart] = [apart(left), apart(right)];
  const [isAcross, isLeft] = [new Set(across), new Set(left)];
  const isBelow = (i: PdfItem) => (isAcross.has(i) ? i.y < bottom : isLeft.has(i) ? leftApart(i) : rightApart(i));
  return {
    gutter,
    above: items.filter(above),
    left: left.filter((i) => !above(i) && !isBelow(i)),
    right: right.filter((i) => !above(i) && !isBelow(i)),
    below: items.filter((i) => !above(i) && isBelow(i)),
  };
}

/** Whether most lines of a column (as its items) end near its right edge, as wrapped prose does. */
function fillsWidth(column: readonly PdfItem[]): boolean {
  const rows = new Map<number, { x: number; right: number }>();
  for (const i of column) {
    const key = Math.round(i.y);
    const row = rows.get(key);
    rows.set(key, { x: Math.min(row?.x ?? Infinity, i.x), right: Math.max(row?.right ?? -Infinity, i.x + i.width) });
  }
  const all = [...rows.values()];
  const [left, right] = [Math.min(...all.map((r) => r.x)), Math.max(...all.map((r) => r.right))];
  return all.filter((r) => right - r.right < 0.15 * (right - left)).length >= all.length / 2;
}

/** The usual distance between the baselines of two lines of one paragraph: the median step on a page. */
export function baselineStep(lines: readonly PdfLine[]): number {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1]!.y - lines[i]!.y;
    if (lines[i]!.page === lines[i - 1]!.page && gap > 0 && gap < 3 * lines[i]!.size) steps.push(gap);
  }
  return steps.length > 0 ? median(steps) : 14;
}

/** The middle value (0 for none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The usual distance between a column's rows (their baselines, before lines are built): the median gap between neighbours. */
function rowStep(rows: number[], size: number): number {
  const ys = [...new Set(rows)].sort((a, b) => b - a);
  const gaps = ys.slice(1).map((y, k) => ys[k]! - y).filter((g) => g > 0.5 * size && g < 3 * size);
  return gaps.length ? median(gaps) : 1.2 * size;
}

function rowLines(pageItems: readonly PdfItem[], pageNumber: number, column: number): PdfLine[] {
  return itemRows(pageItems).map((row) => {
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
      column,
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
