/** Reads a protocol file and decides what it is, by its extension confirmed by its first bytes. */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { isCompoundFile } from './cfb';
import { IMPORT_MESSAGES as M, ImportError, MAX_IMPORT_BYTES } from './import-error';
import { looksLikeMessage } from './mime-message';
import { looksBinary } from './text-decoding';

export type SourceFormat = 'pdf' | 'docx' | 'doc' | 'odt' | 'rtf' | 'eml' | 'msg' | 'text' | 'html';

export interface SourceFile {
  format: SourceFormat;
  bytes: Uint8Array;
}

const HTML_EXTENSIONS = new Set(['.html', '.htm']);
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.text', '.markdown', ...HTML_EXTENSIONS]);
/** Every file name ending the importer reads. */
export const IMPORTABLE_EXTENSIONS: ReadonlySet<string> = new Set(['.pdf', '.docx', '.doc', '.odt', '.rtf', '.eml', '.msg', ...TEXT_EXTENSIONS]);
const SPREADSHEET_EXTENSIONS = new Set(['.xlsx', '.xls', '.ods', '.csv', '.numbers']);

export async function readSourceFile(path: string): Promise<SourceFile> {
  const ext = extname(path).toLowerCase();
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    throw new ImportError(M.unreadable((err as NodeJS.ErrnoException).code ?? (err as Error).message));
  }
  if (size > MAX_IMPORT_BYTES) throw new ImportError(M.tooLarge((size / 1024 / 1024).toFixed(1)));
  refuseByName(ext);
  return sourceOf(path, new Uint8Array(await readFile(path)));
}

/** What a file's bytes are, by its name confirmed by the bytes: a file read from disk, or a document attached to an email. */
export function sourceOf(name: string, bytes: Uint8Array): SourceFile {
  const ext = extname(name).toLowerCase();
  refuseByName(ext);
  if (bytes.length === 0 || (TEXT_EXTENSIONS.has(ext) && new TextDecoder().decode(bytes).trim() === '')) {
    throw new ImportError(M.empty());
  }
  return { format: confirmFormat(ext, bytes), bytes };
}

function refuseByName(ext: string): void {
  if (SPREADSHEET_EXTENSIONS.has(ext)) throw new ImportError(M.spreadsheet());
  if (!IMPORTABLE_EXTENSIONS.has(ext)) throw new ImportError(M.unsupportedType(ext));
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  return [...ascii].every((ch, i) => bytes[i] === ch.charCodeAt(0));
}

/** The format the bytes show; a mismatch with the extension is refused with what the file really is. */
function confirmFormat(ext: string, bytes: Uint8Array): SourceFormat {
  // The PDF header may follow up to 1 KB of junk (readers accept it, so some generators write it).
  const isPdf = Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
  const isZip = startsWith(bytes, 'PK\u0003\u0004');
  const isOle = isCompoundFile(bytes);
  // Word writes `{\rtf1`; a byte order mark or blank line before it is tolerated, as readers do.
  const isRtf = /^(?:\uFEFF)?\s*\{\\rtf/.test(Buffer.from(bytes.subarray(0, 64)).toString('utf8'));
  if (ext === '.pdf') {
    if (!isPdf) throw new ImportError(M.notPdf());
    return 'pdf';
  }
  if (ext === '.docx') {
    // A .doc renamed .docx (or saved so by an old program) opens in Word, so it is read as the .doc it is.
    if (isOle) return 'doc';
    if (!isZip) throw new ImportError(M.notDocx());
    return 'docx';
  }
  if (ext === '.doc') return oldWordFormat(bytes, { isOle, isZip, isRtf });
  if (ext === '.odt') {
    if (!isZip) throw new ImportError(M.notOdt());
    return 'odt';
  }
  if (ext === '.rtf') {
    if (!isRtf) throw new ImportError(M.notRtf());
    return 'rtf';
  }
  if (ext === '.eml') {
    if (!looksLikeMessage(bytes)) throw new ImportError(M.notEml());
    return 'eml';
  }
  if (ext === '.msg') {
    if (!isOle) throw new ImportError(M.notMsg());
    return 'msg';
  }
  if (isPdf) return 'pdf';
  if (isZip) return 'docx';
  if (isOle) return 'doc';
  if (looksBinary(bytes)) throw new ImportError(M.binaryText());
  return HTML_EXTENSIONS.has(ext) ? 'html' : 'text';
}

/**
 * What a file named .doc holds. Word opens more than its binary format under that name, and so does the
 * importer: Rich Text, a .docx, or a web page or email (Word's "Web Page" and "Single File Web Page") saved
 * as .doc are read as what they are.
 */
function oldWordFormat(bytes: Uint8Array, is: { isOle: boolean; isZip: boolean; isRtf: boolean }): SourceFormat {
  if (is.isOle) return 'doc';
  if (is.isZip) return 'docx';
  if (is.isRtf) return 'rtf';
  if (looksBinary(bytes)) throw new ImportError(M.notDoc());
  const opening = Buffer.from(bytes.subarray(0, 1024)).toString('utf8');
  if (/^(?:\uFEFF)?\s*<(?:!doctype html|html)/i.test(opening)) return 'html';
  return looksLikeMessage(bytes) ? 'eml' : 'text';
}
