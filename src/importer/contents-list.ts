/**
 * A contents list that numbers the sections when the body does not: "1 Introduction", "2 Roles" in the
 * contents, then "Introduction" alone over clauses 1.1, 1.2 (text saved from Word, whose heading numbers
 * lived in the contents only). The body's bare headings take their numbers from the contents.
 */
import { isAppendixHeading } from './boilerplate';
import { classifyLine } from './line-patterns';

/** A contents entry's heading without its page number or leader dots ("Roles ........ 3"). */
export const entryText = (text: string): string => text.trim().replace(/[\s.…]*\d*$/, '').toLowerCase();

/** A line's length without its leader dots and page number: leaders run a contents entry out to the margin. */
export const entryLength = (line: string): number => line.trim().replace(/(?:\s*[.…]){4,}\s*\d*$/, '').length;

/** Fewest entries that make a list a contents list. */
const MIN_ENTRIES = 3;

/** The lines with each bare section heading numbered as the contents list numbers it; `count` is how many. */
export function numberHeadingsFromContents(lines: readonly string[]): { lines: string[]; count: number } {
  const out = [...lines];
  const entries = contentsEntries(lines);
  if (!entries) return { lines: out, count: 0 };
  let count = 0;
  let from = entries.end;
  for (const { id, heading } of entries.sections) {
    // Only a heading over that section's own clauses ("Introduction" over 1.1) takes the number, not the
    // same words ending a wrapped sentence ("… in\nworking together.").
    const at = out.findIndex((l, i) => i >= from && isBareHeading(l) && entryText(l) === heading && opensSection(out, i, id));
    if (at < 0) continue;
    out[at] = `${id} ${out[at]!.trim()}`;
    from = at + 1;
    count++;
  }
  return count * 2 >= entries.sections.length ? { lines: out, count } : { lines: [...lines], count: 0 };
}

/** The first run of consecutive section entries 1, 2, 3… (appendix entries may follow), and where it ends. */
function contentsEntries(lines: readonly string[]): { sections: { id: string; heading: string }[]; end: number } | undefined {
  const sections: { id: string; heading: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const c = classifyLine(line);
    if (c.kind === 'blank') continue;
    const next = c.kind === 'number' && c.id === String(sections.length + 1) && c.rest !== '' && entryLength(line) < 90;
    if (next) {
      sections.push({ id: c.id, heading: entryText(c.rest) });
      continue;
    }
    if (sections.length >= MIN_ENTRIES) return { sections, end: isAppendixHeading(line) ? appendixEnd(lines, i) : i };
    sections.length = 0;
  }
  return undefined;
}

function appendixEnd(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && (isAppendixHeading(lines[i]!) || lines[i]!.trim() === '')) i++;
  return i;
}

function isBareHeading(line: string): boolean {
  return classifyLine(line).kind === 'text' && /^\p{Lu}/u.test(line.trim()) && !/[.;,:]$/.test(line.trim());
}

/** Whether the first numbered line after a heading is that section's clause (N.1, N.2…). */
function opensSection(lines: readonly string[], at: number, id: string): boolean {
  for (let i = at + 1; i < lines.length; i++) {
    const c = classifyLine(lines[i]!);
    if (c.kind === 'number') return c.id.startsWith(`${id}.`);
  }
  return false;
}
