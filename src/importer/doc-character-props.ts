/**
 * Which of a .doc's characters are not the text a reader sees: deleted by a tracked change (sprmCFRMarkDel)
 * or formatted hidden (sprmCFVanish). Found by file position through the character bin table (PlcBteChpx)
 * and its 512-byte pages (ChpxFkp), as paragraph properties are.
 */
import { Bytes } from './doc-bytes';
import type { FcLcb } from './doc-fib';
import { readSprms, SPRM } from './doc-sprms';

const PAGE = 512;
/** A toggle's operand: 1 on, 0x81 the opposite of the style (taken as on, styles being rarely hidden). */
const isOn = (value: number | undefined) => value === 1 || value === 0x81;

export class CharacterPropertyTable {
  /** File position ranges of left-out characters, in order: [start, end). */
  private readonly ranges: [number, number][] = [];

  constructor(word: Bytes, table: Bytes, where: FcLcb) {
    const plc = table.range(where.fc, where.lcb);
    const count = (where.lcb - 4) / 8;
    if (!plc || !Number.isInteger(count)) return;
    for (let i = 0; i < count; i++) this.readPage(new Bytes(word.slice((plc.u32((count + 1) * 4 + i * 4) & 0x3fffff) * PAGE, PAGE)));
    this.ranges.sort((a, b) => a[0] - b[0]);
  }

  /** Whether the character at file position `fc` is deleted or hidden. */
  leftOut(fc: number): boolean {
    let low = 0;
    let high = this.ranges.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const [start, end] = this.ranges[mid]!;
      if (fc < start) high = mid - 1;
      else if (fc >= end) low = mid + 1;
      else return true;
    }
    return false;
  }

  private readPage(page: Bytes): void {
    const crun = page.u8(PAGE - 1);
    for (let i = 0; i < crun; i++) {
      const offset = page.u8((crun + 1) * 4 + i) * 2;
      if (offset === 0) continue;
      const sprms = readSprms(page.slice(offset + 1, page.u8(offset)));
      const on = (code: number) => isOn(sprms.filter((s) => s.code === code).at(-1)?.operand[0]);
      if (on(SPRM.deleted) || on(SPRM.hidden)) this.ranges.push([page.u32(i * 4), page.u32(i * 4 + 4)]);
    }
  }
}
