/**
 * Reads a Rich Text protocol (.rtf, as Word, WordPad or LibreOffice save it): paragraphs with the list number
 * the writer stored before each ({\listtext 3.2\tab}) or, where it stored none, the number Word would show
 * from the list table; tables as the .docx reader reads them. Page headers and footers, footnotes, pictures,
 * drawings, embedded objects, field codes (their results are kept), hidden and deleted text are left out.
 */
import { blockLines } from './block-lines';
import type { DocumentText } from './document-text';
import { IMPORT_MESSAGES as M, ImportError } from './import-error';
import { charsetCodePage } from './rtf-code-pages';
import { readRtfLists } from './rtf-lists';
import { RtfParagraphs, type RtfContext } from './rtf-paragraphs';
import { destinationOf, paramOf, parseRtf, RtfSyntaxError, type RtfGroup, type RtfNode } from './rtf-syntax';

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
  const { lines, notes } = blockLines(reader.blocks);
  return { lines, notes: [...notes, ...reader.notes()], unwrapped: true, format: 'Word' };
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
