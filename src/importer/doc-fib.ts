/**
 * The File Information Block that opens a Word 97-2003 WordDocument stream ([MS-DOC] 2.5.1): which table
 * stream holds the document's tables, whether it is encrypted, how many characters each story has, and where
 * in the table stream the piece table, paragraph and character properties, styles and lists are. Its variable-length parts
 * (FibRgW, FibRgLw, FibRgFcLcb) are stepped over by their stored counts, so later Word versions read too.
 */

import { Bytes, DocDamageError } from './doc-bytes';

const WORD_IDENT = 0xa5ec;
/** Word 97's nFib; Word 6 and 95 files carry a lower one and a different layout. */
const WORD_97 = 0xc1;

/** A position and length in the table stream. */
export interface FcLcb {
  fc: number;
  lcb: number;
}

export interface Fib {
  encrypted: boolean;
  /** The table stream's name: "1Table" or "0Table". */
  tableStream: string;
  /** Characters in each story, in the order the stories follow one another in the text. */
  ccp: { text: number; footnotes: number; headers: number; comments: number; endnotes: number; textBoxes: number; headerTextBoxes: number };
  stylesheet: FcLcb;
  paragraphBins: FcLcb;
  characterBins: FcLcb;
  pieceTable: FcLcb;
  lists: FcLcb;
  listOverrides: FcLcb;
}

/** Indexes of the FibRgFcLcb97 pairs read here. */
const FC = { stylesheet: 1, characterBins: 12, paragraphBins: 13, pieceTable: 33, lists: 73, listOverrides: 74 };

/** Which Word wrote the stream, by its signature and nFib: a stream without the signature is not Word's. */
export function wordVersion(word: Bytes): 'not-word' | 'before-97' | '97-2003' {
  if (word.length < 4 || word.u16(0) !== WORD_IDENT) return 'not-word';
  return word.u16(2) < WORD_97 ? 'before-97' : '97-2003';
}

/** The FIB of a Word 97-2003 document (see wordVersion). */
export function readFib(word: Bytes): Fib {
  const flags = word.u16(0x0a);
  const csw = word.u16(0x20);
  const lwStart = 0x22 + csw * 2 + 2;
  const cslw = word.u16(lwStart - 2);
  if (cslw < 11) throw new DocDamageError('FibRgLw too short');
  const fcStart = lwStart + cslw * 4 + 2;
  const cbRgFcLcb = word.u16(fcStart - 2);
  const pair = (i: number): FcLcb => (i < cbRgFcLcb ? { fc: word.u32(fcStart + i * 8), lcb: word.u32(fcStart + i * 8 + 4) } : { fc: 0, lcb: 0 });
  const lw = (i: number) => word.u32(lwStart + i * 4);
  return {
    encrypted: (flags & 0x0100) !== 0,
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
    ccp: { text: lw(3), footnotes: lw(4), headers: lw(5), comments: lw(7), endnotes: lw(8), textBoxes: lw(9), headerTextBoxes: lw(10) },
    stylesheet: pair(FC.stylesheet),
    characterBins: pair(FC.characterBins),
    paragraphBins: pair(FC.paragraphBins),
    pieceTable: pair(FC.pieceTable),
    lists: pair(FC.lists),
    listOverrides: pair(FC.listOverrides),
  };
}
