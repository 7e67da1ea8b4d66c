/**
 * What a saved email (.eml or Outlook .msg) gives the importer, whichever format it came in: the attached
 * document most likely the protocol, read through its own reader, with a note naming it and any other
 * attachments left out; otherwise the protocol in the message's text, or one sentence saying there is none.
 */
import { extname } from 'node:path';
import type { DocumentText } from './document-text';
import { protocolFromEmailText } from './email-text';
import { htmlToMarkdownLines } from './html-reader';
import { IMPORT_MESSAGES as M, ImportError } from './import-error';
import { classifyLine } from './line-patterns';
import { markdownToLines } from './markdown-text';
import { IMPORTABLE_EXTENSIONS } from './source-file';

/** Reads an attached document by its file name and bytes, through the reader for its format. */
export type AttachmentReader = (name: string, bytes: Uint8Array) => Promise<DocumentText>;

/** An attached file: the name it is read by and its bytes. */
export interface AttachedDocument {
  name: string;
  bytes: Uint8Array;
}

/** A message's text, and which of its versions it was read from. */
export interface BodyText {
  lines: string[];
  from: 'plain' | 'html' | 'rtf';
  notes: string[];
}

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

/** The file name to read an attachment by, if it is a document the importer reads; undefined for an image or the like. */
export function documentName(filename: string | undefined, type: string): string | undefined {
  const name = filename?.replace(/[/\\]/g, '_');
  const ext = extname(name ?? '').toLowerCase();
  // Outlook turns a message's closing text into ATT00001.txt / .htm: not a document.
  if (name && /^ATT\d+\.(?:txt|html?)$/i.test(name)) return undefined;
  if (name && IMPORTABLE_EXTENSIONS.has(ext)) return name;
  const typed = DOCUMENT_TYPES[type.toLowerCase()];
  if (!typed) return undefined;
  return `${name ?? 'attachment'}${typed}`;
}

/** How notes name the email: by its subject when it has one. */
export const emailLabel = (subject: string | undefined) => (subject ? `the email "${subject}"` : 'the email');

/** The attachment most likely the protocol, read, with notes on it and on the attachments left out. */
export async function readAttachedProtocol(documents: readonly AttachedDocument[], email: string, readAttachment: AttachmentReader): Promise<DocumentText> {
  const [chosen, ...others] = rank(documents);
  const doc = await readAttachment(chosen!.name, chosen!.bytes);
  const notes = [`Read the protocol from the attachment "${chosen!.name}" of ${email}; the email's own text was left out.`];
  if (others.length) notes.push(`Left out the email's other attachment(s): ${others.map((d) => `"${d.name}"`).join(', ')}; check the protocol is "${chosen!.name}".`);
  return { ...doc, notes: [...notes, ...doc.notes] };
}

/** The attachment most likely the protocol first: one named as it, then a document over a text, then the largest. */
function rank(documents: readonly AttachedDocument[]): AttachedDocument[] {
  const score = (d: AttachedDocument) => (/protocol/i.test(d.name) ? 2 : 0) + (DOCUMENT_FILES.has(extname(d.name).toLowerCase()) ? 1 : 0);
  return [...documents].sort((a, b) => score(b) - score(a) || b.bytes.length - a.bytes.length);
}

/** An HTML body as the importer's lines, with the notes the conversion makes. */
export function htmlBody(html: string): BodyText {
  const markdown = markdownToLines(htmlToMarkdownLines(html).lines);
  return { lines: markdown.lines, from: 'html', notes: markdown.notes };
}

/** Several texts of one email (its own, then each attached message's) as one, a blank line between them. */
export function joinBodies(texts: readonly BodyText[]): BodyText | undefined {
  if (texts.length <= 1) return texts[0];
  const from = texts.every((t) => t.from === texts[0]!.from) ? texts[0]!.from : 'plain';
  return { lines: texts.flatMap((t, i) => (i ? ['', ...t.lines] : t.lines)), from, notes: texts.flatMap((t) => t.notes) };
}

const READ_FROM: Record<BodyText['from'], (email: string) => string> = {
  plain: (email) => `Read the protocol from the text of ${email}.`,
  html: (email) => `Read the protocol from the HTML text of ${email}, which has no plain-text version.`,
  rtf: (email) => `Read the protocol from the Rich Text of ${email}, which has no plain-text or HTML version.`,
};

/**
 * The protocol in a message's text, when no attachment is a document: `attached` names the other
 * attachments (an image, a spreadsheet), for the refusal when the text is only a covering note.
 */
export function protocolFromBody(text: BodyText | undefined, attached: readonly string[], email: string): DocumentText {
  const names = attached.slice(0, 3).join(', ');
  if (!text || text.lines.every((l) => l.trim() === '')) {
    throw new ImportError(attached.length ? M.noDocumentInEmail(names) : M.emptyEmail());
  }
  const found = protocolFromEmailText(text.lines);
  // An email whose text is only a covering note, with a photo or spreadsheet attached, holds no protocol to read.
  if (attached.length && !found.lines.some((l) => classifyLine(l.trim()).kind === 'number')) throw new ImportError(M.noDocumentInEmail(names));
  return { lines: found.lines, notes: [READ_FROM[text.from](email), ...text.notes, ...found.notes], unwrapped: false, format: 'text' };
}
