/**
 * A Compound File Binary (OLE2) reader, the container of Word 97-2003 .doc files: a FAT of sector chains,
 * a mini stream for small streams, and a directory tree of storages (folders) holding named streams. Word
 * keeps its streams at the root; an Outlook .msg keeps each attachment in a storage of its own. Every offset
 * and chain is checked, so a damaged or cut-short file throws CfbError rather than hanging in a cyclic chain
 * or reading past the end.
 */

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const DIR_ENTRY_BYTES = 128;
const STORAGE = 1;
const STREAM = 2;
const ROOT = 5;

/** Why the bytes are not a readable compound file. */
export class CfbError extends Error {
  override name = 'CfbError';
  constructor(readonly reason: 'not-cfb' | 'damaged') {
    super(reason === 'not-cfb' ? 'not a compound file' : 'damaged compound file');
  }
}

interface DirEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** Whether the bytes open with the compound file signature. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

/** A folder of a compound file: its streams and the storages under it, by name (compared case-insensitively, as the format says). */
export interface CfbStorage {
  readonly name: string;
  /** The stream named `name` in this storage, or undefined when there is none. */
  stream(name: string): Uint8Array | undefined;
  /** The storage named `name` in this storage, or undefined when there is none. */
  storage(name: string): CfbStorage | undefined;
  /** The storages directly in this storage. */
  storages(): CfbStorage[];
}

/** A compound file; its own stream/storage methods read its root storage. */
export class CompoundFile implements CfbStorage {
  readonly name = 'Root Entry';
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly fat: Uint32Array;
  private readonly entries: DirEntry[];
  private miniFat?: Uint32Array;
  private miniStream?: Uint8Array;

  constructor(private readonly bytes: Uint8Array) {
    if (!isCompoundFile(bytes)) throw new CfbError('not-cfb');
    if (bytes.length < 512) throw new CfbError('damaged');
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.u16(0x1e);
    const miniShift = this.u16(0x20);
    if ((shift !== 9 && shift !== 12) || miniShift !== 6 || this.u16(0x1c) !== 0xfffe) throw new CfbError('damaged');
    this.sectorSize = 1 << shift;
    this.miniSectorSize = 1 << miniShift;
    this.miniCutoff = this.u32(0x38);
    this.fat = this.readFat();
    this.entries = this.readDirectory();
  }

  /** The stream named `name` at the root of the file, or undefined when there is none. */
  stream(name: string): Uint8Array | undefined {
    return this.streamIn(this.rootId(), name);
  }

  storage(name: string): CfbStorage | undefined {
    return this.root().storage(name);
  }

  storages(): CfbStorage[] {
    return this.root().storages();
  }

  private rootId(): number {
    if (this.entries[0]?.type !== ROOT) throw new CfbError('damaged');
    return 0;
  }

  private root(): CfbStorage {
    return this.storageAt(this.rootId(), []);
  }

  /**
   * A view of the storage at directory entry `id`; `above` holds the storages it is in, so a storage listed
   * inside itself (a cycle a damaged directory can make) is refused rather than walked for ever.
   */
  private storageAt(id: number, above: readonly number[]): CfbStorage {
    if (above.includes(id)) throw new CfbError('damaged');
    const path = [...above, id];
    const named = (wanted: string) => this.children(id).find((c) => c.entry.type === STORAGE && c.entry.name.toUpperCase() === wanted.toUpperCase());
    return {
      name: this.entries[id]!.name,
      stream: (name) => this.streamIn(id, name),
      storage: (name) => {
        const found = named(name);
        return found && this.storageAt(found.id, path);
      },
      storages: () => this.children(id).filter((c) => c.entry.type === STORAGE).map((c) => this.storageAt(c.id, path)),
    };
  }

  private streamIn(storage: number, name: string): Uint8Array | undefined {
    const wanted = name.toUpperCase();
    const entry = this.children(storage).find((c) => c.entry.type === STREAM && c.entry.name.toUpperCase() === wanted)?.entry;
    if (!entry) return undefined;
    if (entry.size < this.miniCutoff) return this.readMini(entry.start, entry.size);
    return this.readChain(entry.start, this.fat, this.sectorSize, (s) => this.sector(s), entry.size);
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  /** Sector `n`'s bytes; a sector past the end of the file means the file was cut short. */
  private sector(n: number): Uint8Array {
    const at = (n + 1) * this.sectorSize;
    if (n >= END_OF_CHAIN - 4 || at + this.sectorSize > this.bytes.length) throw new CfbError('damaged');
    return this.bytes.subarray(at, at + this.sectorSize);
  }

  /** The FAT, from the sectors the header's DIFAT and the DIFAT sector chain list. */
  private readFat(): Uint32Array {
    const count = this.u32(0x2c);
    const maxSectors = Math.ceil(this.bytes.length / this.sectorSize);
    if (count > maxSectors) throw new CfbError('damaged');
    const fatSectors: number[] = [];
    for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < count; i++) fatSectors.push(this.u32(0x4c + i * 4));
    const perDifat = this.sectorSize / 4 - 1;
    let difat = this.u32(0x44);
    const seen = new Set<number>();
    while (fatSectors.length < count) {
      if (difat >= END_OF_CHAIN - 4 || seen.has(difat)) throw new CfbError('damaged');
      seen.add(difat);
      const bytes = this.sector(difat);
      const sector = new DataView(bytes.buffer, bytes.byteOffset, this.sectorSize);
      for (let i = 0; i < perDifat && fatSectors.length < count; i++) fatSectors.push(sector.getUint32(i * 4, true));
      difat = sector.getUint32(perDifat * 4, true);
    }
    const fat = new Uint32Array((count * this.sectorSize) / 4);
    fatSectors.forEach((s, i) => fat.set(littleEndianWords(this.sector(s)), (i * this.sectorSize) / 4));
    return fat;
  }

  /**
   * A chain's bytes: `start` then each next sector the table names, cut to `size` (the whole chain when
   * undefined). A chain that loops, leaves the table or ends before `size` is damage.
   */
  private readChain(start: number, table: Uint32Array, unit: number, read: (n: number) => Uint8Array, size?: number): Uint8Array {
    const parts: Uint8Array[] = [];
    let total = 0;
    const seen = new Set<number>();
    for (let s = start; s !== END_OF_CHAIN && (size === undefined || total < size); s = table[s]!) {
      if (s >= table.length || seen.has(s)) throw new CfbError('damaged');
      seen.add(s);
      parts.push(read(s));
      total += unit;
    }
    if (size !== undefined && total < size) throw new CfbError('damaged');
    const out = new Uint8Array(total);
    parts.forEach((p, i) => out.set(p, i * unit));
    return size === undefined ? out : out.subarray(0, size);
  }

  private readDirectory(): DirEntry[] {
    const dir = this.readChain(this.u32(0x30), this.fat, this.sectorSize, (s) => this.sector(s));
    const view = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
    const entries: DirEntry[] = [];
    for (let at = 0; at + DIR_ENTRY_BYTES <= dir.length; at += DIR_ENTRY_BYTES) {
      const nameBytes = Math.min(view.getUint16(at + 0x40, true), 64);
      const name = new TextDecoder('utf-16le').decode(dir.subarray(at, at + Math.max(0, nameBytes - 2)));
      const high = view.getUint32(at + 0x7c, true);
      // A version 3 file (512-byte sectors) may leave junk in the size's high half; the format says ignore it.
      const size = view.getUint32(at + 0x78, true) + (this.sectorSize === 4096 ? high * 2 ** 32 : 0);
      entries.push({
        name,
        type: view.getUint8(at + 0x42),
        left: view.getUint32(at + 0x44, true),
        right: view.getUint32(at + 0x48, true),
        child: view.getUint32(at + 0x4c, true),
        start: view.getUint32(at + 0x74, true),
        size,
      });
    }
    return entries;
  }

  /** The entries directly in storage `id`: its child's tree of left and right siblings. */
  private children(id: number): { id: number; entry: DirEntry }[] {
    const found: { id: number; entry: DirEntry }[] = [];
    const seen = new Set<number>();
    const pending = [this.entries[id]!.child];
    while (pending.length) {
      const next = pending.pop()!;
      if (next === NO_STREAM) continue;
      const entry = this.entries[next];
      if (!entry || seen.has(next)) throw new CfbError('damaged');
      seen.add(next);
      found.push({ id: next, entry });
      pending.push(entry.left, entry.right);
    }
    return found;
  }

  /** A small stream, from the mini stream (held in the root entry's chain) through the mini FAT. */
  private readMini(start: number, size: number): Uint8Array {
    if (size === 0) return new Uint8Array(0);
    if (!this.miniStream || !this.miniFat) {
      const root = this.entries[0]!;
      this.miniFat = littleEndianWords(this.readChain(this.u32(0x3c), this.fat, this.sectorSize, (s) => this.sector(s)));
      this.miniStream = this.readChain(root.start, this.fat, this.sectorSize, (s) => this.sector(s), root.size);
    }
    const mini = this.miniStream;
    return this.readChain(start, this.miniFat, this.miniSectorSize, (s) => {
      const at = s * this.miniSectorSize;
      if (at + this.miniSectorSize > mini.length) throw new CfbError('damaged');
      return mini.subarray(at, at + this.miniSectorSize);
    }, size);
  }
}

/** Bytes read as little-endian 32-bit words (sector numbers in a FAT or mini FAT); a trailing partial word is dropped. */
function littleEndianWords(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = new Uint32Array(Math.floor(bytes.length / 4));
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
  return words;
}
