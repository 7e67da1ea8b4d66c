/**
 * A .doc's stylesheet (STSH, [MS-DOC] 2.9.271), read only for the numbering a paragraph style carries:
 * Word's numbered headings ("Heading 1" as "1.", "Heading 2" as "1.1") put the list on the style, not on
 * each paragraph. A style without numbering of its own takes its base style's.
 */
import { Bytes } from './doc-bytes';
import type { FcLcb } from './doc-fib';
import { operandValue, readSprms, SPRM } from './doc-sprms';

const PARAGRAPH_STYLE = 1;
const NO_BASE = 0x0fff;

interface StyleNumbering {
  ilfo?: number;
  ilvl?: number;
}

interface Style extends StyleNumbering {
  base: number;
}

export class DocStyles {
  private readonly styles = new Map<number, Style>();

  constructor(table: Bytes, where: FcLcb) {
    const stsh = table.range(where.fc, where.lcb);
    if (!stsh) return;
    const cbStshi = stsh.u16(0);
    const count = stsh.u16(2);
    const baseSize = stsh.u16(4);
    let at = 2 + cbStshi;
    for (let istd = 0; istd < count && at + 2 <= stsh.length; istd++) {
      const size = stsh.u16(at);
      // A style running past the stylesheet's end is damage; the styles before it still number their paragraphs.
      if (at + 2 + size > stsh.length) break;
      if (size > 0) this.read(istd, new Bytes(stsh.slice(at + 2, size)), baseSize);
      at += 2 + size;
    }
  }

  /** The list (LFO) and level style `istd` numbers its paragraphs with, through its base styles. */
  numbering(istd: number): StyleNumbering {
    const found: StyleNumbering = {};
    const seen = new Set<number>();
    for (let id = istd; !seen.has(id); ) {
      seen.add(id);
      const style = this.styles.get(id);
      if (!style) break;
      found.ilfo ??= style.ilfo;
      found.ilvl ??= style.ilvl;
      if (found.ilfo !== undefined) break;
      id = style.base;
    }
    return found;
  }

  private read(istd: number, std: Bytes, baseSize: number): void {
    if (std.length < baseSize + 2 || baseSize < 10) return;
    if ((std.u16(2) & 0x0f) !== PARAGRAPH_STYLE) return;
    const base = std.u16(2) >> 4;
    const style: Style = { base: base === NO_BASE ? -1 : base };
    this.styles.set(istd, style);
    const nameLength = std.u16(baseSize);
    let at = baseSize + 2 + nameLength * 2 + 2;
    at += at % 2;
    // A style may stop after its name (no formatting of its own): it takes its base style's.
    if (at + 4 > std.length) return;
    // The paragraph style's first UPX: its size, the style's istd, then its paragraph sprms.
    const upxSize = std.u16(at);
    const sprms = readSprms(std.data.subarray(at + 4, Math.min(std.length, at + 2 + upxSize)));
    const value = (code: number) => {
      const s = sprms.filter((x) => x.code === code).at(-1);
      return s ? operandValue(s.operand) : undefined;
    };
    style.ilfo = value(SPRM.ilfo);
    style.ilvl = value(SPRM.ilvl);
  }
}
