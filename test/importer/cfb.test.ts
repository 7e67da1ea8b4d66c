/**
 * The compound file (OLE2) reader under Word 97-2003 .doc files: streams read from a file LibreOffice wrote
 * (big ones through the FAT, small ones through the mini stream), and damaged files refused with CfbError,
 * never a hang or a read past the end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CfbError, CompoundFile, isCompoundFile } from '../../src/importer/cfb';
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
