/**
 * Writes a minimal Compound File Binary (version 3, 512-byte sectors) for tests: each stream in its own
 * sector chain, padded to 4096 bytes so none goes to the mini stream, the directory a chain of right
 * siblings under the root. `damage` may rewrite the FAT or directory before they are written, to make the
 * broken files the reader must refuse.
 */
const SECTOR = 512;
const END = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECT = 0xfffffffd;

export interface Damage {
  fat?: (fat: Uint32Array, layout: { directory: number; streams: number[] }) => void;
  directory?: (entries: DataView) => void;
}

export function writeCompoundFile(streams: Record<string, Uint8Array>, damage: Damage = {}): Uint8Array {
  const names = Object.keys(streams);
  const padded = names.map((n) => {
    const data = streams[n]!;
    const size = Math.max(data.length, 4096);
    const out = new Uint8Array(Math.ceil(size / SECTOR) * SECTOR);
    out.set(data);
    return { name: n, size, out };
  });
  const dirBytes = Math.ceil((names.length + 1) / 4) * SECTOR;
  const dataSectors = padded.reduce((sum, p) => sum + p.out.length / SECTOR, 0) + dirBytes / SECTOR;
  let fatSectors = 1;
  while ((dataSectors + fatSectors) > fatSectors * (SECTOR / 4)) fatSectors++;
  const fat = new Uint32Array(fatSectors * (SECTOR / 4)).fill(FREE);
  const starts: number[] = [];
  let next = 0;
  const chain = (count: number) => {
    const start = next;
    for (let i = 0; i < count; i++) fat[next + i] = i + 1 < count ? next + i + 1 : END;
    next += count;
    return start;
  };
  for (const p of padded) starts.push(chain(p.out.length / SECTOR));
  const directory = chain(dirBytes / SECTOR);
  const fatStart = next;
  for (let i = 0; i < fatSectors; i++) fat[fatStart + i] = FAT_SECT;
  damage.fat?.(fat, { directory, streams: starts });

  const dir = new Uint8Array(dirBytes);
  const view = new DataView(dir.buffer);
  const entry = (i: number, name: string, type: number, start: number, size: number, child: number, right: number) => {
    const at = i * 128;
    for (let c = 0; c < name.length; c++) view.setUint16(at + c * 2, name.charCodeAt(c), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    view.setUint8(at + 0x42, type);
    view.setUint8(at + 0x43, 1);
    view.setUint32(at + 0x44, FREE, true);
    view.setUint32(at + 0x48, right, true);
    view.setUint32(at + 0x4c, child, true);
    view.setUint32(at + 0x74, start, true);
    view.setUint32(at + 0x78, size, true);
  };
  entry(0, 'Root Entry', 5, END, 0, names.length ? 1 : FREE, FREE);
  padded.forEach((p, i) => entry(i + 1, p.name, 2, starts[i]!, p.size, FREE, i + 2 <= names.length ? i + 2 : FREE));
  damage.directory?.(view);

  const header = new Uint8Array(SECTOR);
  const h = new DataView(header.buffer);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  h.setUint16(0x18, 0x3e, true);
  h.setUint16(0x1a, 3, true);
  h.setUint16(0x1c, 0xfffe, true);
  h.setUint16(0x1e, 9, true);
  h.setUint16(0x20, 6, true);
  h.setUint32(0x2c, fatSectors, true);
  h.setUint32(0x30, directory, true);
  h.setUint32(0x38, 4096, true);
  h.setUint32(0x3c, END, true);
  h.setUint32(0x44, END, true);
  for (let i = 0; i < 109; i++) h.setUint32(0x4c + i * 4, i < fatSectors ? fatStart + i : FREE, true);

  const file = new Uint8Array(SECTOR * (1 + next + fatSectors));
  file.set(header);
  padded.forEach((p, i) => file.set(p.out, SECTOR * (1 + starts[i]!)));
  file.set(dir, SECTOR * (1 + directory));
  const fatBytes = new Uint8Array(fat.buffer);
  file.set(fatBytes, SECTOR * (1 + fatStart));
  return file;
}
