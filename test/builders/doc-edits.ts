/**
 * Edits of a LibreOffice-written .doc for tests, each giving a .doc as another writer (Word itself) or
 * damage would: the text stored as Windows-1252 bytes ("compressed", as Word stores Western text), list
 * numbering carried by the paragraph styles rather than each paragraph, the encryption flag set, an older
 * nFib. The streams are read with the importer's compound file reader and written back with the test writer.
 */
import { CompoundFile } from '../../src/importer/cfb';
import { Bytes } from '../../src/importer/doc-bytes';
import { readFib, type Fib } from '../../src/importer/doc-fib';
import { writeCompoundFile } from './compound-file-writer';

export interface DocStreams {
  word: Uint8Array;
  table: Uint8Array;
  readonly fib: Fib;
}

/** The .doc rebuilt after `edit` changes copies of its WordDocument and table streams. */
export function editDoc(doc: Uint8Array, edit: (streams: DocStreams) => void): Uint8Array {
  const file = new CompoundFile(doc);
  const word = Uint8Array.from(file.stream('WordDocument')!);
  const fib = readFib(new Bytes(word));
  const table = Uint8Array.from(file.stream(fib.tableStream)!);
  const streams = { word, table, fib };
  edit(streams);
  return writeCompoundFile({ WordDocument: streams.word, [fib.tableStream]: streams.table });
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** The FIB's (fc, lcb) pair number `index` in FibRgFcLcb97, as a byte offset in the WordDocument stream. */
export function fcLcbOffset(word: Uint8Array, index: number): number {
  const v = view(word);
  const lwStart = 0x22 + v.getUint16(0x20, true) * 2 + 2;
  return lwStart + v.getUint16(lwStart - 2, true) * 4 + 2 + index * 8;
}

const CP1252: Record<number, number> = { 0x20ac: 0x80, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97 };

/**
 * Stores the text up to `split(text)` (a paragraph boundary) as one byte a character, as Word does, in a
 * piece of its own; the rest stays UTF-16 in a second piece. The paragraph runs' file positions move with it.
 */
export function compressText(split: (text: string) => number) {
  return (streams: DocStreams): void => {
    const { word, table, fib } = streams;
    const plc = view(table.subarray(fib.pieceTable.fc + 5));
    const start = plc.getUint32(8 + 2, true) & 0x3fffffff;
    const total = plc.getUint32(4, true);
    const text = new TextDecoder('utf-16le').decode(word.subarray(start, start + total * 2));
    const k = split(text);
    for (let cp = 0; cp < k; cp++) {
      const code = text.charCodeAt(cp);
      word[start + cp] = code < 0x80 || (code >= 0xa0 && code < 0x100) ? code : CP1252[code]!;
    }
    const moved = (fc: number) => (fc >= start && (fc - start) / 2 < k ? start + (fc - start) / 2 : fc);
    forEachPage(word, table, fib, (page) => {
      for (let i = 0; i <= page[511]!; i++) view(page).setUint32(i * 4, moved(view(page).getUint32(i * 4, true)), true);
    });
    const bins = view(table.subarray(fib.paragraphBins.fc, fib.paragraphBins.fc + fib.paragraphBins.lcb));
    for (let i = 0; i <= (fib.paragraphBins.lcb - 4) / 8; i++) bins.setUint32(i * 4, moved(bins.getUint32(i * 4, true)), true);
    const clx = new Uint8Array(1 + 4 + 12 + 16);
    const c = view(clx);
    clx[0] = 2;
    c.setUint32(1, 12 + 16, true);
    [0, k, total].forEach((cp, i) => c.setUint32(5 + i * 4, cp, true));
    c.setUint32(5 + 12 + 2, (start * 2) | 0x40000000, true);
    c.setUint32(5 + 12 + 8 + 2, start + k * 2, true);
    streams.table = appendAndPoint(word, table, 33, clx);
  };
}

/** `bytes` appended to the table stream, FIB pair `index` pointing to them. */
function appendAndPoint(word: Uint8Array, table: Uint8Array, index: number, bytes: Uint8Array): Uint8Array {
  const grown = new Uint8Array(table.length + bytes.length);
  grown.set(table);
  grown.set(bytes, table.length);
  const at = fcLcbOffset(word, index);
  view(word).setUint32(at, table.length, true);
  view(word).setUint32(at + 4, bytes.length, true);
  return grown;
}

/** Each paragraph-property page (PapxFkp) the bin table names, as a view into the WordDocument stream. */
function forEachPage(word: Uint8Array, table: Uint8Array, fib: Fib, visit: (page: Uint8Array) => void): void {
  const bins = view(table.subarray(fib.paragraphBins.fc, fib.paragraphBins.fc + fib.paragraphBins.lcb));
  const count = (fib.paragraphBins.lcb - 4) / 8;
  for (let i = 0; i < count; i++) {
    const pn = bins.getUint32((count + 1) * 4 + i * 4, true) & 0x3fffff;
    visit(word.subarray(pn * 512, pn * 512 + 512));
  }
}

/** Each paragraph's own PAPX sprms (after its istd), as views into the WordDocument stream. */
function forEachPapx(streams: DocStreams, visit: (istd: number, grpprl: Uint8Array) => void): void {
  forEachPage(streams.word, streams.table, streams.fib, (page) => {
    const crun = page[511]!;
    for (let i = 0; i < crun; i++) {
      const offset = page[(crun + 1) * 4 + i * 13]! * 2;
      if (!offset) continue;
      const cb = page[offset]!;
      const papx = cb === 0 ? page.subarray(offset + 2, offset + 2 + page[offset + 1]! * 2) : page.subarray(offset + 1, offset + cb * 2);
      visit(papx[0]! | (papx[1]! << 8), papx.subarray(2));
    }
  });
}

export interface StyleDef {
  istd: number;
  name: string;
  base?: number;
  ilfo?: number;
  ilvl?: number;
}

/**
 * Moves list numbering from the paragraphs to their styles: each paragraph's sprmPIlfo and sprmPIlvl become
 * sprms the reader does not know (same size), and a new stylesheet gives the styles `styles`' numbering.
 */
export function numberByStyles(styles: readonly StyleDef[]) {
  return (streams: DocStreams): void => {
    forEachPapx(streams, (_, grpprl) => {
      for (let at = 0; at + 1 < grpprl.length; ) {
        const code = grpprl[at]! | (grpprl[at + 1]! << 8);
        if (code === 0x460b || code === 0x260a) grpprl[at] = 0xff;
        const spra = code >> 13;
        const size = spra === 6 ? 1 + grpprl[at + 2]! : spra === 3 ? 4 : spra === 7 ? 3 : spra >= 2 ? 2 : 1;
        at += 2 + size;
      }
    });
    streams.table = appendAndPoint(streams.word, streams.table, 1, stylesheet(styles));
  };
}

/** A stylesheet (STSH) of paragraph styles, each with its name and its list sprms. */
export function stylesheet(styles: readonly StyleDef[]): Uint8Array {
  const count = Math.max(...styles.map((s) => s.istd)) + 1;
  const parts: number[] = [];
  const u16 = (n: number) => parts.push(n & 0xff, (n >> 8) & 0xff);
  u16(18);
  u16(count);
  u16(10);
  for (let i = 0; i < 14; i++) parts.push(0);
  for (let istd = 0; istd < count; istd++) {
    const style = styles.find((s) => s.istd === istd);
    if (!style) {
      u16(0);
      continue;
    }
    const std: number[] = [];
    const s16 = (n: number) => std.push(n & 0xff, (n >> 8) & 0xff);
    s16(0);
    s16(1 | ((style.base ?? 0x0fff) << 4));
    s16(2);
    s16(0);
    s16(0);
    s16(style.name.length);
    for (const ch of style.name) s16(ch.charCodeAt(0));
    s16(0);
    if (std.length % 2) std.push(0);
    const sprms: number[] = [];
    if (style.ilfo !== undefined) sprms.push(0x0b, 0x46, style.ilfo & 0xff, style.ilfo >> 8);
    if (style.ilvl !== undefined) sprms.push(0x0a, 0x26, style.ilvl);
    s16(2 + sprms.length);
    s16(istd);
    std.push(...sprms);
    if (std.length % 2) std.push(0);
    // The character UPX, empty.
    s16(0);
    u16(std.length);
    parts.push(...std);
  }
  return Uint8Array.from(parts);
}

/** Sets the FIB's fEncrypted flag. */
export function encrypt({ word }: DocStreams): void {
  word[0x0b] = word[0x0b]! | 0x01;
}

/** Gives the FIB Word 95's nFib. */
export function asWord95({ word }: DocStreams): void {
  view(word).setUint16(2, 0x68, true);
}
