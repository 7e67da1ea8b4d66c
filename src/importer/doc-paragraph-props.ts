/**
 * A .doc paragraph's properties, found by the file position of its paragraph mark: the bin table
 * (PlcBtePapx) names the 512-byte page (PapxFkp) holding that position's PAPX, whose sprms say which list
 * and level number the paragraph and whether it is in a table. A paragraph that names no list takes its
 * style's (see DocStyles).
 */
import { Bytes } from './doc-bytes';
import type { FcLcb } from './doc-fib';
import { operandValue, readSprms, SPRM } from './doc-sprms';
import type { DocStyles } from './doc-styles';

const PAGE = 512;
const BX_BYTES = 13;

export interface ParagraphProps {
  /** The list override (LFO) the paragraph numbers from, 1-based; 0 or negative for none. */
  ilfo: number;
  ilvl: number;
  inTable: boolean;
  /** The mark ends a table row rather than a cell. */
  rowEnd: boolean;
  /** A row marked to repeat as the table's header. */
  headerRow: boolean;
}

interface FkpPage {
  /** Paragraph run boundaries (FCs); run i is [fcs[i], fcs[i+1]). */
  fcs: number[];
  /** Each run's PAPX (istd then sprms), undefined for default properties. */
  papx: (Uint8Array | undefined)[];
}

export class ParagraphPropertyTable {
  private readonly bins: { fc: number; page: number }[] = [];
  private readonly pages = new Map<number, FkpPage>();

  constructor(private readonly word: Bytes, table: Bytes, where: FcLcb, private readonly styles: DocStyles) {
    const plc = table.range(where.fc, where.lcb);
    if (!plc) return;
    const count = (where.lcb - 4) / 8;
    for (let i = 0; Number.isInteger(count) && i < count; i++) {
      this.bins.push({ fc: plc.u32(i * 4), page: plc.u32((count + 1) * 4 + i * 4) & 0x3fffff });
    }
    if (count >= 0 && Number.isInteger(count)) this.bins.push({ fc: plc.u32(count * 4), page: -1 });
  }

  /** The properties of the paragraph whose mark is at `fc`. */
  at(fc: number): ParagraphProps {
    const run = this.run(fc);
    const papx = run?.papx;
    const istd = papx && papx.length >= 2 ? papx[0]! | (papx[1]! << 8) : 0;
    const own = papx ? readSprms(papx.subarray(2)) : [];
    const value = (code: number) => {
      const found = own.filter((s) => s.code === code).at(-1);
      return found ? operandValue(found.operand) : undefined;
    };
    const style = this.styles.numbering(value(SPRM.istd) ?? istd);
    const ilfo = value(SPRM.ilfo);
    return {
      ilfo: ilfo ?? style.ilfo ?? 0,
      ilvl: value(SPRM.ilvl) ?? style.ilvl ?? 0,
      inTable: (value(SPRM.inTable) ?? 0) !== 0 || (value(SPRM.tableDepth) ?? 0) > 0,
      rowEnd: (value(SPRM.rowEnd) ?? 0) !== 0,
      headerRow: (value(SPRM.headerRow) ?? 0) !== 0,
    };
  }

  /** Whether a paragraph run ends just before `fc`: a section break (\x0c) ends its paragraph, a page break does not. */
  endsRun(fc: number): boolean {
    const run = this.run(fc - 1);
    return run !== undefined && run.end === fc;
  }

  private run(fc: number): { papx?: Uint8Array; end: number } | undefined {
    const bin = this.bins.findIndex((b, i) => i + 1 < this.bins.length && fc >= b.fc && fc < this.bins[i + 1]!.fc);
    // Some writers' bin boundaries are loose: then every page is searched.
    const candidates = bin >= 0 ? [this.bins[bin]!, ...this.bins] : this.bins;
    for (const b of candidates) {
      if (b.page < 0) continue;
      const page = this.page(b.page);
      const i = page.fcs.findIndex((start, j) => j + 1 < page.fcs.length && fc >= start && fc < page.fcs[j + 1]!);
      if (i >= 0) return { papx: page.papx[i], end: page.fcs[i + 1]! };
    }
    return undefined;
  }

  private page(n: number): FkpPage {
    const cached = this.pages.get(n);
    if (cached) return cached;
    const page = new Bytes(this.word.slice(n * PAGE, PAGE));
    const crun = page.u8(PAGE - 1);
    const fcs: number[] = [];
    const papx: (Uint8Array | undefined)[] = [];
    for (let i = 0; i <= crun; i++) fcs.push(page.u32(i * 4));
    for (let i = 0; i < crun; i++) {
      const offset = page.u8((crun + 1) * 4 + i * BX_BYTES) * 2;
      if (offset === 0) {
        papx.push(undefined);
        continue;
      }
      const cb = page.u8(offset);
      // cb counts words; a zero cb means the next byte does, the grpprl then starting a byte later.
      papx.push(cb === 0 ? page.slice(offset + 2, page.u8(offset + 1) * 2) : page.slice(offset + 1, cb * 2 - 1));
    }
    const parsed = { fcs, papx };
    this.pages.set(n, parsed);
    return parsed;
  }
}
