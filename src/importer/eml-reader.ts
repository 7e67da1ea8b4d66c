/**
 * Reads a protocol a clerk forwarded by email and saved as .eml. A protocol document attached to it (PDF,
 * Word, OpenDocument, Rich Text, a web page or text) is read as that document; otherwise the message's
 * text is: its plain-text part (its HTML part where it has none), without the quoted and forwarded
 * messages, covering note, signature and disclaimers around the protocol. Headers are never read as text.
 */
import type { DocumentText } from './document-text';
import { documentName, emailLabel, htmlBody, joinBodies, protocolFromBody, readAttachedProtocol, type AttachmentReader, type BodyText } from './email-attachments';
import { leafParts, parseMessage, partText, type MimePart } from './mime-message';
import { splitLines } from './noise';

export async function readEml(bytes: Uint8Array, readAttachment: AttachmentReader): Promise<DocumentText> {
  const message = parseMessage(bytes);
  const attached = leafParts(message).filter(isAttachment);
  const documents = attached.flatMap((part) => {
    const name = documentName(part.filename, part.type);
    return name ? [{ name, bytes: part.body }] : [];
  });
  const email = emailLabel(message.headers.get('subject'));
  if (documents.length) return readAttachedProtocol(documents, email, readAttachment);
  return protocolFromBody(bodyOf(message), attached.map((p) => p.filename ?? p.type), email);
}

/** A part that is an attached file rather than the message's text (an attached message's text is read). */
function isAttachment(part: MimePart): boolean {
  if (part.type === 'message/rfc822' || part.type.startsWith('multipart/')) return false;
  if (part.disposition === 'attachment' || part.filename !== undefined) return true;
  return part.type !== 'text/plain' && part.type !== 'text/html';
}

/** The message's text: a multipart's text parts in order, the plain version of alternatives, an attached message's text. */
function bodyOf(part: MimePart): BodyText | undefined {
  if (part.type === 'multipart/alternative') {
    const versions = part.parts.map(bodyOf).filter((b): b is BodyText => b !== undefined);
    return versions.find((b) => b.from === 'plain') ?? versions[0];
  }
  if (part.parts.length) {
    // An .eml's texts are plain or HTML: joined, they are HTML only when every one is.
    return joinBodies(part.parts.filter((p) => !isAttachment(p)).map(bodyOf).filter((b): b is BodyText => b !== undefined));
  }
  if (isAttachment(part)) return undefined;
  if (part.type === 'text/html') return htmlBody(partText(part));
  const lines = splitLines(partText(part));
  return { lines: part.params.format?.toLowerCase() === 'flowed' ? unflow(lines, part.params.delsp?.toLowerCase() === 'yes') : lines, from: 'plain', notes: [] };
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
