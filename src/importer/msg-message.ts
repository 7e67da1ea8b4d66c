/**
 * An Outlook message saved as .msg ([MS-OXMSG]): a compound file whose storage holds one stream a MAPI
 * property, named `__substg1.0_` + the property id and type in hex (001F UTF-16LE text, 001E 8-bit text in
 * the message's code page, 0102 bytes), fixed-size properties packed in `__properties_version1.0`, and each
 * attachment in a storage of its own; an attached Outlook message is a storage inside its attachment's,
 * laid out the same way. Only what the importer reads is taken: subject, the three bodies, attachments.
 */
import type { CfbStorage } from './cfb';
import { decodeBytes } from './rtf-code-pages';
import { decodeText } from './text-decoding';

export interface MsgAttachment {
  /** The long file name, else the 8.3 one. */
  filename?: string;
  mimeType?: string;
  /** The attached file's bytes; undefined for an attached message (then `message`) or an embedded object. */
  data?: Uint8Array;
  message?: MsgMessage;
}

export interface MsgMessage {
  subject?: string;
  /** The plain-text body. */
  text?: string;
  /** The HTML body, decoded by its code page. */
  html?: string;
  /** The compressed RTF body, as stored. */
  compressedRtf?: Uint8Array;
  attachments: MsgAttachment[];
}

const PROPERTIES = '__properties_version1.0';
/** Bytes before the first property in `__properties_version1.0`: a saved message, one attached to it, an attachment. */
const HEADER_BYTES = { message: 32, embedded: 24, attachment: 8 } as const;
const ATTACHMENT_STORAGE = /^__attach_version1\.0_#[0-9a-f]{8}$/i;
const EMBEDDED_MESSAGE = 5;
const WINDOWS_1252 = 1252;
/** More nesting than this is not an email a clerk saved. */
const MAX_DEPTH = 20;

const PR = {
  subject: 0x0037,
  body: 0x1000,
  rtfCompressed: 0x1009,
  html: 0x1013,
  attachData: 0x3701,
  attachFilename: 0x3704,
  attachMethod: 0x3705,
  attachLongFilename: 0x3707,
  attachMimeTag: 0x370e,
  internetCodePage: 0x3fde,
  messageCodePage: 0x3ffd,
} as const;
const PT_LONG = 0x0003;

/** Whether a compound file holds an Outlook message: its root has the property stream every message has. */
export function isMessageStorage(storage: CfbStorage): boolean {
  return storage.stream(PROPERTIES) !== undefined;
}

/** The message in `storage`; `codePage` is the outer message's, for an attached one that does not say its own. */
export function readMessage(storage: CfbStorage, kind: 'message' | 'embedded' = 'message', codePage = WINDOWS_1252, depth = 0): MsgMessage {
  const longs = longProperties(storage, HEADER_BYTES[kind]);
  const internet = longs.get(PR.internetCodePage);
  const strings = longs.get(PR.messageCodePage) ?? internet ?? codePage;
  const message: MsgMessage = { attachments: [] };
  const subject = stringProperty(storage, PR.subject, strings);
  if (subject) message.subject = subject;
  const text = stringProperty(storage, PR.body, strings);
  if (text) message.text = text;
  const html = binary(storage, PR.html);
  const htmlText = html ? (internet ? decodeBytes(Array.from(html), internet) : decodeText(html).text) : stringProperty(storage, PR.html, strings);
  if (htmlText) message.html = htmlText;
  const rtf = binary(storage, PR.rtfCompressed);
  if (rtf) message.compressedRtf = rtf;
  if (depth >= MAX_DEPTH) return message;
  const storages = storage.storages().filter((s) => ATTACHMENT_STORAGE.test(s.name));
  storages.sort((a, b) => a.name.localeCompare(b.name));
  message.attachments = storages.map((s) => readAttachment(s, strings, depth));
  return message;
}

function readAttachment(storage: CfbStorage, codePage: number, depth: number): MsgAttachment {
  const longs = longProperties(storage, HEADER_BYTES.attachment);
  const attachment: MsgAttachment = {};
  const filename = stringProperty(storage, PR.attachLongFilename, codePage) || stringProperty(storage, PR.attachFilename, codePage);
  if (filename) attachment.filename = filename;
  const mimeType = stringProperty(storage, PR.attachMimeTag, codePage);
  if (mimeType) attachment.mimeType = mimeType;
  const embedded = longs.get(PR.attachMethod) === EMBEDDED_MESSAGE ? storage.storage(streamName(PR.attachData, 0x000d)) : undefined;
  if (embedded) attachment.message = readMessage(embedded, 'embedded', codePage, depth + 1);
  else {
    const data = binary(storage, PR.attachData);
    if (data) attachment.data = data;
  }
  return attachment;
}

/** A property's stream: `__substg1.0_` and its id and type in hex (stream names are matched case-insensitively). */
const streamName = (id: number, type: number) => `__substg1.0_${id.toString(16).padStart(4, '0')}${type.toString(16).padStart(4, '0')}`;

const binary = (storage: CfbStorage, id: number) => storage.stream(streamName(id, 0x0102));

/** A text property, stored as UTF-16LE or as 8-bit text in `codePage`, without the terminating null Outlook may keep. */
function stringProperty(storage: CfbStorage, id: number, codePage: number): string | undefined {
  const wide = storage.stream(streamName(id, 0x001f));
  if (wide) return new TextDecoder('utf-16le').decode(wide).replace(/\0+$/, '');
  const narrow = storage.stream(streamName(id, 0x001e));
  return narrow && decodeBytes(Array.from(narrow), codePage).replace(/\0+$/, '');
}

/** The 32-bit integer properties in `__properties_version1.0`, by property id: 16 bytes each, tag then flags then value. */
function longProperties(storage: CfbStorage, headerBytes: number): Map<number, number> {
  const found = new Map<number, number>();
  const stream = storage.stream(PROPERTIES);
  if (!stream) return found;
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  for (let at = headerBytes; at + 16 <= stream.length; at += 16) {
    const tag = view.getUint32(at, true);
    if ((tag & 0xffff) === PT_LONG) found.set(tag >>> 16, view.getUint32(at + 8, true));
  }
  return found;
}
