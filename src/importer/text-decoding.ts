/** Decodes a text file the way councils save them: UTF-8 with or without a BOM, UTF-16 with a BOM, or Windows-1252. */

/** Windows-1252's 0x80-0x9F block: curly quotes, dashes, the euro sign; other bytes map to Latin-1. */
const CP1252_HIGH: Record<number, string> = {
  0x80: '\u20AC', 0x82: '\u201A', 0x83: '\u0192', 0x84: '\u201E', 0x85: '\u2026', 0x86: '\u2020', 0x87: '\u2021',
  0x88: '\u02C6', 0x89: '\u2030', 0x8a: '\u0160', 0x8b: '\u2039', 0x8c: '\u0152', 0x8e: '\u017D',
  0x91: '\u2018', 0x92: '\u2019', 0x93: '\u201C', 0x94: '\u201D', 0x95: '\u2022', 0x96: '\u2013', 0x97: '\u2014',
  0x98: '\u02DC', 0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203A', 0x9c: '\u0153', 0x9e: '\u017E', 0x9f: '\u0178',
};

export interface DecodedText {
  text: string;
  /** The encoding read, for the reviewer's notes. */
  encoding: 'UTF-8' | 'UTF-16' | 'Windows-1252';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  try {
    // fatal: invalid UTF-8 throws, which is how a Windows-1252 file shows itself.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: decodeCp1252(bytes), encoding: 'Windows-1252' };
  }
}

/** Labels that name Windows-1252 or its Latin-1 subset, as email headers and RTF code pages give them. */
const CP1252_LABELS = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'x-cp1252']);

/**
 * Bytes in a named character set. Windows-1252 (and Latin-1, which mail programs write it as) is decoded
 * here: Node's TextDecoder reads that label as Latin-1, losing curly quotes and dashes. An unknown label is
 * read as UTF-8, else Windows-1252.
 */
export function decodeCharset(bytes: Uint8Array, label: string): string {
  const name = label.trim().toLowerCase();
  if (CP1252_LABELS.has(name)) return decodeCp1252(bytes);
  if (name === 'utf-8' || name === 'utf8') return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder(name).decode(bytes);
  } catch {
    return decodeText(bytes).text;
  }
}

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += CP1252_HIGH[b] ?? String.fromCharCode(b);
  return out;
}

/** Control bytes other than tab, CR, LF and form feed mean the file is not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (sample[0] === 0xff || sample[0] === 0xfe) return false;
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) control++;
  return control > sample.length * 0.01;
}
