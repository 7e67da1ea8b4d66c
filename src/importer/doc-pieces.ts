/**
 * The piece table ([MS-DOC] 2.9.38, the Clx's PlcPcd): where each run of a .doc's characters is stored in the
 * WordDocument stream, as one Windows-1252 byte a character ("compressed") or as UTF-16. Character positions
 * (CPs) count the text; file positions (FCs) are where it lies, and paragraph properties are found by FC.
 */
import { Bytes, DocDamageError } from './doc-bytes';
import type { FcLcb } from './doc-fib';
import { decodeCharset } from './text-decoding';

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the piece's first character in the WordDocument stream. */
  fc: number;
  compressed: boolean;
}

const CLXT_PRC = 1;
const CLXT_PCDT = 2;
const PCD_BYTES = 8;

export class PieceTable {
  private readonly pieces: Piece[] = [];

  constructor(private readonly word: Bytes, table: Bytes, clx: FcLcb) {
    const bytes = table.range(clx.fc, clx.lcb);
    if (!bytes) throw new DocDamageError('no piece table');
    let at = 0;
    // Property runs (Prc) come first; the piece table (Pcdt) follows them.
    while (bytes.u8(at) === CLXT_PRC) at += 3 + Math.max(0, bytes.i16(at + 1));
    if (bytes.u8(at) !== CLXT_PCDT) throw new DocDamageError('no Pcdt in the Clx');
    const lcb = bytes.u32(at + 1);
    const plc = new Bytes(bytes.slice(at + 5, lcb));
    const count = (lcb - 4) / (4 + PCD_BYTES);
    if (!Number.isInteger(count) || count < 1) throw new DocDamageError('bad PlcPcd size');
    for (let i = 0; i < count; i++) {
      const cpStart = plc.u32(i * 4);
      const cpEnd = plc.u32(i * 4 + 4);
      const raw = plc.u32((count + 1) * 4 + i * PCD_BYTES + 2);
      const compressed = (raw & 0x40000000) !== 0;
      const fc = compressed ? (raw & 0x3fffffff) / 2 : raw & 0x3fffffff;
      if (cpEnd < cpStart) throw new DocDamageError('piece ends before it starts');
      this.pieces.push({ cpStart, cpEnd, fc, compressed });
    }
  }

  /** The characters from `from` to `to` (CPs), one string character a CP. */
  text(from: number, to: number): string {
    let out = '';
    for (const p of this.pieces) {
      const start = Math.max(from, p.cpStart);
      const end = Math.min(to, p.cpEnd);
      if (start >= end) continue;
      const offset = p.fc + (start - p.cpStart) * (p.compressed ? 1 : 2);
      const bytes = this.word.slice(offset, (end - start) * (p.compressed ? 1 : 2));
      out += p.compressed ? decodeCharset(bytes, 'windows-1252') : new TextDecoder('utf-16le').decode(bytes);
    }
    if (out.length !== to - from) throw new DocDamageError('the pieces do not cover the text');
    return out;
  }

  /** The file position of character `cp`, and the position just after it. */
  fcOf(cp: number): { fc: number; next: number } | undefined {
    const p = this.pieces.find((piece) => cp >= piece.cpStart && cp < piece.cpEnd);
    if (!p) return undefined;
    const width = p.compressed ? 1 : 2;
    const fc = p.fc + (cp - p.cpStart) * width;
    return { fc, next: fc + width };
  }
}
