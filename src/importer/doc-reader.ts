/**
 * Reads a Word 97-2003 protocol (.doc): the main text through the piece table, paragraphs numbered from
 * Word's list tables (PlfLst/PlfLfo) as the same document saved as .docx would be, and tables as the .docx
 * reader reads them. Headers and footers, footnotes, endnotes, comments, text boxes, pictures, deleted
 * (tracked) and hidden text, and field codes (their results are kept) are left out; what has text is noted.
 */
import { blockLines } from './block-lines';
import { CfbError, CompoundFile } from './cfb';
import { Bytes, DocDamageError } from './doc-bytes';
import { CharacterPropertyTable } from './doc-character-props';
import { readFib, wordVersion, type Fib } from './doc-fib';
import { readDocLists } from './doc-lists';
import { readStory, type DocLayout } from './doc-story';
import { ParagraphPropertyTable } from './doc-paragraph-props';
import { PieceTable } from './doc-pieces';
import { DocStyles } from './doc-styles';
import type { DocumentText } from './document-text';
import { IMPORT_MESSAGES as M, ImportError } from './import-error';

export function readDoc(bytes: Uint8Array): DocumentText {
  try {
    return read(bytes);
  } catch (err) {
    if (err instanceof CfbError) throw new ImportError(err.reason === 'not-cfb' ? M.notDoc() : M.damagedDoc(), { cause: err });
    if (err instanceof DocDamageError) throw new ImportError(M.damagedDoc(), { cause: err });
    throw err;
  }
}

function read(bytes: Uint8Array): DocumentText {
  const file = new CompoundFile(bytes);
  const wordStream = file.stream('WordDocument');
  if (!wordStream) throw new ImportError(otherCompoundFile(file));
  const word = new Bytes(wordStream);
  const version = wordVersion(word);
  if (version !== '97-2003') throw new ImportError(version === 'before-97' ? M.oldWord() : M.notDoc());
  const fib = readFib(word);
  if (fib.encrypted) throw new ImportError(M.encryptedWord());
  const tableStream = file.stream(fib.tableStream);
  if (!tableStream) throw new DocDamageError(`no ${fib.tableStream} stream`);
  const table = new Bytes(tableStream);
  const pieces = new PieceTable(word, table, fib.pieceTable);
  const layout: DocLayout = {
    pieces,
    props: new ParagraphPropertyTable(word, table, fib.paragraphBins, new DocStyles(table, fib.stylesheet)),
    chars: new CharacterPropertyTable(word, table, fib.characterBins),
  };
  const main = readStory(pieces.text(0, fib.ccp.text), 0, layout, readDocLists(table, fib.lists, fib.listOverrides));
  const { lines, notes } = blockLines(main.blocks);
  if (main.pictures) notes.push(`Left out ${main.pictures} picture(s), drawing(s) or embedded object(s); check none of them held protocol text.`);
  if (main.numbered) notes.push(`Numbered ${main.numbered} list paragraph(s) from the document's list definitions, as a Word 97-2003 file does not store the numbers it shows; check the clause numbers.`);
  return { lines, notes: [...notes, ...otherStoryNotes(fib, layout)], unwrapped: true, format: 'Word' };
}

/** Why a compound file without a WordDocument stream is refused: a spreadsheet, an encrypted .docx, or another program's file. */
function otherCompoundFile(file: CompoundFile): string {
  if (file.stream('Workbook') || file.stream('Book')) return M.spreadsheet();
  // Word stores a password-protected .docx as a compound file holding the encrypted package.
  if (file.stream('EncryptedPackage')) return M.encryptedWord();
  return M.notDoc();
}


/** The stories after the main text, in the order Word stores them, each noted with its text when it has any. */
function otherStoryNotes(fib: Fib, layout: DocLayout): string[] {
  const stories: [keyof Fib['ccp'], string][] = [
    ['footnotes', 'footnote text'],
    ['headers', 'page headers and footers'],
    ['comments', 'comments'],
    ['endnotes', 'endnote text'],
    ['textBoxes', 'text boxes'],
    ['headerTextBoxes', 'text boxes in the headers and footers'],
  ];
  const notes: string[] = [];
  let cp = fib.ccp.text;
  for (const [story, what] of stories) {
    const length = fib.ccp[story];
    const text = length ? storyLines(layout, cp, cp + length) : [];
    cp += length;
    if (text.length) notes.push(`Left out the ${what} (${text.length} line(s)): "${text.join(' / ').slice(0, 160)}". Check none of it is protocol text.`);
  }
  return notes;
}

/** A story's lines with text, tables' cells among them; none when the story cannot be read. */
function storyLines(layout: DocLayout, from: number, to: number): string[] {
  try {
    const blocks = readStory(layout.pieces.text(from, to), from, layout).blocks;
    return blocks.flatMap((b) => (typeof b === 'string' ? [b] : b.flatMap((row) => row.cells.flat()))).filter(Boolean);
  } catch (err) {
    if (err instanceof DocDamageError) return [];
    throw err;
  }
}
