/**
 * Outlook's compressed RTF ([MS-OXRTFCP]), the form a .msg keeps a Rich Text body in: a 16-byte header
 * (compressed size, raw size, "LZFu" or "MELA" for stored uncompressed, CRC), then LZ77 runs against a
 * 4096-byte ring dictionary that starts filled with common RTF. The CRC is not checked: a damaged run shows
 * as damaged RTF, which the RTF reader refuses, and Outlook itself reads past a wrong CRC.
 */

const COMPRESSED = 0x75465a4c; // "LZFu"
const UNCOMPRESSED = 0x414c454d; // "MELA"
const HEADER_BYTES = 16;
const DICTIONARY_BYTES = 4096;
const PRELOAD =
  '{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx';
/** Nothing a clerk saves decompresses past this; a header claiming more is damage, not a reason to allocate it. */
const MAX_RAW_BYTES = 64 * 1024 * 1024;

/** Why compressed RTF could not be read. */
export class CompressedRtfError extends Error {
  override name = 'CompressedRtfError';
}

/** The RTF bytes a compressed RTF property holds. */
export function decompressRtf(bytes: Uint8Array): Uint8Array {
  if (bytes.length < HEADER_BYTES) throw new CompressedRtfError('compressed RTF shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const compressedSize = view.getUint32(0, true);
  const rawSize = view.getUint32(4, true);
  const type = view.getUint32(8, true);
  // The compressed size counts the header's last 12 bytes; a file cut short has less than it says.
  const end = Math.min(bytes.length, compressedSize + 4);
  if (rawSize > MAX_RAW_BYTES) throw new CompressedRtfError('compressed RTF claims an impossible size');
  if (type === UNCOMPRESSED) return bytes.slice(HEADER_BYTES, Math.min(end, HEADER_BYTES + rawSize));
  if (type !== COMPRESSED) throw new CompressedRtfError('not compressed RTF');

  const dictionary = new Uint8Array(DICTIONARY_BYTES);
  for (let i = 0; i < PRELOAD.length; i++) dictionary[i] = PRELOAD.charCodeAt(i);
  let write = PRELOAD.length;
  const out: number[] = [];
  const put = (b: number) => {
    out.push(b);
    dictionary[write] = b;
    write = (write + 1) % DICTIONARY_BYTES;
  };
  let at = HEADER_BYTES;
  while (at < end && out.length < rawSize) {
    const control = bytes[at++]!;
    for (let bit = 0; bit < 8 && at < end && out.length < rawSize; bit++) {
      if ((control & (1 << bit)) === 0) {
        put(bytes[at++]!);
        continue;
      }
      if (at + 1 >= end) throw new CompressedRtfError('compressed RTF cut short');
      // A reference: 12 bits of dictionary offset, 4 bits of length less 2, big-endian.
      const word = (bytes[at]! << 8) | bytes[at + 1]!;
      at += 2;
      const offset = word >> 4;
      // A reference to where the next byte would be written marks the end.
      if (offset === write) return Uint8Array.from(out);
      for (let i = 0; i < (word & 0xf) + 2; i++) put(dictionary[(offset + i) % DICTIONARY_BYTES]!);
    }
  }
  return Uint8Array.from(out.slice(0, rawSize));
}
