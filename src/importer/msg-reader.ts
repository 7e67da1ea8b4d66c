/**
 * Reads a protocol a clerk dragged out of Outlook as a .msg, the way an .eml is read: a protocol document
 * attached to it (or to a message attached to it) is read as that document; otherwise the message's text
 * is, without the quoted messages, covering note, signature and disclaimers around the protocol. The text
 * is the plain-text body, else the HTML body, else the Rich Text body Outlook keeps compressed.
 */
import { CfbError, CompoundFile } from './cfb';
import type { DocumentText } from './document-text';
import { documentName, emailLabel, htmlBody, joinBodies, protocolFromBody, readAttachedProtocol, type AttachmentReader, type BodyText } from './email-attachments';
import { IMPORT_MESSAGES as M, ImportError } from './import-error';
import { CompressedRtfError, decompressRtf } from './msg-compressed-rtf';
import { isMessageStorage, readMessage, type MsgAttachment, type MsgMessage } from './msg-message';
import { splitLines } from './noise';
import { readRtf } from './rtf-reader';

export async function readMsg(bytes: Uint8Array, readAttachment: AttachmentReader): Promise<DocumentText> {
  const message = openMessage(bytes);
  const attached = attachmentsOf(message);
  const documents = attached.flatMap((a) => {
    const name = documentName(a.filename, a.mimeType ?? '');
    return name && a.data ? [{ name, bytes: a.data }] : [];
  });
  const email = emailLabel(message.subject);
  if (documents.length) return readAttachedProtocol(documents, email, readAttachment);
  return protocolFromBody(bodyOf(message), attached.map((a) => a.filename ?? a.mimeType ?? 'an unnamed attachment'), email);
}

function openMessage(bytes: Uint8Array): MsgMessage {
  try {
    const file = new CompoundFile(bytes);
    if (!isMessageStorage(file)) throw new ImportError(M.notMsg());
    return readMessage(file);
  } catch (err) {
    if (err instanceof CfbError) throw new ImportError(err.reason === 'not-cfb' ? M.notMsg() : M.damagedMsg(), { cause: err });
    throw err;
  }
}

/** The message's attached files, and those of the messages attached to it (whose text is read as the message's). */
function attachmentsOf(message: MsgMessage): MsgAttachment[] {
  return message.attachments.flatMap((a) => (a.message ? attachmentsOf(a.message) : [a]));
}

/** The message's text, then the text of each message attached to it, as an .eml's attached messages are read. */
function bodyOf(message: MsgMessage): BodyText | undefined {
  return joinBodies([ownBody(message), ...message.attachments.map((a) => a.message && bodyOf(a.message))].filter((b): b is BodyText => b !== undefined));
}

function ownBody(message: MsgMessage): BodyText | undefined {
  if (message.text?.trim()) return { lines: splitLines(message.text), from: 'plain', notes: [] };
  if (message.html?.trim()) return htmlBody(message.html);
  return message.compressedRtf && rtfBody(message.compressedRtf);
}

/** The Rich Text body; one Outlook wrote around an HTML message (`\fromhtml1`) is read as Rich Text all the same, and noted. */
function rtfBody(compressed: Uint8Array): BodyText {
  let rtf: Uint8Array;
  let doc: DocumentText;
  try {
    rtf = decompressRtf(compressed);
    doc = readRtf(rtf);
  } catch (err) {
    if (err instanceof CompressedRtfError || err instanceof ImportError) throw new ImportError(M.damagedMsg(), { cause: err });
    throw err;
  }
  const wrapsHtml = /\\fromhtml1/.test(Buffer.from(rtf.subarray(0, 1024)).toString('latin1'));
  const notes = wrapsHtml ? ['The message keeps its HTML text only inside its Rich Text, which was read instead; check lists and tables came out right.'] : [];
  return { lines: doc.lines, from: 'rtf', notes: [...notes, ...doc.notes] };
}
