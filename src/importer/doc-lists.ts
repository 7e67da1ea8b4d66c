/**
 * A .doc's list numbering: PlfLst defines each list (LSTF) and its levels (LVL: start at, number format,
 * the number text with bytes 0-8 standing for the levels' numbers), PlfLfo the overrides (LFO) a paragraph's
 * sprmPIlfo points at, with their restarts. Read into the same counters as Word's numbering.xml, so a .doc
 * numbers as the same document saved as .docx.
 */
import { Bytes } from './doc-bytes';
import { WORD_NUMBER_FORMATS, WordNumbering, type NumberingInstance, type NumberingLevel } from './docx-numbering';
import type { FcLcb } from './doc-fib';

const LSTF_BYTES = 28;
const LVLF_BYTES = 28;
const LFO_BYTES = 16;
const LFOLVL_BYTES = 8;

/** The document's numbering, or undefined when it defines no lists. */
export function readDocLists(table: Bytes, plfLst: FcLcb, plfLfo: FcLcb): WordNumbering | undefined {
  if (plfLst.lcb === 0) return undefined;
  const lists = new Map<string, Map<number, NumberingLevel>>();
  const count = table.i16(plfLst.fc);
  // The levels follow the list definitions, beyond the PlfLst's own length.
  let at = plfLst.fc + 2 + count * LSTF_BYTES;
  for (let i = 0; i < count; i++) {
    const lstf = plfLst.fc + 2 + i * LSTF_BYTES;
    const simple = (table.u8(lstf + 26) & 0x01) !== 0;
    const levels = new Map<number, NumberingLevel>();
    for (let l = 0; l < (simple ? 1 : 9); l++) {
      const read = readLevel(table, at);
      levels.set(l, read.level);
      at = read.end;
    }
    lists.set(String(table.i32(lstf)), levels);
  }
  return WordNumbering.fromLists(lists, readOverrides(table, plfLfo));
}

/** The LFOs, numbered from 1 as sprmPIlfo counts them, with the levels whose start they override. */
function readOverrides(table: Bytes, plfLfo: FcLcb): Map<string, NumberingInstance> {
  const instances = new Map<string, NumberingInstance>();
  if (plfLfo.lcb === 0) return instances;
  const base = plfLfo.fc;
  const count = table.i32(base);
  if (count < 0 || base + 4 + count * LFO_BYTES > table.length) return instances;
  // Each LFO's data (its LFOLVLs, an LVL after those that restate the format) follows all the LFOs, in order.
  let at = base + 4 + count * LFO_BYTES;
  for (let i = 0; i < count; i++) {
    const lfo = base + 4 + i * LFO_BYTES;
    const startOverrides = new Map<number, number>();
    const levels = table.u8(lfo + 12);
    // Each LFOData opens with a CP this reader does not need.
    at += 4;
    for (let l = 0; l < levels; l++) {
      const start = table.i32(at);
      const flags = table.u8(at + 4);
      at += LFOLVL_BYTES;
      if (flags & 0x10) startOverrides.set(flags & 0x0f, start);
      if (flags & 0x20) at = readLevel(table, at).end;
    }
    instances.set(String(i + 1), { abstractId: String(table.i32(lfo)), startOverrides });
  }
  return instances;
}

/** One LVL: its fixed part, paragraph and character sprms (skipped), then its number text. */
function readLevel(table: Bytes, at: number): { level: NumberingLevel; end: number } {
  const start = table.i32(at);
  const nfc = table.u8(at + 4);
  const legal = (table.u8(at + 5) & 0x04) !== 0;
  const chpx = table.u8(at + 24);
  const papx = table.u8(at + 25);
  const textAt = at + LVLF_BYTES + papx + chpx;
  const length = table.u16(textAt);
  let text = '';
  for (let i = 0; i < length; i++) {
    const ch = table.u16(textAt + 2 + i * 2);
    text += ch < 9 ? `%${ch + 1}` : String.fromCharCode(ch);
  }
  return { level: { start, format: WORD_NUMBER_FORMATS[nfc] ?? 'decimal', text, legal }, end: textAt + 2 + length * 2 };
}
