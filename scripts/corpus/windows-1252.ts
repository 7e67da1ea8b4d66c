/** Encodes text as Windows-1252 (what Notepad on an older council PC saves), failing on characters it cannot hold. */

// The code points Windows-1252 puts in 0x80-0x9F instead of Latin-1's control characters.
const HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
  '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

export function encodeWindows1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (HIGH[ch] !== undefined) bytes.push(HIGH[ch]);
    else throw new Error(`"${ch}" (U+${code.toString(16)}) has no Windows-1252 byte`);
  }
  return Buffer.from(bytes);
}
