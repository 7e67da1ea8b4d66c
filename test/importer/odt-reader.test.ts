/**
 * Protocols saved from LibreOffice Writer (.odt): one numbered with a multilevel list (sections 1., clauses
 * 1.1, items (a)), one with outline-numbered headings over typed clause numbers, a tracked deletion, a
 * comment, a footnote and a table. Both documents are written here, as Writer stores them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { importDocument } from '../../src/importer/import-document';

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ');

const odt = (content: string, styles = '') =>
  zipSync({
    mimetype: strToU8('application/vnd.oasis.opendocument.text'),
    'content.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.3">${content}</office:document-content>`),
    'styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS} office:version="1.3"><office:styles>${styles}</office:styles></office:document-styles>`),
  });

const p = (text: string) => `<text:p text:style-name="Text_20_body">${text}</text:p>`;
const item = (text: string, nested = '') => `<text:list-item>${p(text)}${nested}</text:list-item>`;

/** One multilevel list for the whole protocol: 1. sections, 1.1 clauses, (a) items. */
const LIST_STYLE = `<office:automatic-styles><text:list-style style:name="L1">
<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
<text:list-level-style-number text:level="2" style:num-suffix="" style:num-format="1" text:display-levels="2"/>
<text:list-level-style-number text:level="3" style:num-prefix="(" style:num-suffix=")" style:num-format="a"/>
</text:list-style></office:automatic-styles>`;

const LISTED = `${LIST_STYLE}<office:body><office:text>
<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
${p('Marsden Vale Parish Council')}
${p('Protocol on Councillor and Clerk Relations')}
<text:list xml:id="list1" text:style-name="L1">
${item('Introduction', `<text:list>${item('This protocol describes how councillors and the Clerk work together.')}${item('It sits beside the Code of Conduct.')}</text:list>`)}
${item('Requests to the Clerk', `<text:list>${item('Councillors may ask the Clerk:', `<text:list>${item('for information the Council holds;')}${item('to add an item to an agenda.')}</text:list>`)}${item('The Clerk answers within five working days.')}</text:list>`)}
</text:list>
${p('The Clerk<text:s text:c="2"/>is the Proper Officer.')}
<text:list text:style-name="L1" text:continue-numbering="true">
${item('Concerns', `<text:list>${item('A councillor with a concern about the Clerk raises it with the Chairman.')}</text:list>`)}
</text:list>
</office:text></office:body>`;

/** Outline numbering on headings (1, 2 …), clause numbers typed in the paragraphs. */
const OUTLINE_STYLE = `<text:outline-style style:name="Outline">
<text:outline-level-style text:level="1" style:num-suffix="." style:num-format="1"/>
<text:outline-level-style text:level="2" style:num-format=""/>
</text:outline-style>`;

const OUTLINED = `<office:body><office:text>
<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>Deputy Clerk</dc:creator></office:change-info>${p('twelve ')}</text:deletion></text:changed-region></text:tracked-changes>
${p('Protocol for Members and Officers')}
<text:h text:style-name="Heading_20_1" text:outline-level="1">Purpose</text:h>
${p('1.1 This protocol applies to all <text:change text:change-id="ct1"/>councillors of the Town Council.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>' + p('As amended in 2026.') + '</text:note-body></text:note>')}
${p('1.2 Officers serve the Council as a whole.<office:annotation><dc:creator>Cllr Bryce</dc:creator>' + p('Check wording') + '</office:annotation>')}
<text:h text:style-name="Heading_20_1" text:outline-level="1"><text:number>2.</text:number>Contacts</text:h>
${p('2.1 Councillors contact officers through the Town Clerk.')}
<table:table table:name="Table1"><table:table-column/><table:table-row><table:table-cell>${p('Town Clerk')}</table:table-cell><table:table-cell>${p('01234 567890')}</table:table-cell></table:table-row><table:table-row><table:table-cell>${p('Deputy Clerk')}</table:table-cell><table:table-cell>${p('01234 567891')}</table:table-cell></table:table-row></table:table>
</office:text></office:body>`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'odt-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importOdt(bytes: Uint8Array) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.odt`);
  writeFileSync(file, bytes);
  return importDocument(file, { id: 'marsden-vale', name: 'Marsden Vale Parish Council' });
}

test("a Writer list numbers the protocol as Writer shows it: sections, clauses, items, and a list continued after a paragraph", async () => {
  const { content } = await importOdt(odt(LISTED));
  expect(content.clauses.map((c) => c.id)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2', '3', '3.1']);
  const byId = new Map(content.clauses.map((c) => [c.id, c]));
  expect(byId.get('2')!.heading).toBe('Requests to the Clerk');
  expect(byId.get('2.1')!.items.map((i) => `${i.label} ${i.text}`)).toEqual(['a for information the Council holds;', 'b to add an item to an agenda.']);
  expect(byId.get('3.1')!.text).toBe('A councillor with a concern about the Clerk raises it with the Chairman.');
});

test('outline-numbered headings over typed clauses; deletions, comments, footnotes and a contacts table left out', async () => {
  const { content, notes } = await importOdt(odt(OUTLINED, OUTLINE_STYLE));
  expect(content.clauses.map((c) => [c.id, c.heading ?? c.text])).toEqual([
    ['1', 'Purpose'],
    ['1.1', 'This protocol applies to all councillors of the Town Council.'],
    ['1.2', 'Officers serve the Council as a whole.'],
    ['2', 'Contacts'],
    ['2.1', 'Councillors contact officers through the Town Clerk.'],
  ]);
  expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/table of 2 rows/)]));
});

test('a file named .odt that is not one is refused in one sentence', async () => {
  await expect(importOdt(strToU8('not a zip'))).rejects.toThrow(/named \.odt but is not an OpenDocument text/);
});
