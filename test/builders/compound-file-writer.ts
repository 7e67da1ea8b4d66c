/**
 * Writes a minimal Compound File Binary (version 3, 512-byte sectors) for tests: each stream in its own
 * sector chain, padded to 4096 bytes so none goes to the mini stream; a storage (folder) is a nested object
 * of streams and storages. Each storage's entries are a chain of right siblings under it, numbered depth
 * first in the order given. `damage` may rewrite the FAT or directory before they are written, to make the
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

/** A storage's contents: streams as bytes, storages as nested trees. */
export interface CfbTree {
  [name: string]: Uint8Array | CfbTree;
}

interface Node {
  name: string;
  /** The stream's bytes; undefined for a storage. */
  data?: Uint8Array;
  /** A storage's entries, as directory entry numbers. */
  children: number[];
}

/** The tree's entries depth first, entry 0 the root. */
function flatten(tree: CfbTree): Node[] {
  const nodes: Node[] = [{ name: 'Root Entry', children: [] }];
  const add = (parent: number, contents: CfbTree) => {
    for (const [name, value] of Object.entries(contents)) {
      const id = nodes.length;
      nodes[parent]!.children.push(id);
      if (value instanceof Uint8Array) nodes.push({ name, data: value, children: [] });
      else {
        nodes.push({ name, children: [] });
        add(id, value);
      }
    }
  };
  add(0, tree);
  return nodes;
}

export function writeCompoundFile(tree: CfbTree, damage: Damage = {}): Uint8Array {
  const nodes = flatten(tree);
  const padded = nodes.flatMap((node, id) => {
    if (!node.data) return [];
    const size = Math.max(node.data.length, 4096);
    const out = new Uint8Array(Math.ceil(size / SECTOR) * SECTOR);
    out.set(node.data);
    return [{ id, size, out }];
  });
  const dirBytes = Math.ceil(nodes.length / 4) * SECTOR;
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
  const streamAt = new Map(padded.map((p, i) => [p.id, { start: starts[i]!, size: p.size }]));
  const siblings = new Map(nodes.flatMap((n) => n.children.map((c, k) => [c, n.children[k + 1] ?? FREE] as const)));
  nodes.forEach((node, id) => {
    const child = node.children[0] ?? FREE;
    const stream = streamAt.get(id);
    if (id === 0) entry(0, node.name, 5, END, 0, child, FREE);
    else if (stream) entry(id, node.name, 2, stream.start, stream.size, FREE, siblings.get(id)!);
    else entry(id, node.name, 1, 0, 0, child, siblings.get(id)!);
  });
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
