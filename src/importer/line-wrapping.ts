/** Hard line wraps: deciding whether a line continues the one before it, and rebuilding wrapped list items. */
import { startsLowerCase, startsUpperCase } from './line-patterns';

/** Lines longer than this mean the extractor kept paragraphs on one line (no hard wraps). */
const UNWRAPPED_LINE = 120;

/** The text width the document was wrapped at, or Infinity when it was not hard-wrapped. */
export function wrapWidth(lines: readonly string[]): number {
  const lengths = lines.map((l) => l.trim().length).filter((n) => n > 0);
  if (lengths.length === 0) return Infinity;
  const long = lengths.filter((n) => n > UNWRAPPED_LINE).length;
  if (long / lengths.length >= 0.15) return Infinity;
  return Math.max(...lengths.filter((n) => n <= UNWRAPPED_LINE));
}

function firstWord(line: string): string {
  return line.split(' ')[0] ?? '';
}

/** How many characters were left on `prev` beyond the first word of `next`; small means `prev` was wrapped. */
function slack(prev: string, next: string, width: number): number {
  return width - (prev.length + 1 + firstWord(next).length);
}

/**
 * Whether `next` continues the paragraph (or list item) that `prev` ends: true for a hard wrap,
 * false for a new paragraph. A line ending in a colon always closes its paragraph.
 */
export function continuesLine(prev: string, next: string, width: number): boolean {
  if (startsLowerCase(next)) return true;
  if (/:$/.test(prev) || !Number.isFinite(width)) return false;
  const margin = width * (/[.;!?]["”’)]?$/.test(prev) ? 0.12 : 0.24);
  return slack(prev, next, width) < margin;
}

/**
 * Splits wrapped lines into `count` list items when the bullets themselves were lost in extraction
 * (a run of blank bullet markers followed by the items' text). Item starts are the lines that
 * would not have fitted on the line before; when the first item starts with a capital, only capitalised
 * lines are considered, so the result may have fewer items than `count`.
 */
export function splitWrappedItems(lines: readonly string[], count: number): string[][] {
  if (lines.length === 0) return [];
  const width = Math.max(...lines.map((l) => l.length));
  const capitalised = startsUpperCase(lines[0]!);
  const candidates: { index: number; score: number }[] = [];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    if (capitalised && !startsUpperCase(line)) continue;
    // A closed sentence before, and room left on the previous line, both point to a new item;
    // the shorter previous line breaks ties.
    const score = slack(prev, line, width) + (/[.;!?]$/.test(prev) ? 20 : 0) - prev.length / 1000;
    if (score > -8) candidates.push({ index: i, score });
  }
  const starts = candidates
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(0, count - 1))
    .map((c) => c.index)
    .sort((a, b) => a - b);
  const items: string[][] = [];
  let from = 0;
  for (const start of [...starts, lines.length]) {
    items.push(lines.slice(from, start));
    from = start;
  }
  return items;
}
