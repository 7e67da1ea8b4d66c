/**
 * Reads a Rich Text protocol (.rtf, as Word, WordPad or LibreOffice save it): paragraphs with the list number
 * the writer stored before each ({\listtext 3.2\tab}) or, where it stored none, the number Word would show
 * from the list table; tables as the .docx reader reads them. Page headers and footers, footnotes, pictures,
 * drawings, embedded objects, field codes (their results are kept), hidden and deleted text are left out.
 */
import { introduced, tableAsList, tableLeftOutNote } from './boilerplate';
import type { DocumentText } from './document-text';
import { IMPORT_MESSAGES as M, ImportError } from './import-error';
import { charsetCodePage } from './rtf-code-pages';
import { readRtfLists } from './rtf-lists';
import { RtfParagraphs, type Block, type Row, type RtfContext } from './rtf-paragraphs';
import { destinationOf, paramOf, parseRtf, RtfSyntaxError, type RtfGroup, type RtfNode } from './rtf-syntax';
import { layoutTableLines, leaveOutAfterLayout } from './table-layout';

export function readRtf(bytes: Uint8Array): DocumentText {
  let root: RtfGroup;
  try {
    root = parseRtf(bytes);
  } catch (err) {
    if (err instanceof RtfSyntaxError) throw new ImportError(err.reason === 'not-rtf' ? M.notRtf() : M.damagedRtf(), { cause: err });
    throw err;
  }
  const codePage = paramOf(root, 'ansicpg') || 1252;
  const context: RtfContext = { codePage, fonts: readFonts(root, codePage), defaultFont: paramOf(root, 'deff'), numbering: readRtfLists(root, codePage) };
  const reader = new RtfParagraphs(context);
  reader.read(root);
  const { lines, notes } = assemble(reader.blocks);
  return { lines, notes: [...notes, ...reader.notes()], unwrapped: true, format: 'Word' };
}

/** Paragraphs as lines; a table as the .docx reader takes it: the protocol's own layout, a clause's list, or left out. */
function assemble(blocks: readonly Block[]): { lines: string[]; notes: string[] } {
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

/** Each font's code page, from `\fcharsetN` (or `\cpgN`) in the font table. */
function readFonts(root: RtfGroup, codePage: number): Map<number, number> {
  const fonts = new Map<number, number>();
  let font: number | undefined;
  const visit = (nodes: readonly RtfNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'group') visit(n.children);
      else if (n.kind === 'word' && n.name === 'f') font = n.param;
      else if (n.kind === 'word' && font !== undefined && n.name === 'fcharset') fonts.set(font, charsetCodePage(n.param, codePage));
      else if (n.kind === 'word' && font !== undefined && n.name === 'cpg' && n.param) fonts.set(font, n.param);
    }
  };
  for (const table of root.children) if (table.kind === 'group' && destinationOf(table).name === 'fonttbl') visit(table.children);
  return fonts;
}
