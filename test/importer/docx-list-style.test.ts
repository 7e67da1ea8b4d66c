/**
 * A Word document numbered through a list style ("Define New List Style"): the paragraphs' list has no levels of
 * its own, only w:numStyleLink to the style, and the list that defines the style (w:styleLink) holds the levels.
 * Built by hand as Word writes it; no number is typed in the text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { importDocument } from '../../src/importer/import-document';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string, style?: string, level?: number, numId = '2') =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${level === undefined ? '' : `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const lvl = (ilvl: number, fmt: string, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;

function listStyleDocx(linked: boolean): Uint8Array {
  const body = [
    para('Protocol on Relations between Members and Staff', 'Title'),
    para('Introduction', 'Heading1', 0),
    para('This protocol sets out how members and staff of the Board work together.', 'Clause', 1),
    para('It applies to every member, elected or appointed, and to all staff.', 'Clause', 1),
    para('Working together', 'Heading1', 0),
    para('Members and staff treat each other with courtesy and respect at all times.', 'Clause', 1),
    para('Members should not ask staff to:', 'Clause', 1),
    para('work on private matters;', 'Item', 2),
    para('act outside their working hours without notice.', 'Item', 2),
    para('A member with a concern about a member of staff raises it with the head of staff.', 'Clause', 1),
  ].join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
  const levels = lvl(0, 'decimal', '%1.') + lvl(1, 'decimal', '%1.%2') + lvl(2, 'lowerLetter', '(%3)');
  const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}>
    <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/><w:styleLink w:val="BoardList"/>${levels}</w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>${linked ? '<w:numStyleLink w:val="BoardList"/>' : ''}</w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  </w:numbering>`;
  const style = (id: string, name: string, type = 'paragraph', pPr = '') => `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/>${pPr}</w:style>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>${[
    style('Title', 'Title'),
    style('Heading1', 'heading 1'),
    style('Clause', 'Board Clause'),
    style('Item', 'Board Clause Item'),
    style('BoardList', 'BoardList', 'numbering', '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'),
  ].join('')}</w:styles>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(document),
    'word/numbering.xml': strToU8(numbering),
    'word/styles.xml': strToU8(styles),
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'docx-list-style-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importBytes(bytes: Uint8Array) {
  const file = join(dir, `protocol-${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, bytes);
  return importDocument(file, { id: 'wetherby-idb', name: 'Wetherby Internal Drainage Board' });
}

it('numbers paragraphs whose list takes its levels from a list style, as Word shows them', async () => {
  const { content } = await importBytes(listStyleDocx(true));
  expect(content.clauses.map((c) => c.id)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2', '2.3']);
  const asked = content.clauses.find((c) => c.id === '2.2')!;
  expect(asked.text).toBe('Members should not ask staff to:');
  expect(asked.items.map((i) => i.text)).toEqual(['work on private matters;', 'act outside their working hours without notice.']);
  expect(content.clauses.find((c) => c.id === '2.3')!.text).toMatch(/^A member with a concern/);
});

it('still refuses a document whose list has neither levels nor a list style: nothing shows a number', async () => {
  await expect(importBytes(listStyleDocx(false))).rejects.toThrow(/no numbered paragraphs/);
});
