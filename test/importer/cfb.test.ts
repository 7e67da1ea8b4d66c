/**
 * The compound file (OLE2) reader under Word 97-2003 .doc and Outlook .msg files: streams read from a file
 * LibreOffice wrote (big ones through the FAT, small ones through the mini stream) and from storages inside
 * storages, and damaged files refused with CfbError, never a hang or a read past the end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CfbError, CompoundFile, isCompoundFile, type CfbStorage } from '../../src/importer/cfb';
import { writeCompoundFile } from '../builders/compound-file-writer';

const PROTOCOL = readFileSync(join(__dirname, 'fixtures/doc/protocol.doc'));
const u16 = (bytes: Uint8Array, at = 0) => bytes[at]! | (bytes[at + 1]! << 8);

/** A seeded generator, so a failing case can be run again. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function reason(read: () => unknown): string {
  try {
    read();
    return 'read';
  } catch (err) {
    if (err instanceof CfbError) return err.reason;
    throw err;
  }
}

describe('a .doc LibreOffice wrote', () => {
  const file = new CompoundFile(PROTOCOL);

  test('its WordDocument stream opens with the Word signature, read through the FAT', () => {
    const word = file.stream('WordDocument')!;
    expect(u16(word)).toBe(0xa5ec);
    expect(word.length).toBeGreaterThanOrEqual(4096);
  });

  test('a small stream is read from the mini stream: the summary information opens with its byte order mark', () => {
    const summary = file.stream('\u0005SummaryInformation')!;
    expect(summary.length).toBeLessThan(4096);
    expect(u16(summary)).toBe(0xfffe);
  });

  test('names are matched case-insensitively; a stream that is not there is undefined', () => {
    expect(file.stream('worddocument')).toEqual(file.stream('WordDocument'));
    expect(file.stream('Workbook')).toBeUndefined();
  });
});

describe('a compound file written here', () => {
  const streams = { WordDocument: Uint8Array.from({ length: 5000 }, (_, i) => i % 251), '1Table': new TextEncoder().encode('table') };

  test('reads back each stream as written', () => {
    const file = new CompoundFile(writeCompoundFile(streams));
    expect(file.stream('WordDocument')).toEqual(streams.WordDocument);
    expect(Buffer.from(file.stream('1Table')!.subarray(0, 5)).toString()).toBe('table');
  });

  test('a FAT chain that loops back on itself is damage', () => {
    const looped = writeCompoundFile(streams, { fat: (fat, { streams: [word] }) => (fat[word! + 3] = word!) });
    expect(reason(() => new CompoundFile(looped).stream('WordDocument'))).toBe('damaged');
  });

  test('a directory chain that loops is damage', () => {
    const looped = writeCompoundFile(streams, { fat: (fat, { directory }) => (fat[directory] = directory) });
    expect(reason(() => new CompoundFile(looped))).toBe('damaged');
  });

  test('a chain pointing outside the FAT is damage', () => {
    const outside = writeCompoundFile(streams, { fat: (fat, { streams: [word] }) => (fat[word!] = 0x00ffffff) });
    expect(reason(() => new CompoundFile(outside).stream('WordDocument'))).toBe('damaged');
  });

  test('directory entries that are each other\'s siblings are damage', () => {
    const looped = writeCompoundFile(streams, { directory: (dir) => dir.setUint32(2 * 128 + 0x48, 1, true) });
    expect(reason(() => new CompoundFile(looped).stream('Missing'))).toBe('damaged');
  });

  test('a stream longer than its chain is damage', () => {
    const long = writeCompoundFile(streams, { directory: (dir) => dir.setUint32(1 * 128 + 0x78, 50_000, true) });
    expect(reason(() => new CompoundFile(long).stream('WordDocument'))).toBe('damaged');
  });
});

describe('storages (folders), as an Outlook .msg keeps each attachment', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const tree = { top: bytes('at the root'), '__attach_version1.0_#00000000': { data: bytes('first'), inner: { deep: bytes('two down') } }, '__attach_version1.0_#00000001': { data: bytes('second') } };
  const text = (stream: Uint8Array | undefined) => Buffer.from(stream!).toString().replace(/\0+$/, '');
  /** Every storage under `storage`, depth first, by name. */
  const walk = (storage: CfbStorage): string[] => storage.storages().flatMap((s) => [s.name, ...walk(s)]);

  test('streams are read from the storage that holds them, names matched case-insensitively', () => {
    const file = new CompoundFile(writeCompoundFile(tree));
    expect(text(file.stream('top'))).toBe('at the root');
    expect(text(file.storage('__ATTACH_VERSION1.0_#00000001')!.stream('DATA'))).toBe('second');
    expect(text(file.storage('__attach_version1.0_#00000000')!.storage('inner')!.stream('deep'))).toBe('two down');
  });

  test('a storage lists the storages in it; a stream is not a storage, nor found outside its own', () => {
    const file = new CompoundFile(writeCompoundFile(tree));
    expect(walk(file).sort()).toEqual(['__attach_version1.0_#00000000', '__attach_version1.0_#00000001', 'inner']);
    expect(file.storage('top')).toBeUndefined();
    expect(file.stream('data')).toBeUndefined();
    expect(file.storage('__attach_version1.0_#00000001')!.storage('inner')).toBeUndefined();
  });

  test('a storage inside itself (a directory cycle) is damage, never an endless walk', () => {
    // Entries depth first: 0 root, 1 top, 2 the first attachment, 3 data, 4 inner; inner's child made the attachment.
    const looped = writeCompoundFile(tree, { directory: (dir) => dir.setUint32(4 * 128 + 0x4c, 2, true) });
    expect(reason(() => walk(new CompoundFile(looped)))).toBe('damaged');
  });
});

describe('bad input', () => {
  test('bytes without the signature are not a compound file', () => {
    expect(isCompoundFile(new TextEncoder().encode('{\\rtf1 hello}'))).toBe(false);
    expect(reason(() => new CompoundFile(new TextEncoder().encode('{\\rtf1 hello}')))).toBe('not-cfb');
  });

  test('cut at every sector, the file is read or refused as damaged', () => {
    for (let end = 0; end < PROTOCOL.length; end += 256) {
      const cut = PROTOCOL.subarray(0, end);
      const outcome = reason(() => new CompoundFile(cut).stream('WordDocument'));
      expect([end, outcome]).toEqual([end, isCompoundFile(cut) ? 'damaged' : 'not-cfb']);
    }
  });

  test('random bytes after the signature are refused as damaged, never a hang', () => {
    const next = random(7);
    for (let run = 0; run < 200; run++) {
      const bytes = Uint8Array.from({ length: 512 * (1 + Math.floor(next() * 8)) }, () => Math.floor(next() * 256));
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x3e, 0, 3, 0, 0xfe, 0xff, 9, 0, 6, 0]);
      expect(['read', 'damaged']).toContain(reason(() => new CompoundFile(bytes).stream('WordDocument')));
    }
  });
});
