/**
 * Word 97-2003 protocols (.doc), written by LibreOffice from the Rich Text sources in fixtures/doc/source
 * (see its README) together with a .docx twin of each: the .doc must read as its twin does. Edits of those
 * files stand for what Word writes differently (Windows-1252 text pieces, numbering on styles) and for damage.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocLists } from '../../src/importer/doc-lists';
import { readDoc } from '../../src/importer/doc-reader';
import { DocStyles } from '../../src/importer/doc-styles';
import { Bytes } from '../../src/importer/doc-bytes';
import { readDocx } from '../../src/importer/docx-reader';
import { ImportError, importDocument } from '../../src/importer/import-document';
import { sourceOf } from '../../src/importer/source-file';
import { writeCompoundFile } from '../builders/compound-file-writer';
import { asWord95, compressText, editDoc, encrypt, numberByStyles, stylesheet } from '../builders/doc-edits';
import { writeListTables } from '../builders/doc-list-table-writer';

const FIXTURES = join(__dirname, 'fixtures/doc');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const PROTOCOL = fixture('protocol.doc');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'doc-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function importBytes(bytes: Uint8Array, name = 'protocol.doc') {
  const file = join(dir, `${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(file, bytes);
  return importDocument(file, { id: 'anytown', name: 'Anytown Parish Council' });
}

const PROTOCOL_LINES = [
  'ANYTOWN PARISH COUNCIL',
  'Member/Officer Relations Protocol',
  '1. Introduction',
  '1.1 This protocol guides the relationship between councillors and the Council\u2019s officers.',
  '1.2 It sits beside the Code of Conduct and the Council\u2019s standing orders.',
  '2. Roles',
  '2.1 Councillors set policy; officers carry it out and advise.',
  '2.2 Officers will:',
  '(a) give impartial advice;',
  '(b) act promptly \u2013 and keep councillors informed.',
  '3. Concerns',
  '3.1 A councillor who is unhappy with an officer should raise it with the Clerk.',
  '3.2 Councillors contact officers:',
  '\u2022 through the Clerk;',
  '\u2022 in working hours.',
  '3.3 Gifts worth over \u00a350 are declared to the Clerk within 28 days, as the \u201cCode\u201d says.',
  'Document control',
];

describe('a protocol LibreOffice saved as Word 97-2003', () => {
  test('reads the paragraphs with the numbers Word shows: 1., 1.1, (a), bullets; the field result, not its code', () => {
    const { lines, format, unwrapped } = readDoc(PROTOCOL);
    expect(lines.filter((l) => l !== '')).toEqual(PROTOCOL_LINES);
    expect([format, unwrapped]).toEqual(['Word', true]);
  });

  test('header, footer, footnote and the document-control table are left out, each noted with its text', () => {
    const { lines, notes } = readDoc(PROTOCOL);
    for (const text of ['Page', 'Full Council', 'HYPERLINK', 'Finance Committee', 'Version']) expect(lines.join('\n')).not.toContain(text);
    expect(notes).toEqual([
      'Left out a table of 2 rows starting "Version | Date | Author"; check it holds no protocol text.',
      "Numbered 14 list paragraph(s) from the document's list definitions, as a Word 97-2003 file does not store the numbers it shows; check the clause numbers.",
      'Left out the footnote text (1 line(s)): "As adopted by Full Council on 4 March 2025.". Check none of it is protocol text.',
      'Left out the page headers and footers (2 line(s)): "Anytown Parish Council \u2013 Member/Officer Protocol / Page 1". Check none of it is protocol text.',
    ]);
  });

  test.each(['protocol', 'headings', 'layout-table'])('%s.doc reads line for line as its .docx twin', (name) => {
    expect(readDoc(fixture(`${name}.doc`)).lines).toEqual(readDocx(fixture(`${name}.docx`)).lines);
  });

  test('imports with the clause ids, headings and text of its .docx twin', async () => {
    const doc = await importBytes(PROTOCOL);
    const docx = await importBytes(fixture('protocol.docx'), 'protocol.docx');
    const clauses = (c: typeof doc) => c.content.clauses.map((x) => [x.id, x.heading ?? undefined, x.text, x.items.map((i) => i.text)]);
    expect(clauses(doc)).toEqual(clauses(docx));
    expect(doc.content.clauses.map((c) => c.id)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2', '3', '3.1', '3.2', '3.3']);
    expect(doc.content.title).toBe('Member/Officer Relations Protocol');
  });

  test('numbered headings on styles (Heading 1 as "1.", Heading 2 as "1.1") and lower-roman items', () => {
    expect(readDoc(fixture('headings.doc')).lines).toEqual([
      'Little Marsh Parish Council',
      'Member/Officer Relations Protocol',
      '1. Purpose',
      '1.1 This protocol sets out how councillors and the Clerk work together.',
      '1.2 It applies to every meeting of the council and its committees.',
      '2. Raising concerns',
      '2.1 A councillor with a concern about the Clerk should raise it with the Chair.',
      '2.2 The Chair will:',
      '(i) listen to both sides;',
      '(ii) decide within 14 days.',
      '2.3 If unresolved, the matter goes to the Staffing Committee.',
    ]);
  });

  test('a protocol laid out in a table, the number in the left cell, is read row by row as the .docx reader reads it', () => {
    const { lines, notes } = readDoc(fixture('layout-table.doc'));
    expect(lines.slice(2, 9)).toEqual([
      '1 Introduction',
      '1.1 This protocol explains how councillors and officers of the council work with each other.',
      '1.2 It should be read alongside the Code of Conduct adopted by the council in 2024.',
      'It is reviewed every year.',
      '2 Concerns',
      '2.1 A councillor who is unhappy with an officer should raise it with the Town Clerk first.',
      '2.2 An officer who is concerned about a councillor should tell the Town Clerk in writing.',
    ]);
    expect(notes[0]).toMatch(/^Read a table of 6 rows as the protocol's own layout/);
  });
});

describe('what Word writes differently', () => {
  test('a tracked deletion and hidden text are left out; a tracked insertion is kept', () => {
    expect(readDoc(fixture('revisions.doc')).lines.filter((l) => l !== '')).toEqual([
      'Westwick Parish Council',
      'Member/Officer Protocol',
      '1. Scope',
      '1.1 This protocol covers staff and volunteers of the council.',
      '1.2 It was agreed by the council.',
      '2. Contact',
      '2.1 Councillors contact staff through the Clerk.',
      '2.2 Officers reply within five working days.',
    ]);
  });

  test('list overrides restart a level where they say, past an override that restates a level\'s format', () => {
    const { table, plfLst, plfLfo } = writeListTables(
      [
        { lsid: 77, levels: [{ text: '%1.' }, { text: '%1.%2' }, { nfc: 4, text: '(%3)' }] },
        { lsid: 88, levels: [{ nfc: 2, start: 3, text: '%1)' }] },
      ],
      [{ lsid: 77 }, { lsid: 77, starts: [{ level: 0, start: 5 }, { level: 1, start: 1, formatted: true }] }, { lsid: 88, starts: [{ level: 0, start: 10 }] }],
    );
    const numbering = readDocLists(new Bytes(table), plfLst, plfLfo)!;
    const labels = [['1', 0], ['1', 1], ['1', 2], ['1', 2], ['2', 0], ['2', 1], ['1', 1], ['3', 0], ['3', 0], ['9', 0]].map(([ilfo, ilvl]) => numbering.next(String(ilfo), Number(ilvl)));
    expect(labels).toEqual(['1.', '1.1', '(a)', '(b)', '5.', '5.1', '5.2', 'x)', 'xi)', undefined]);
  });

  test('text stored as Windows-1252 bytes, in a piece of its own before a UTF-16 piece, reads the same', () => {
    const mixed = editDoc(PROTOCOL, compressText((text) => text.indexOf('\r', text.indexOf('Roles')) + 1));
    expect(readDoc(mixed).lines.filter((l) => l !== '')).toEqual(PROTOCOL_LINES);
    const compressed = editDoc(PROTOCOL, compressText((text) => text.length));
    expect(readDoc(compressed).lines.filter((l) => l !== '')).toEqual(PROTOCOL_LINES);
  });

  test('numbering carried by the paragraph styles, a style taking its list from the style it is based on', () => {
    const byStyles = editDoc(
      fixture('headings.doc'),
      numberByStyles([
        { istd: 0, name: 'Normal' },
        { istd: 1, name: 'Heading 1', base: 0, ilfo: 1, ilvl: 0 },
        { istd: 2, name: 'Heading 2', base: 0, ilfo: 1, ilvl: 1 },
        { istd: 23, name: 'Clause Item', base: 2, ilvl: 2 },
      ]),
    );
    expect(readDoc(byStyles).lines).toEqual(readDoc(fixture('headings.doc')).lines);
    const unnumbered = editDoc(fixture('headings.doc'), numberByStyles([{ istd: 0, name: 'Normal' }]));
    expect(readDoc(unnumbered).lines).toContain('Purpose');
  });

  test('a style\'s numbering is inherited through its base styles, its own level kept', () => {
    const styles = stylesheet([
      { istd: 0, name: 'Normal' },
      { istd: 1, name: 'Heading 1', base: 0, ilfo: 3, ilvl: 0 },
      { istd: 5, name: 'Sub', base: 1, ilvl: 2 },
      { istd: 6, name: 'Loop', base: 6 },
    ]);
    const read = new DocStyles(new Bytes(styles), { fc: 0, lcb: styles.length });
    expect([read.numbering(1), read.numbering(5), read.numbering(0), read.numbering(6), read.numbering(40)]).toEqual([
      { ilfo: 3, ilvl: 0 },
      { ilfo: 3, ilvl: 2 },
      {},
      {},
      {},
    ]);
  });
});

describe('what the importer makes of a file named .doc', () => {
  test('Word\'s binary format, Rich Text, a .docx, a web page or text saved under the name are read as what they are', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(sourceOf('protocol.doc', PROTOCOL).format).toBe('doc');
    expect(sourceOf('protocol.doc', text('{\\rtf1\\ansi hello\\par}')).format).toBe('rtf');
    expect(sourceOf('protocol.doc', fixture('protocol.docx')).format).toBe('docx');
    expect(sourceOf('protocol.doc', text('<html><body><p>1. Introduction</p></body></html>')).format).toBe('html');
    expect(sourceOf('protocol.doc', text('1. Introduction\r\n')).format).toBe('text');
  });

  test('a .doc renamed .docx is read as the .doc it is', async () => {
    const { content } = await importBytes(PROTOCOL, 'protocol.docx');
    expect(content.clauses.map((c) => c.id)).toContain('3.3');
  });

  test('the importer accepts the .doc from disk', async () => {
    const file = join(dir, 'copy.doc');
    copyFileSync(join(FIXTURES, 'protocol.doc'), file);
    await expect(importDocument(file, { id: 'anytown', name: 'Anytown Parish Council' })).resolves.toBeDefined();
  });
});

describe('bad input: one sentence for the clerk, never a crash or a hang', () => {
  const refusal = (bytes: Uint8Array) => {
    try {
      readDoc(bytes);
      return undefined;
    } catch (err) {
      if (err instanceof ImportError) return err.message;
      throw err;
    }
  };

  test('an encrypted .doc', () => {
    expect(refusal(editDoc(PROTOCOL, encrypt))).toMatch(/^this Word file is password-protected: save an unprotected copy/);
  });

  test('a Word 95 .doc', () => {
    expect(refusal(editDoc(PROTOCOL, asWord95))).toMatch(/^this is a Word 6 or Word 95 \.doc file/);
  });

  test('a compound file that is not a Word document: a spreadsheet, a password-protected .docx, anything else', () => {
    const bytes = new Uint8Array(100);
    expect(refusal(writeCompoundFile({ Workbook: bytes }))).toMatch(/is a spreadsheet/);
    expect(refusal(writeCompoundFile({ EncryptedPackage: bytes, EncryptionInfo: bytes }))).toMatch(/password-protected/);
    expect(refusal(writeCompoundFile({ Contents: bytes }))).toMatch(/^this file is named \.doc but is not a Word document/);
    expect(refusal(writeCompoundFile({ WordDocument: bytes }))).toMatch(/^this file is named \.doc but is not a Word document/);
  });

  test('a FAT chain looping back on itself', () => {
    const looped = writeCompoundFile({ WordDocument: new Uint8Array(8192) }, { fat: (fat, { streams: [word] }) => (fat[word! + 4] = word! + 1) });
    expect(refusal(looped)).toMatch(/^this Word \.doc file is damaged or cut short/);
  });

  test('a piece table pointing past the end of the text', () => {
    const broken = editDoc(PROTOCOL, ({ table, fib }) => new DataView(table.buffer).setUint32(fib.pieceTable.fc + 5 + 8 + 2, 0x00ffff00, true));
    expect(refusal(broken)).toMatch(/^this Word \.doc file is damaged or cut short/);
  });

  test('cut short anywhere, the file is refused as damaged', () => {
    for (let end = 0; end < PROTOCOL.length; end += 97) {
      expect([end, refusal(PROTOCOL.subarray(0, end))]).toEqual([end, expect.stringMatching(/^this (Word \.doc file is damaged|file is named \.doc but is not)/)]);
    }
  });

  test('random bytes in the streams are read or refused in one sentence', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let run = 0; run < 150; run++) {
      const damaged = editDoc(PROTOCOL, ({ word, table }) => {
        const target = run % 2 ? word : table;
        for (let i = 0; i < 20; i++) target[Math.floor(next() * target.length)] = Math.floor(next() * 256);
      });
      const outcome = refusal(damaged);
      if (outcome !== undefined) expect(outcome).toMatch(/^this /);
    }
  });

  test('an empty document reads as no text and is refused for having no numbered paragraphs', async () => {
    expect(readDoc(fixture('empty.doc')).lines.every((l) => l === '')).toBe(true);
    await expect(importBytes(fixture('empty.doc'))).rejects.toThrow(ImportError);
  });
});
