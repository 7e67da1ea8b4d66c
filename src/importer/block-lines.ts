/** Paragraphs and tables (as the RTF and .doc readers collect them) to the importer's lines. */
import { introduced, tableAsList, tableLeftOutNote } from './boilerplate';
import type { Block, Row } from './rtf-paragraphs';
import { layoutTableLines, leaveOutAfterLayout } from './table-layout';

/** Paragraphs as lines; a table as the .docx reader takes it: the protocol's own layout, a clause's list, or left out. */
export function blockLines(blocks: readonly Block[]): { lines: string[]; notes: string[] } {
  const lines: string[] = [];
  const notes: string[] = [];
  let afterLayout: number | undefined;
  for (const block of blocks) {
    if (typeof block === 'string') {
      lines.push(block);
      continue;
    }
    const laidOut = introduced(lines) ? undefined : layoutTableLines(block.map((r) => r.cells));
    if (laidOut) {
      lines.push(...laidOut.lines, '');
      notes.push(laidOut.note);
      afterLayout = lines.length;
      continue;
    }
    const cellTexts = (row: Row) => row.cells.map((c) => c.join(' ').replace(/\s+/g, ' ').trim());
    const first = block[0]!;
    const body = block.length > 1 && (first.header || first.bold) ? block.slice(1) : block;
    const kept = tableAsList(lines, body.map(cellTexts));
    notes.push(kept ? kept.note : tableLeftOutNote(block.length, cellTexts(first)));
    // A blank line keeps text either side of the table from running together.
    lines.push(...(kept?.lines ?? []), '');
  }
  if (afterLayout !== undefined) notes.push(...leaveOutAfterLayout(lines, afterLayout));
  return { lines, notes };
}
