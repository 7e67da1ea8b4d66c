/** Running headers and footers in a PDF: lines repeated at the same place on many pages, and page numbers. */
import { baselineStep, median, type PdfLine } from './pdf-lines';

/** How many lines at the top and bottom of a page may be running lines. */
const BAND_LINES = 3;
/** Page-number lines, in the forms councils print them. */
export const PAGE_NUMBER = /^(?:page\s+\d+(?:\s+of\s+\d+)?|\d+\s+of\s+\d+|-\s*\d+\s*-|\d{1,3}|\[\d+\])$/i;

/** "Page 3 of 8" and "Page 4 of 8" are the same running line; so are dates that change per print. */
function key(line: PdfLine): string {
  const text = line.text.toLowerCase().replace(/\s+/g, ' ');
  // Numbers vary only in page-number lines and short lines (dates, "Issue 3"); elsewhere "1. Heading" is not "2. Heading".
  const varies = /\bpage\b|\d\s+of\s+\d/.test(text) || (text.split(' ').length <= 4 && !/^\(?\d+[.)]/.test(text));
  return `${Math.round(line.y / 3)}|${varies ? text.replace(/\d+/g, '#') : text}`;
}

export interface RunningLines {
  /** The lines to drop, by identity. */
  drop: Set<PdfLine>;
  /** One reviewer note per distinct running line. */
  notes: string[];
}

export function findRunningLines(pages: readonly PdfLine[][]): RunningLines {
  const drop = new Set<PdfLine>();
  const notes: string[] = [];
  const counts = new Map<string, PdfLine[]>();
  for (const lines of pages) {
    const band = new Set([...lines.slice(0, BAND_LINES), ...lines.slice(-BAND_LINES)]);
    const seen = new Set<string>();
    for (const line of band) {
      const k = key(line);
      if (seen.has(k)) continue;
      seen.add(k);
      counts.set(k, [...(counts.get(k) ?? []), line]);
    }
  }
  const minRepeats = Math.max(2, Math.ceil(pages.length * 0.4));
  for (const lines of counts.values()) {
    if (lines.length < minRepeats) continue;
    lines.forEach((l) => drop.add(l));
    notes.push(`Removed the running header/footer "${lines[0]!.text}" (${lines.length}×).`);
  }
  // A header that differs from page to page (even pages' from odd pages') does not repeat: it is a page's
  // first line, set smaller than the text and well apart from it. (At the foot, such a line is a footnote.)
  const size = median(pages.flat().map((l) => l.size));
  const step = baselineStep(pages.flat());
  for (const [line, next] of pages.map((lines) => [lines[0], lines[1]] as const)) {
    if (!line || !next || drop.has(line) || line.size >= 0.9 * size || line.y - next.y < 2 * step || /^\(?\d/.test(line.text)) continue;
    drop.add(line);
    notes.push(`Removed the running header "${line.text}" (1×).`);
  }
  let pageNumbers = 0;
  for (const lines of pages) {
    // A bare number counts as a page number only as a page's first or last line (a clause number alone
    // on a line may stand near the top of a page).
    const edges = new Set([lines[0], lines.at(-1)]);
    for (const line of [...lines.slice(0, BAND_LINES), ...lines.slice(-BAND_LINES)]) {
      if (/^\d+$/.test(line.text) && !edges.has(line)) continue;
      if (!drop.has(line) && PAGE_NUMBER.test(line.text)) {
        drop.add(line);
        pageNumbers++;
      }
    }
  }
  if (pageNumbers > 0) notes.push(`Removed page numbers (${pageNumbers}×).`);
  return { drop, notes };
}
