/**
 * Why a file cannot be imported, in one sentence a clerk can act on: what is wrong and what to do.
 * The wording lives here, together, so every refusal reads the same way.
 */

/** The largest file the importer reads; a protocol is a few hundred KB even as a PDF with a crest. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export const IMPORT_MESSAGES = {
  tooLarge: (mb: string) =>
    `this file is ${mb} MB, over the 10 MB limit for a protocol: export just the member/officer protocol (not the whole constitution or an image scan) and import that.`,
  empty: () => 'this file is empty: export or download the protocol again and import the new copy.',
  unreadable: (reason: string) => `cannot read this file (${reason}): check the path and that you may open it.`,
  unsupportedType: (ext: string) =>
    `cannot import ${ext || 'files without an extension'}: save the protocol as PDF, Word (.docx or .doc), Rich Text (.rtf), OpenDocument (.odt), a web page (.html) or text (.txt or .md), or the email it came in as .eml or Outlook .msg, and import that.`,
  spreadsheet: () => 'this file is a spreadsheet, not a protocol: import the protocol document itself (PDF, Word or text).',
  oldWord: () => 'this is a Word 6 or Word 95 .doc file, older than the importer reads: open it in Word, save it as .docx, and import that.',
  notDoc: () => 'this file is named .doc but is not a Word document: save the protocol from Word as .docx (or .doc) and import that.',
  damagedDoc: () => 'this Word .doc file is damaged or cut short and cannot be read: save it again from Word (as .docx if you can) and import the new copy.',
  encryptedWord: () => 'this Word file is password-protected: save an unprotected copy from Word (as .docx if you can) and import that.',
  notPdf: () => 'this file is named .pdf but is not a PDF (it may be damaged or renamed): download or export the protocol as PDF again.',
  damagedPdf: () => 'this PDF is damaged and cannot be read: download it again, or export the protocol from Word.',
  encryptedPdf: () =>
    'this PDF is password-protected: save an unprotected copy (or export the protocol from Word) and import that.',
  noTextLayer: () => 'this PDF has no text layer (it is a scanned image): export the protocol from Word, or run it through OCR first.',
  notDocx: () => 'this file is named .docx but is not a Word document: save the protocol from Word as .docx and import that.',
  damagedDocx: () => 'this Word file is damaged and cannot be opened: save it again from Word and import the new copy.',
  notOdt: () => 'this file is named .odt but is not an OpenDocument text: save the protocol from LibreOffice Writer as .odt (or .docx) and import that.',
  damagedOdt: () => 'this OpenDocument file is damaged and cannot be opened: save it again from LibreOffice Writer and import the new copy.',
  notRtf: () => 'this file is named .rtf but is not a Rich Text file: save the protocol from Word as Rich Text (.rtf) or .docx and import that.',
  damagedRtf: () => 'this Rich Text file is damaged or cut short (its groups do not close): save it again from Word and import the new copy.',
  notEml: () =>
    'this file is named .eml but is not an email message: save the email from your mail program as .eml (or save the protocol attached to it) and import that.',
  notMsg: () =>
    'this file is named .msg but is not an Outlook message: drag the email from Outlook to a folder again (or save the protocol attached to it) and import that.',
  damagedMsg: () => 'this Outlook message is damaged or cut short and cannot be read: drag the email from Outlook to a folder again and import the new copy.',
  emptyEmail: () => 'this email has no message text and no document attached: save the email that holds or attaches the protocol, or import the protocol itself.',
  noDocumentInEmail: (attachments: string) =>
    `this email's text holds no protocol and its attachment (${attachments}) is not a document the importer reads: save the protocol as PDF, Word (.docx) or text and import that.`,
  binaryText: () => 'this file is named as text but holds binary data: save the protocol as plain text (.txt), PDF or Word and import that.',
  noNumbering: () =>
    'found no numbered paragraphs (such as 1., 1.1, 1) or (1)), so cannot tell the clauses apart: import the version of the protocol whose paragraphs are numbered.',
  notProtocol: (what: string) =>
    `this looks like ${what}, not a member/officer relations protocol: import the protocol document itself.`,
} as const;

/** A file the importer refuses; `message` is the one sentence for the clerk. */
export class ImportError extends Error {
  override name = 'ImportError';
}
