/**
 * Reads a protocol a clerk forwarded by email and saved as .eml. A protocol document attached to it (PDF,
 * Word, OpenDocument, Rich Text, a web page or text) is read as that document; otherwise the message's
 * text is: its plain-text part (its HTML part where it has none), without the quoted and forwarded
 * messages, covering note, signature and disclaimers around the protocol. Headers are never read as text.
 */
import { extname } from 'node:path';
import type { DocumentText } from './document-text';
import { protocolFromEmailText } from './email-text';
import { htmlToMarkdownLines } from './html-reader';
import { IMPORT_MESSAGES as M, ImportError } from './import-error';
import { classifyLine } from './line-patterns';
import { markdownToLines } from './markdown-text';
import { leafParts, parseMessage, partText, type MimePart } from './mime-message';
import { splitLines } from './noise';
import { IMPORTABLE_EXTENSIONS } from './source-file';

/** Reads an attached document by its file name and bytes, through the reader for its format. */
export type AttachmentReader = (name: string, bytes: Uint8Array) => Promise<DocumentText>;

/** Media types of the documents a protocol comes as, by the file ending the importer knows them by. */
const DOCUMENT_TYPES: Record<string, string> = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.oasis.opendocument.text': '.odt',
  'application/rtf': '.rtf',
  'application/x-rtf': '.rtf',
  'text/rtf': '.rtf',
  'application/msword': '.doc',
  'text/html': '.html',
  'text/plain': '.txt',
  'text/markdown': '.md',
};
/** Formats that hold a whole document, preferred to an attached text or web page. */
const DOCUMENT_FILES = new Set(['.pdf', '.docx', '.odt', '.rtf', '.doc']);

interface Attachment {
  name: string;
  part: MimePart;
}

export async function readEml(bytes: Uint8Array, readAttachment: AttachmentReader): Promise<DocumentText> {
  const message = parseMessage(bytes);
  const attached = leafParts(message).filter(isAttachment);
  const documents = attached.flatMap((part) => {
    const name = documentName(part);
    return name ? [{ name, part }] : [];
  });
  const subject = message.headers.get('subject');
  const email = subject ? `the email "${subject}"` : 'the email';
  if (documents.length) {
    const [chosen, ...others] = rank(documents);
    const doc = await readAttachment(chosen!.name, chosen!.part.body);
    const notes = [`Read the protocol from the attachment "${chosen!.name}" of ${email}; the email's own text was left out.`];
    if (others.length) notes.push(`Left out the email's other attachment(s): ${others.map((d) => `"${d.name}"`).join(', ')}; check the protocol is "${chosen!.name}".`);
    return { ...doc, notes: [...notes, ...doc.notes] };
  }
  const text = bodyOf(message);
  const names = attached.map((p) => p.filename ?? p.type).slice(0, 3).join(', ');
  if (!text || text.lines.every((l) => l.trim() === '')) {
    throw new ImportError(attached.length ? M.noDocumentInEmail(names) : M.emptyEmail());
  }
  const found = protocolFromEmailText(text.lines);
  // An email whose text is only a covering note, with a photo or spreadsheet attached, holds no protocol to read.
  if (attached.length && !found.lines.some((l) => classifyLine(l.trim()).kind === 'number')) throw new ImportError(M.noDocumentInEmail(names));
  const read = `Read the protocol from the ${text.html ? 'HTML ' : ''}text of ${email}${text.html ? ', which has no plain-text version' : ''}.`;
  return { lines: found.lines, notes: [read, ...text.notes, ...found.notes], unwrapped: false, format: 'text' };
}

/** A part that is an attached file rather than the message's text (an attached message's text is read). */
function isAttachment(part: MimePart): boolean {
  if (part.type === 'message/rfc822' || part.type.startsWith('multipart/')) return false;
  if (part.disposition === 'attachment' || part.filename !== undefined) return true;
  return part.type !== 'text/plain' && part.type !== 'text/html';
}

/** The file name to read an attachment by, if it is a document the importer reads; undefined for an image or the like. */
function documentName(part: MimePart): string | undefined {
  const filename = part.filename?.replace(/[/\\]/g, '_');
  const ext = extname(filename ?? '').toLowerCase();
  // Outlook turns a message's closing text into ATT00001.txt / .htm: not a document.
  if (filename && /^ATT\d+\.(?:txt|html?)$/i.test(filename)) return undefined;
  if (filename && IMPORTABLE_EXTENSIONS.has(ext)) return filename;
  const typed = DOCUMENT_TYPES[part.type];
  if (!typed) return undefined;
  return `${filename ?? 'attachment'}${typed}`;
}

/** The attachment most likely the protocol first: one named as it, then a document over a text, then the largest. */
function rank(documents: readonly Attachment[]): Attachment[] {
  const score = (d: Attachment) => (/protocol/i.test(d.name) ? 2 : 0) + (DOCUMENT_FILES.has(extname(d.name).toLowerCase()) ? 1 : 0);
  return [...documents].sort((a, b) => score(b) - score(a) || b.part.body.length - a.part.body.length);
}

interface BodyText {
  lines: string[];
  html: boolean;
  notes: string[];
}

/** The message's text: a multipart's text parts in order, the plain version of alternatives, an attached message's text. */
function bodyOf(part: MimePart): BodyText | undefined {
  if (part.type === 'multipart/alternative') {
    const versions = part.parts.map(bodyOf).filter((b): b is BodyText => b !== undefined);
    return versions.find((b) => !b.html) ?? versions[0];
  }
  if (part.parts.length) {
    const texts = part.parts.filter((p) => !isAttachment(p)).map(bodyOf).filter((b): b is BodyText => b !== undefined);
    if (!texts.length) return undefined;
    return { lines: texts.flatMap((t, i) => (i ? ['', ...t.lines] : t.lines)), html: texts.every((t) => t.html), notes: texts.flatMap((t) => t.notes) };
  }
  if (isAttachment(part)) return undefined;
  if (part.type === 'text/html') {
    const page = htmlToMarkdownLines(partText(part));
    const markdown = markdownToLines(page.lines);
    return { lines: markdown.lines, html: true, notes: markdown.notes };
  }
  const lines = splitLines(partText(part));
  return { lines: part.params.format?.toLowerCase() === 'flowed' ? unflow(lines, part.params.delsp?.toLowerCase() === 'yes') : lines, html: false, notes: [] };
}

/** format=flowed text (RFC 3676): a line ending in a space runs on into the next; a leading space was added in transit. */
function unflow(lines: readonly string[], delsp: boolean): string[] {
  const out: string[] = [];
  let carry = '';
  for (const raw of lines) {
    const line = raw.startsWith(' ') ? raw.slice(1) : raw;
    if (line.endsWith(' ') && line !== '-- ') {
      carry += delsp ? line.slice(0, -1) : line;
      continue;
    }
    out.push(carry + line);
    carry = '';
  }
  if (carry) out.push(carry);
  return out;
}
