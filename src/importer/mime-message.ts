/**
 * An email message saved as .eml (RFC 5322 with MIME): headers unfolded and their encoded words decoded,
 * each part's body decoded from its transfer encoding (quoted-printable, base64, 7bit/8bit) to bytes, and
 * multipart bodies and attached messages (message/rfc822) split into their parts. Text is decoded from
 * bytes only once a part is whole, so a quoted-printable soft break inside a UTF-8 character does no harm.
 */
import { decodeCharset, decodeText } from './text-decoding';

export interface MimePart {
  /** Lower-cased media type, "text/plain" when the part does not say. */
  type: string;
  /** Content-Type parameters (charset, boundary, name, format), names lower-cased. */
  params: Record<string, string>;
  headers: Map<string, string>;
  /** "attachment" or "inline" when the part says. */
  disposition?: string;
  filename?: string;
  /** The body, transfer encoding undone. */
  body: Uint8Array;
  /** A multipart's parts, or the one message an attached message holds. */
  parts: MimePart[];
}

/** More nesting than this is not an email a clerk saved. */
const MAX_DEPTH = 20;
const HEADER_LINE = /^[!-9;-~]+:/;

/** Whether the bytes look like a message: header fields from the first line, then a blank line (or the end). */
export function looksLikeMessage(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  const lines = head.split(/\r?\n/);
  // Some programs save the mbox "From " line before the headers.
  const from = /^From /.test(lines[0] ?? '') ? 1 : 0;
  let fields = 0;
  for (const line of lines.slice(from)) {
    if (line === '') return fields > 0;
    if (HEADER_LINE.test(line)) fields++;
    else if (!/^[ \t]/.test(line) || fields === 0) return false;
  }
  return fields > 0 && head.length === bytes.length;
}

export function parseMessage(bytes: Uint8Array): MimePart {
  return parsePart(latin1(bytes), 0);
}

/** A part's text, by its charset; UTF-8 or undeclared text that is not UTF-8 is read as Windows-1252. */
export function partText(part: MimePart): string {
  const charset = (part.params.charset ?? '').toLowerCase();
  // Mail programs label Windows-1252 text "utf-8" or "us-ascii" often enough that both are checked.
  if (charset === '' || charset === 'utf-8' || charset === 'utf8' || charset === 'us-ascii') return decodeText(part.body).text;
  return decodeCharset(part.body, charset);
}

/** All the parts with no parts of their own, in order. */
export function leafParts(part: MimePart): MimePart[] {
  return part.parts.length ? part.parts.flatMap(leafParts) : [part];
}

/** The raw bytes as a string, one character a byte, so offsets and binary bodies survive splitting. */
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

function parsePart(raw: string, depth: number): MimePart {
  // A part with no headers starts with its blank line.
  const split = /(?:^|\r?\n)\r?\n/.exec(raw);
  const headerText = split ? raw.slice(0, split.index) : raw;
  const bodyText = split ? raw.slice(split.index + split[0].length) : '';
  const headers = parseHeaders(headerText.replace(/^From [^\n]*\n/, ''));
  const [type, params] = headerValue(headers.get('content-type') ?? '');
  const [disposition, dispositionParams] = headerValue(headers.get('content-disposition') ?? '');
  const body = decodeTransfer(bodyText, (headers.get('content-transfer-encoding') ?? '').trim().toLowerCase());
  const part: MimePart = { type: type.toLowerCase() || 'text/plain', params, headers, body, parts: [] };
  if (disposition) part.disposition = disposition.toLowerCase();
  const filename = dispositionParams.filename ?? params.name;
  if (filename) part.filename = decodeWords(filename);
  if (depth >= MAX_DEPTH) return part;
  if (part.type.startsWith('multipart/') && params.boundary) part.parts = splitMultipart(latin1(body), params.boundary).map((p) => parsePart(p, depth + 1));
  else if (part.type === 'message/rfc822') part.parts = [parsePart(latin1(body), depth + 1)];
  return part;
}

/** Header fields, names lower-cased, folded lines unfolded; the first of a repeated field wins. */
function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const field of text.split(/\r?\n(?![ \t])/)) {
    const colon = field.indexOf(':');
    if (colon <= 0) continue;
    const name = field.slice(0, colon).trim().toLowerCase();
    // Raw 8-bit header text (RFC 6532) is UTF-8; encoded words (RFC 2047) say their charset.
    const value = decodeWords(decodeText(Buffer.from(field.slice(colon + 1).replace(/\r?\n[ \t]+/g, ' ').trim(), 'latin1')).text);
    if (!headers.has(name)) headers.set(name, value);
  }
  return headers;
}

/** `text/plain; charset="utf-8"; format=flowed` as its value and parameters; RFC 2231 `name*=` and `name*0=` joined. */
function headerValue(value: string): [string, Record<string, string>] {
  const [first = '', ...rest] = value.match(/(?:[^;"]|"(?:[^"\\]|\\.)*")+/g) ?? [];
  const params: Record<string, string> = {};
  const pieces = new Map<string, { n: number; text: string; encoded: boolean }[]>();
  for (const p of rest) {
    const m = /^\s*([^=*\s]+)(?:\*(\d+))?(\*)?\s*=\s*(.*?)\s*$/.exec(p);
    if (!m) continue;
    const text = m[4]!.startsWith('"') ? m[4]!.slice(1, -1).replace(/\\(.)/g, '$1') : m[4]!;
    const list = pieces.get(m[1]!.toLowerCase()) ?? [];
    list.push({ n: Number(m[2] ?? 0), text, encoded: m[3] !== undefined });
    pieces.set(m[1]!.toLowerCase(), list);
  }
  for (const [name, list] of pieces) {
    list.sort((a, b) => a.n - b.n);
    const encoded = list[0]!.encoded ? /^([^']*)'[^']*'/.exec(list[0]!.text) : null;
    if (!encoded) {
      params[name] = list.map((l) => l.text).join('');
      continue;
    }
    // charset'language'percent-encoded bytes
    const bytes = list.map((l, i) => (i === 0 ? l.text.slice(encoded[0].length) : l.text)).join('').replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    params[name] = decodeCharset(Buffer.from(bytes, 'latin1'), encoded[1] || 'utf-8');
  }
  return [first.trim(), params];
}

/** RFC 2047 encoded words (=?utf-8?Q?…?= and =?utf-8?B?…?=) in a header value, as text. */
export function decodeWords(value: string): string {
  return value.replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, '$1').replace(/=\?([^?*]+)(?:\*[^?]*)?\?([QqBb])\?([^?]*)\?=/g, (_, charset: string, enc: string, text: string) => {
    const bytes = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : Buffer.from(qpBytes(text.replace(/_/g, ' ')), 'latin1');
    return decodeCharset(bytes, charset);
  });
}

function decodeTransfer(body: string, encoding: string): Uint8Array {
  if (encoding === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') return Buffer.from(qpBytes(body), 'latin1');
  return Buffer.from(body, 'latin1');
}

/**
 * Quoted-printable to bytes (one character a byte): soft line breaks (`=` at a line's end) removed, `=HH`
 * as its byte, trailing white space (added in transit) dropped. Decoded to text only afterwards, so a soft
 * break between the bytes of one UTF-8 character joins them again.
 */
function qpBytes(text: string): string {
  return text
    .replace(/[ \t]+(?=\r?\n)/g, '')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** The parts between `--boundary` lines, up to `--boundary--`; the preamble and epilogue are not parts. */
function splitMultipart(body: string, boundary: string): string[] {
  const escaped = boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const delimiter = new RegExp(`(?:^|\\r?\\n)--${escaped}(--)?[ \\t]*(?:\\r?\\n|$)`, 'g');
  const parts: string[] = [];
  let start: number | undefined;
  for (let m = delimiter.exec(body); m; m = delimiter.exec(body)) {
    if (start !== undefined) parts.push(body.slice(start, m.index));
    if (m[1]) return parts;
    start = m.index + m[0].length;
    // The line break ending one delimiter may begin the next part's headers-less body: step back onto it.
    if (m[0].endsWith('\n')) delimiter.lastIndex = start - 1 - (m[0].endsWith('\r\n') ? 1 : 0);
  }
  // A message cut short before its closing delimiter still has the parts it got to.
  if (start !== undefined) parts.push(body.slice(start));
  return parts;
}
