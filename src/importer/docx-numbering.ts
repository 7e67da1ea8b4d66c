/**
 * Word's automatic numbering: the numbers a document shows are generated from numbering.xml
 * (abstractNum levels, num instances with start overrides) and the styles that carry numbering.
 * This reproduces the counters the way Word does, so "3.2", "4)" and "(b)" come out as printed.
 */
import { child, childrenOf, val, type XmlNode } from './ooxml';

/** One level of a list: how Word writes its number. */
export interface NumberingLevel {
  start: number;
  format: string;
  text: string;
  /** Legal numbering (w:isLgl): this level shows every number in Arabic, "3.2" under "PART III". */
  legal: boolean;
}

/** One use of a list (Word's w:num, an RTF's \ls): the list it numbers from and its start overrides. */
export interface NumberingInstance {
  abstractId: string;
  /** Level -> start value, applied the first time this instance is used. */
  startOverrides: Map<number, number>;
}

export class WordNumbering {
  private readonly abstracts = new Map<string, Map<number, NumberingLevel>>();
  private readonly nums = new Map<string, NumberingInstance>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly used = new Set<string>();
  /** A list that takes its levels from a list style -> the list defining that style. */
  private readonly aliases = new Map<string, string>();

  constructor(numberingRoot: XmlNode | undefined) {
    const linkedTo = new Map<string, string>();
    const styleLists = new Map<string, string>();
    for (const abs of childrenOf(numberingRoot, 'w:abstractNum')) {
      const id = abs.attrs['w:abstractNumId']!;
      const levels = new Map<number, NumberingLevel>();
      for (const lvl of childrenOf(abs, 'w:lvl')) levels.set(Number(lvl.attrs['w:ilvl']), readLevel(lvl));
      this.abstracts.set(id, levels);
      const defines = val(abs, 'w:styleLink');
      const uses = val(abs, 'w:numStyleLink');
      if (defines !== undefined) styleLists.set(defines, id);
      if (uses !== undefined && levels.size === 0) linkedTo.set(id, uses);
    }
    // A list reached through a list style (Word's "Define New List Style") has no levels of its own, only the
    // style's name: its levels, and its counters, are those of the list that defines the style.
    for (const [id, style] of linkedTo) {
      const definer = styleLists.get(style);
      if (definer !== undefined) this.aliases.set(id, definer);
    }
    for (const num of childrenOf(numberingRoot, 'w:num')) {
      const startOverrides = new Map<number, number>();
      for (const o of childrenOf(num, 'w:lvlOverride')) {
        const start = val(o, 'w:startOverride');
        if (start !== undefined) startOverrides.set(Number(o.attrs['w:ilvl']), Number(start));
      }
      this.nums.set(num.attrs['w:numId']!, { abstractId: val(num, 'w:abstractNumId') ?? '', startOverrides });
    }
  }

  /** A numbering from lists read elsewhere (an RTF's list table): list id -> levels, and each use of a list. */
  static fromLists(lists: ReadonlyMap<string, Map<number, NumberingLevel>>, instances: ReadonlyMap<string, NumberingInstance>): WordNumbering {
    const numbering = new WordNumbering(undefined);
    for (const [id, levels] of lists) numbering.abstracts.set(id, levels);
    for (const [id, instance] of instances) numbering.nums.set(id, instance);
    return numbering;
  }

  /**
   * The label Word shows for the next paragraph of list `numId` at `level`: "1.2", "(b)", "4)";
   * a bullet glyph for bullets ('o' at the second level); undefined for no number.
   */
  next(numId: string, level: number): string | undefined {
    const num = this.nums.get(numId);
    const abstractId = num && (this.aliases.get(num.abstractId) ?? num.abstractId);
    const levels = abstractId !== undefined ? this.abstracts.get(abstractId) : undefined;
    const lvl = levels?.get(level);
    if (!num || !abstractId || !levels || !lvl || numId === '0') return undefined;
    const counters = this.counters.get(abstractId) ?? [];
    this.counters.set(abstractId, counters);
    if (!this.used.has(numId)) {
      this.used.add(numId);
      for (const [l, start] of num.startOverrides) counters[l] = start - 1;
    }
    counters[level] = counters[level] === undefined ? lvl.start : counters[level]! + 1;
    // A higher level advancing restarts every level below it.
    for (let d = level + 1; d < 9; d++) counters[d] = undefined;
    // The importer's lists nest one level: any bullet below the first level is a second-level 'o'.
    if (lvl.format === 'bullet') return level > 0 ? 'o' : '•';
    if (lvl.format === 'none') return undefined;
    return lvl.text.replace(/%(\d)/g, (_, n: string) => {
      const l = Number(n) - 1;
      const ref = levels.get(l);
      return format(counters[l] ?? ref?.start ?? 1, lvl.legal ? 'decimal' : (ref?.format ?? 'decimal'));
    });
  }
}

function readLevel(lvl: XmlNode): NumberingLevel {
  return {
    start: Number(val(lvl, 'w:start') ?? '1'),
    format: val(lvl, 'w:numFmt') ?? 'decimal',
    text: child(lvl, 'w:lvlText')?.attrs['w:val'] ?? '',
    legal: onOff(child(lvl, 'w:isLgl')),
  };
}

/** A Word on/off element: present and not switched off by w:val="0"/"false". */
function onOff(node: XmlNode | undefined): boolean {
  const v = node?.attrs['w:val'];
  return node !== undefined && v !== '0' && v !== 'false' && v !== 'off';
}

/** Word's number format codes (nfc: a .doc's LVL, RTF's levelnfc) and their names; any other is written as a decimal. */
export const WORD_NUMBER_FORMATS: Readonly<Record<number, string>> = { 0: 'decimal', 1: 'upperRoman', 2: 'lowerRoman', 3: 'upperLetter', 4: 'lowerLetter', 22: 'decimalZero', 23: 'bullet', 255: 'none' };

/** A list number in one of Word's formats (decimal, lowerLetter, upperRoman…). */
export function format(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

/** Word's letters: a..z, then aa..zz. */
function letters(n: number): string {
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

export function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, numeral] of table) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}
