/**
 * Writes Outlook .msg files for tests, as Outlook lays them out ([MS-OXMSG]): each property a stream
 * `__substg1.0_IIIITTTT` in the message's storage, 32-bit properties in `__properties_version1.0`, each
 * attachment a storage `__attach_version1.0_#0000000N`, an attached message a storage inside that. Text is
 * written as UTF-16LE (001F), or as Windows-1252 bytes (001E) with the code page said, as older Outlook does.
 */
import { writeCompoundFile, type CfbTree } from './compound-file-writer';

export interface MsgSpec {
  subject?: string;
  /** The plain-text body. */
  text?: string;
  /** The HTML body, written as bytes (0102) in UTF-8 with PR_INTERNET_CPID 65001. */
  html?: string;
  /** The RTF body, written compressed. */
  rtf?: string;
  /** Write text properties as 8-bit Windows-1252 (001E) with PR_MESSAGE_CODEPAGE 1252, not UTF-16LE. */
  ansi?: boolean;
  attachments?: AttachmentSpec[];
}

export interface AttachmentSpec {
  filename?: string;
  mimeType?: string;
  data?: Uint8Array;
  /** An attached Outlook message (attach method 5) instead of a file. */
  message?: MsgSpec;
}

const CP1252: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** Text as Windows-1252 bytes; only the characters the tests use above Latin-1's range. */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => CP1252[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f));
}

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
const stream = (id: number, type: number) => `__substg1.0_${hex(id)}${hex(type)}`;

/** `__properties_version1.0`: a header of `headerBytes` zeros, then 16 bytes a 32-bit property (tag, flags, value). */
function properties(headerBytes: number, longs: [id: number, value: number][]): Uint8Array {
  const out = new Uint8Array(headerBytes + longs.length * 16);
  const view = new DataView(out.buffer);
  longs.forEach(([id, value], i) => {
    view.setUint32(headerBytes + i * 16, ((id << 16) | 0x0003) >>> 0, true);
    view.setUint32(headerBytes + i * 16 + 4, 6, true);
    view.setUint32(headerBytes + i * 16 + 8, value, true);
  });
  return out;
}

function messageTree(spec: MsgSpec, headerBytes: number): CfbTree {
  const tree: CfbTree = {};
  const text = (id: number, value: string | undefined) => {
    if (value === undefined) return;
    if (spec.ansi) tree[stream(id, 0x001e)] = cp1252(`${value}\0`);
    else tree[stream(id, 0x001f)] = Buffer.from(`${value}\0`, 'utf16le');
  };
  const longs: [number, number][] = [];
  if (spec.ansi) longs.push([0x3ffd, 1252]);
  if (spec.html !== undefined) longs.push([0x3fde, 65001]);
  tree['__properties_version1.0'] = properties(headerBytes, longs);
  text(0x0037, spec.subject);
  text(0x1000, spec.text);
  if (spec.html !== undefined) tree[stream(0x1013, 0x0102)] = Buffer.from(spec.html, 'utf8');
  if (spec.rtf !== undefined) tree[stream(0x1009, 0x0102)] = compressRtf(Buffer.from(spec.rtf, 'latin1'));
  (spec.attachments ?? []).forEach((a, i) => {
    const storage: CfbTree = { '__properties_version1.0': properties(8, [[0x3705, a.message ? 5 : 1]]) };
    const attachmentText = (id: number, value: string | undefined) => {
      if (value !== undefined) storage[stream(id, spec.ansi ? 0x001e : 0x001f)] = spec.ansi ? cp1252(value) : Buffer.from(value, 'utf16le');
    };
    attachmentText(0x3707, a.filename);
    attachmentText(0x370e, a.mimeType);
    if (a.data) storage[stream(0x3701, 0x0102)] = a.data;
    if (a.message) storage[stream(0x3701, 0x000d)] = messageTree(a.message, 24);
    tree[`__attach_version1.0_#${i.toString(16).toUpperCase().padStart(8, '0')}`] = storage;
  });
  return tree;
}

/** A .msg file holding the message `spec` describes. */
export function aMsg(spec: MsgSpec): Uint8Array {
  return writeCompoundFile(messageTree(spec, 32));
}

const PRELOAD =
  '{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx';

/**
 * Compressed RTF ("LZFu") as Outlook writes it: runs of up to 17 bytes found earlier in the dictionary
 * (which starts filled with common RTF) written as references, other bytes as literals. Inputs stay under
 * the dictionary's 4096 bytes, so it never wraps; the CRC is left 0, as the reader does not check it.
 */
export function compressRtf(raw: Uint8Array): Uint8Array {
  const dictionary = [...Buffer.from(PRELOAD, 'latin1')];
  const body: number[] = [];
  let control = -1;
  let bit = 8;
  const token = (reference: boolean, bytes: number[]) => {
    if (bit === 8) {
      control = body.length;
      body.push(0);
      bit = 0;
    }
    if (reference) body[control]! |= 1 << bit;
    bit++;
    body.push(...bytes);
  };
  for (let at = 0; at < raw.length; ) {
    let best = { offset: 0, length: 0 };
    for (let offset = 0; offset < dictionary.length; offset++) {
      let length = 0;
      while (length < 17 && at + length < raw.length && offset + length < dictionary.length && dictionary[offset + length] === raw[at + length]) length++;
      if (length > best.length) best = { offset, length };
    }
    if (best.length >= 2) {
      const word = (best.offset << 4) | (best.length - 2);
      token(true, [word >> 8, word & 0xff]);
      dictionary.push(...raw.subarray(at, at + best.length));
      at += best.length;
    } else {
      token(false, [raw[at]!]);
      dictionary.push(raw[at]!);
      at++;
    }
  }
  const end = dictionary.length << 4;
  token(true, [end >> 8, end & 0xff]);
  const out = new Uint8Array(16 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length + 12, true);
  view.setUint32(4, raw.length, true);
  view.setUint32(8, 0x75465a4c, true);
  out.set(body, 16);
  return out;
}
