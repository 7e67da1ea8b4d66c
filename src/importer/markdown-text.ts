/**
 * Markdown to the plain lines the structure parser reads: heading marks, emphasis and escapes dropped,
 * tables left out unless a clause introduces them ("…in these stages:"), where each row is an item.
 */
import { lastWithText, tableAsList, tableLeftOutNote } from './boilerplate';
import { cleanExportChrome } from './markdown-export';
import { numberOrderedLists } from './markdown-lists';

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s+\S/;

export interface MarkdownText {
  lines: string[];
  notes: string[];
}

export function markdownToLines(source: readonly string[]): MarkdownText {
  const exported = cleanExportChrome(source);
  const { lines, notes } = numberOrderedLists(exported.lines);
  notes.unshift(...exported.notes);
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (TABLE_ROW.test(lines[i]!)) {
      let j = i;
      while (j < lines.length && TABLE_ROW.test(lines[j]!)) j++;
      // A table after a clause ending "…in the following stages:" is that clause's list, row by row.
      const kept = tableAsList(out, tableRows(lines.slice(i, j)));
      if (kept) {
        out.push(...kept.lines, '');
        notes.push(kept.note);
        i = j;
        continue;
      }
      notes.push(tableLeftOutNote(j - i, lines[i]!.split('|').map((c) => c.trim()).filter(Boolean)));
      // A Markdown heading standing over the table ("## Key contacts") is the table's, and goes with it.
      const above = lastWithText(lines, i);
      if (above >= 0 && MARKDOWN_HEADING.test(lines[above]!)) {
        const heading = plainLine(lines[above]!);
        while (out.length > 0 && out.at(-1) === '') out.pop();
        if (out.at(-1) === heading) {
          out.pop();
          notes.push(`Left out the heading "${heading}" with the table under it.`);
        }
      }
      // Keep a blank line, so the text either side of the table does not run together.
      out.push('');
      i = j;
      continue;
    }
    out.push(plainLine(lines[i]!));
    i++;
  }
  return { lines: out, notes };
}

/** A Markdown table's body rows as their cells' text: the header row and the |---| rule left out. */
function tableRows(rows: readonly string[]): string[][] {
  const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => plainLine(c.trim()));
  const ruled = rows.length > 1 && /^\s*\|?[\s:|-]+\|?\s*$/.test(rows[1]!);
  return (ruled ? rows.slice(2) : rows).map(cells).filter((c) => c.some(Boolean));
}

function plainLine(line: string): string {
  // An indented list marker is a nested list item: a second-level bullet.
  const nested = /^(?: {2,}|\t+)[-*+]\s+(.*)$/.exec(line);
  if (nested) return `o ${plainLine(nested[1]!)}`;
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?/g, '')
    .replace(/\[([^\]]*)\](?:\([^)\s]*(?:\s+"[^"]*")?\)|\{[^}]*\})/g, '$1')
    .replace(/^(\s{0,3}#{1,6}\s+.*?)\s*\{[#.][^}]*\}\s*$/, '$1')
    .replace(/\\$/, '')
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s{0,3}>\s?/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_, a: string | undefined, b: string | undefined) => a ?? b ?? '')
    .replace(/(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])/g, '$1')
    .replace(/(?<![_\w])_(?=\S)(.+?)(?<=\S)_(?![_\w])/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
    .replace(/^\s*(?:---+|\*\*\*+|___+)\s*$/, '');
}
