/**
 * A protocol laid out in a table, as some councils do in Word: the clause number typed in the left cell and
 * the text beside it. Shared by the readers of Word's formats (.docx, .rtf), which hand over each table as
 * rows of cells, each cell its paragraphs' lines.
 */
import { opensWithDate } from './line-patterns';

/** A cell's typed number: "3", "3.2", "3.2.1", "4(b)", with an optional trailing full stop or bracket. */
const CELL_NUMBER = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}(?:\([a-z]\))?|\([a-z]\)|[a-z]\))\.?$/i;

/**
 * A table used to lay out the protocol itself, read row by row, each row's number leading its first
 * paragraph, so the rows become the numbered lines the rest of the importer knows. Undefined unless at
 * least three rows, and most rows with text, carry a number in their first cell and text beside it.
 */
export function layoutTableLines(rows: readonly (readonly string[][])[]): { lines: string[]; note: string } | undefined {
  const withText = rows.filter((cells) => cells.some((c) => c.length > 0));
  const numbered = withText.filter(([first, ...rest]) => first?.length === 1 && CELL_NUMBER.test(first[0]!) && rest.some((c) => c.length > 0) && !opensWithDate(rest.flat()[0]!));
  // Clause numbers (3.1, 3.2) with prose beside them: not a version table's dates, nor the steps 1, 2, 3 of a procedure.
  const prose = numbered.filter(([first, ...rest]) => first![0]!.includes('.', 1) && rest.flat().join(' ').split(/\s+/).length >= 8);
  if (prose.length < 3 || numbered.length < withText.length * 0.6) return undefined;
  const lines: string[] = [];
  for (const cells of withText) {
    const [first = [], ...rest] = cells;
    const text = rest.flat();
    if (numbered.includes(cells)) lines.push(`${first[0]} ${text[0]}`, ...text.slice(1));
    else lines.push(...first, ...text);
  }
  return { lines, note: `Read a table of ${rows.length} rows as the protocol's own layout: the number in each row's first cell, its text beside it; check the clause numbers.` };
}

/**
 * Where the protocol is laid out in a table, unnumbered lines after its last one (an enquiries line, a
 * contact block) are not the last clause's text: they are left out, and noted.
 */
export function leaveOutAfterLayout(lines: string[], from: number): string[] {
  const after = lines.slice(from).filter((l) => l.trim() !== '');
  if (after.length === 0 || after.some((l) => /^\d/.test(l.trim()))) return [];
  lines.length = from;
  return [`Left out ${after.length} line(s) after the protocol's table: "${after.join(' / ').slice(0, 200)}". Check none of it is protocol text.`];
}
