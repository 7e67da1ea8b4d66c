/**
 * Word 97-2003 property modifiers (sprms, [MS-DOC] 2.6): a two-byte code whose top three bits give the
 * operand's size. Paragraphs, styles and list levels all store their properties as runs of them.
 */

export interface Sprm {
  code: number;
  operand: Uint8Array;
}

/** Paragraph and table sprms the .doc reader uses. */
export const SPRM = {
  istd: 0x4600,
  ilvl: 0x260a,
  ilfo: 0x460b,
  inTable: 0x2416,
  rowEnd: 0x2417,
  tableDepth: 0x6649,
  headerRow: 0x3404,
  hidden: 0x083c,
  deleted: 0x0800,
} as const;

const TABLE_DEFINITION = 0xd608;

/** The sprms of a grpprl, in order; a sprm running past the end (damage) ends the list rather than throwing. */
export function readSprms(grpprl: Uint8Array): Sprm[] {
  const out: Sprm[] = [];
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const code = grpprl[at]! | (grpprl[at + 1]! << 8);
    at += 2;
    let size: number;
    switch (code >> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default:
        // Variable length: a size byte first; a table definition's is two bytes, one more than its operand.
        if (code === TABLE_DEFINITION) {
          if (at + 2 > grpprl.length) return out;
          size = (grpprl[at]! | (grpprl[at + 1]! << 8)) + 1;
        } else {
          if (at + 1 > grpprl.length) return out;
          size = grpprl[at]! + 1;
        }
    }
    if (at + size > grpprl.length) return out;
    out.push({ code, operand: grpprl.subarray(at, at + size) });
    at += size;
  }
  return out;
}

/** A sprm's operand as a little-endian signed number of its size (1, 2 or 4 bytes). */
export function operandValue(operand: Uint8Array): number {
  const view = new DataView(operand.buffer, operand.byteOffset, operand.byteLength);
  if (operand.length >= 4) return view.getInt32(0, true);
  if (operand.length >= 2) return view.getInt16(0, true);
  return operand[0] ?? 0;
}
