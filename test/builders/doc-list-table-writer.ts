/**
 * Writes a .doc's list tables for tests, as Word lays them out in the table stream: PlfLst (each LSTF, then
 * every list's LVLs) and PlfLfo (each LFO, then each one's LFOData with its level overrides). Returns the
 * bytes and where each table starts, as the FIB would give them.
 */

export interface LevelDef {
  start?: number;
  /** Number format (nfc): 0 decimal, 2 lower roman, 4 lower letter, 23 bullet. */
  nfc?: number;
  /** The number text, "%1.%2" standing for the levels' numbers. */
  text: string;
}

export interface OverrideDef {
  lsid: number;
  /** Level -> a new start; `formatted` levels also restate the level (an LVL the reader skips). */
  starts?: { level: number; start: number; formatted?: boolean }[];
}

export function writeListTables(lists: { lsid: number; levels: LevelDef[] }[], overrides: OverrideDef[]) {
  const bytes: number[] = [];
  const u8 = (n: number) => bytes.push(n & 0xff);
  const u16 = (n: number) => bytes.push(n & 0xff, (n >> 8) & 0xff);
  const u32 = (n: number) => bytes.push(n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff);
  const level = (def: LevelDef) => {
    u32(def.start ?? 1);
    u8(def.nfc ?? 0);
    u8(0);
    for (let i = 0; i < 9 + 1 + 4 + 4; i++) u8(0);
    // cbGrpprlChpx, cbGrpprlPapx (two bytes of paragraph sprms to step over), ilvlRestartLim, grfhic.
    [0, 2, 0, 0].forEach(u8);
    u16(0);
    const chars = def.text.replace(/%(\d)/g, (_, n: string) => String.fromCharCode(Number(n) - 1));
    u16(chars.length);
    for (const ch of chars) u16(ch.charCodeAt(0));
  };
  u16(lists.length);
  for (const list of lists) {
    u32(list.lsid);
    u32(0);
    for (let i = 0; i < 9; i++) u16(0x0fff);
    u8(list.levels.length === 1 ? 1 : 0);
    u8(0);
  }
  for (const list of lists) for (let l = 0; l < (list.levels.length === 1 ? 1 : 9); l++) level(list.levels[l] ?? { text: '' });
  const lists_ = { fc: 0, lcb: 2 + lists.length * 28 };
  const lfoAt = bytes.length;
  u32(overrides.length);
  for (const o of overrides) {
    u32(o.lsid);
    u32(0);
    u32(0);
    [o.starts?.length ?? 0, 0, 0, 0].forEach(u8);
  }
  for (const o of overrides) {
    u32(0);
    for (const s of o.starts ?? []) {
      u32(s.start);
      u32(s.level | 0x10 | (s.formatted ? 0x20 : 0));
      if (s.formatted) level({ start: 99, text: '%1)' });
    }
  }
  return { table: Uint8Array.from(bytes), plfLst: lists_, plfLfo: { fc: lfoAt, lcb: bytes.length - lfoAt } };
}
