/**
 * Walks a .doc's story (its main text, footnotes, headers) character by character as Word lays it out: a paragraph ends at \r, a table
 * cell at \x07 (a row at the \x07 whose paragraph is marked as the row's end), a section at \x0c. Field
 * codes are dropped and their results kept; pictures and objects (\x01, \x08), footnote and comment marks,
 * deleted (tracked) and hidden text are dropped. Each paragraph is numbered from its list, as Word shows it.
 */
import type { CharacterPropertyTable } from './doc-character-props';
import type { ParagraphPropertyTable } from './doc-paragraph-props';
import type { PieceTable } from './doc-pieces';
import type { WordNumbering } from './docx-numbering';
import type { Block, Row } from './rtf-paragraphs';

const FIELD_BEGIN = '\x13';
const FIELD_SEPARATOR = '\x14';
const FIELD_END = '\x15';
/** Characters that stand for something that is not text: pictures, drawn objects, note and comment marks. */
const OBJECTS = new Set(['\x01', '\x08']);
const DROPPED = new Set(['\x02', '\x03', '\x04', '\x05', '\x1f', '\x00']);

export interface StoryText {
  blocks: Block[];
  pictures: number;
  /** Paragraphs numbered from the list definitions. */
  numbered: number;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Where a story's characters and their properties are found. */
export interface DocLayout {
  pieces: PieceTable;
  props: ParagraphPropertyTable;
  chars: CharacterPropertyTable;
}

/** The story `text`, whose first character is at `from`; paragraphs numbered from `numbering` where given. */
export function readStory(text: string, from: number, { pieces, props, chars }: DocLayout, numbering?: WordNumbering): StoryText {
  const blocks: Block[] = [];
  let rows: Row[] = [];
  let cells: string[][] = [];
  let cell: string[] = [];
  let paragraph = '';
  let pictures = 0;
  let numbered = 0;
  /** Open fields, innermost last: true once past the separator, where the result (kept) begins. */
  const fields: boolean[] = [];

  const endTable = () => {
    if (rows.length) blocks.push(rows);
    rows = [];
    cells = [];
    cell = [];
  };
  const endParagraph = (cp: number, mark: string) => {
    const at = pieces.fcOf(from + cp);
    const p = at ? props.at(at.fc) : undefined;
    const label = p && p.ilfo > 0 && numbering ? numbering.next(String(p.ilfo), p.ilvl) : undefined;
    if (label) numbered++;
    const body = collapse(paragraph);
    paragraph = '';
    const line = body === '' ? (label ? undefined : '') : label ? `${label} ${body}` : body;
    const inTable = mark === '\x07' || (p?.inTable ?? false);
    if (!inTable) {
      endTable();
      if (line !== undefined) blocks.push(line);
      return;
    }
    if (mark === '\x07' && p?.rowEnd) {
      rows.push({ cells, header: p.headerRow, bold: false });
      cells = [];
      cell = [];
      return;
    }
    if (line) cell.push(line);
    if (mark === '\x07') {
      cells.push(cell);
      cell = [];
    }
  };

  for (let cp = 0; cp < text.length; cp++) {
    const ch = text[cp]!;
    if (ch === FIELD_BEGIN) fields.push(false);
    else if (ch === FIELD_SEPARATOR && fields.length) fields[fields.length - 1] = true;
    else if (ch === FIELD_END && fields.length) fields.pop();
    else if (ch === '\r' || ch === '\x07') endParagraph(cp, ch);
    else if (ch === '\x0c') {
      // A section break is its paragraph's mark; a page break inside a paragraph is not.
      const at = pieces.fcOf(from + cp);
      if (at && props.endsRun(at.next)) endParagraph(cp, '\r');
      else paragraph += ' ';
    } else if (fields.some((result) => !result) || chars.leftOut(pieces.fcOf(from + cp)?.fc ?? -1)) continue;
    else if (OBJECTS.has(ch)) pictures++;
    else if (ch === '\x0b' || ch === '\t') paragraph += ' ';
    else if (ch === '\x1e') paragraph += '-';
    else if (!DROPPED.has(ch)) paragraph += ch;
  }
  if (collapse(paragraph)) endParagraph(text.length - 1, '\r');
  endTable();
  return { blocks, pictures, numbered };
}
