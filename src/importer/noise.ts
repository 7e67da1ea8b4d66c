/** Extraction noise in a protocol's plain text: repeated page headers, page numbers and the closing signature block. */

export interface NoiseReport {
  /**
   * The text's lines with noise removed and trailing spaces trimmed (leading spaces are kept: a lost
   * bullet glyph can leave one); blank lines are kept, except those that followed a removed header.
   */
  lines: string[];
  /** One line per kind of noise removed, for the reviewer. */
  removed: string[];
}

/** How many opening lines can make up a page header. */
const HEADER_LINES = 3;
/** A signature block is only taken as one near the end of the document. */
const SIGNATURE_WINDOW = 15;
/**
 * A line printed identically this many times is page furniture. Shorter lines (a heading such as
 * "General", a bullet "and") can repeat in a protocol's own text, so they are not counted.
 */
const RUNNING_REPEATS = 3;
const RUNNING_MIN_LENGTH = 20;

const PAGE_NUMBER = /^(?:page\s+\d+(?:\s+of\s+\d+)?|\d+\s+of\s+\d+|-\s*\d+\s*-)$/i;
/** A footer line ending in its page number: "4.7 – Member and Officer Relations      Page 2 of 4". */
const PAGE_FOOTER = /^.{0,100}(?:\s{2,}|\s[–—|-]\s|,\s)page\s+\d+(?:\s+of\s+\d+)?$|^.{0,100}\bpage\s+\d+\s+of\s+\d+$/i;
/** A line drawn with dashes, equals signs or tildes (underscores and dots are signature lines, left to the boilerplate). */
const RULE = /^(?:[-=~*#]\s*){3,}$/;
const SIGNATURE = /^(?:signed|signature|dated|date)\s*:/i;

export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\f/);
}

/** Removes page headers (later repeats of the document's opening lines), page numbers and a closing signature block. */
export function removeNoise(lines: readonly string[]): NoiseReport {
  const trimmed = lines.map((l) => l.trim());
  const drop = new Set<number>();
  const removed: string[] = [];

  const firstNumbered = trimmed.findIndex((l) => /^(?:[-–]\s*)?\d/.test(l));
  const opening = trimmed
    .slice(0, firstNumbered < 0 ? undefined : firstNumbered)
    .filter((l) => l !== '')
    .slice(0, HEADER_LINES);
  for (const header of new Set(opening)) {
    const first = trimmed.indexOf(header);
    const repeats = trimmed.flatMap((l, i) => (l === header && i > first ? [i] : []));
    if (repeats.length === 0) continue;
    repeats.forEach((i) => drop.add(i));
    removed.push(`repeated page header "${header}" (${repeats.length}×)`);
  }

  // A footer without a page number ("Lindow Parish Council – Protocol – March 2025") shows itself by repeating.
  const counts = new Map<string, number[]>();
  trimmed.forEach((l, i) => {
    // A sentence ("The Monitoring Officer will be told.") may recur in the text itself; furniture has no full stop.
    if (l.length >= RUNNING_MIN_LENGTH && !opening.includes(l) && !/^(?:[-–•*]\s*)?[\d(]/.test(l) && !/[.;:,]$/.test(l)) counts.set(l, [...(counts.get(l) ?? []), i]);
  });
  for (const [line, at] of counts) {
    if (at.length < RUNNING_REPEATS) continue;
    at.forEach((i) => drop.add(i));
    removed.push(`running header or footer "${line}" (${at.length}×)`);
  }

  // "Introduction" underlined with "-----" or "=====": the rule only decorates the heading above it.
  const rules = trimmed.flatMap((l, i) => (RULE.test(l) ? [i] : []));
  rules.forEach((i) => drop.add(i));

  const pageNumbers = trimmed.flatMap((l, i) => (PAGE_NUMBER.test(l) || PAGE_FOOTER.test(l) ? [i] : []));
  pageNumbers.forEach((i) => drop.add(i));
  if (pageNumbers.length > 0) removed.push(`page numbers (${pageNumbers.length}×)`);

  const nonBlank = trimmed.flatMap((l, i) => (l !== '' ? [i] : []));
  const signatureStart = nonBlank.slice(-SIGNATURE_WINDOW).find((i) => SIGNATURE.test(trimmed[i]!));
  if (signatureStart !== undefined) {
    for (let i = signatureStart; i < trimmed.length; i++) drop.add(i);
    removed.push(`signature block from "${trimmed[signatureStart]}" to the end`);
  }

  const kept: string[] = [];
  let afterDropped = false;
  trimmed.forEach((line, i) => {
    if (drop.has(i)) {
      afterDropped = true;
      return;
    }
    // Blank lines after a removed header would otherwise pile up into a run that looks like lost bullets.
    if (line === '' && afterDropped) return;
    afterDropped = false;
    kept.push(line === '' ? '' : lines[i]!.trimEnd());
  });
  return { lines: kept, removed };
}
