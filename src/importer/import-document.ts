/**
 * The importer's entry point: any protocol file (PDF, Word .docx or .doc, Rich Text .rtf, OpenDocument .odt, a saved
 * web page, text or Markdown, or an email saved as .eml or Outlook .msg holding or attaching one) to a content file.
 *
 *   const { content, yaml, notes } = await importDocument('protocol.pdf', { id: 'anytown', name: 'Anytown Town Council' });
 *
 * `content` is the parsed content file, `yaml` its text with the reviewer's header, `notes` what the
 * importer noticed (lines removed, blocks left out, guesses). Throws ImportError, whose message is one
 * sentence for the clerk, for a file it cannot import (scanned or encrypted PDF, damaged or empty
 * file, over the size limit, no numbered paragraphs, not a protocol). Nothing is read from the network.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ContentFile } from '../protocol/content-schema';
import { toContentYaml } from './content-writer';
import type { DocumentText } from './document-text';
import { readDoc } from './doc-reader';
import { readDocx } from './docx-reader';
import { readEml } from './eml-reader';
import { readMsg } from './msg-reader';
import { readOdt } from './odt-reader';
import { readPdf } from './pdf-reader';
import { importLines } from './plain-text-importer';
import { readRtf } from './rtf-reader';
import { readSourceFile, sourceOf, type SourceFile } from './source-file';
import { decodeText } from './text-decoding';
import { htmlToMarkdownLines } from './html-reader';
import { markdownToLines } from './markdown-text';
import { splitLines } from './noise';

export { ImportError, MAX_IMPORT_BYTES } from './import-error';

export interface ImportDocumentOptions {
  /** The council id: lower-case letters, digits and hyphens; the content file is <id>.yaml. */
  id: string;
  /** The council's name as people say it. */
  name: string;
  /** The document's title; taken from its opening lines when absent. */
  title?: string;
}

export interface ImportedDocument {
  content: ContentFile;
  yaml: string;
  notes: string[];
}

export async function importDocument(path: string, options: ImportDocumentOptions): Promise<ImportedDocument> {
  const doc = await readDocument(path);
  const { content, notes } = importLines(doc, { ...options, source: basename(path) });
  return { content, yaml: toContentYaml(content, notes), notes };
}

/** The document's lines, by format. */
export async function readDocument(path: string): Promise<DocumentText> {
  return readSource(await readSourceFile(path), path);
}

/** A file's lines by its format; `name` is its path, or the name of a document attached to an email (then not on disk). */
async function readSource(source: SourceFile, name: string, onDisk = true): Promise<DocumentText> {
  switch (source.format) {
    case 'pdf':
      return onDisk ? readPdf(name) : readPdfBytes(source.bytes);
    case 'docx':
      return readDocx(source.bytes);
    case 'doc':
      return readDoc(source.bytes);
    case 'odt':
      return readOdt(source.bytes);
    case 'rtf':
      return readRtf(source.bytes);
    case 'eml':
      return readEml(source.bytes, readAttached);
    case 'msg':
      return readMsg(source.bytes, readAttached);
    case 'html': {
      const { text, encoding } = decodeText(source.bytes);
      const page = htmlToMarkdownLines(text);
      const markdown = markdownToLines(page.lines);
      return { lines: markdown.lines, notes: [...encodingNotes('page', encoding), ...page.notes, ...markdown.notes], unwrapped: false, format: 'text' };
    }
    case 'text': {
      const { text, encoding } = decodeText(source.bytes);
      const notes = encodingNotes('text', encoding);
      if (!/\.(md|markdown)$/i.test(name)) return { lines: splitLines(text), notes, unwrapped: false, format: 'text' };
      const markdown = markdownToLines(splitLines(text));
      return { lines: markdown.lines, notes: [...notes, ...markdown.notes], unwrapped: false, format: 'text' };
    }
  }
}

/** A document attached to an email, read by its file name and bytes. */
function readAttached(name: string, bytes: Uint8Array): Promise<DocumentText> {
  return readSource(sourceOf(name, bytes), name, false);
}

/** The PDF reader reads from a file (in a child process): an attached PDF is written to a temporary one first. */
async function readPdfBytes(bytes: Uint8Array): Promise<DocumentText> {
  const dir = await mkdtemp(join(tmpdir(), 'protocol-attachment-'));
  try {
    const file = join(dir, 'attachment.pdf');
    await writeFile(file, bytes);
    return await readPdf(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A note for the reviewer when the file was not UTF-8: the encoding it was read as. */
function encodingNotes(what: 'text' | 'page', encoding: string): string[] {
  return encoding === 'UTF-8' ? [] : [`Read the ${what} as ${encoding}; check quotes and dashes came out right.`];
}
