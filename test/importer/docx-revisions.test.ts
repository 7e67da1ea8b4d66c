/**
 * A Word protocol sent out with its reviewers' tracked changes still in it: the text as it stands with every
 * change accepted (insertions kept, deletions and text moved away dropped) and comments left out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { importDocument } from '../../src/importer/import-document';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const ins = (text: string) => `<w:ins w:id="1" w:author="Deputy Clerk" w:date="2026-03-02T10:00:00Z">${run(text)}</w:ins>`;
const del = (text: string) => `<w:del w:id="2" w:author="Deputy Clerk" w:date="2026-03-02T10:00:00Z"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
const moveFrom = (text: string) => `<w:moveFromRangeStart w:id="5" w:name="move1"/><w:moveFrom w:id="3" w:author="Chair"><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="5"/>`;
const moveTo = (text: string) => `<w:moveToRangeStart w:id="6" w:name="move1"/><w:moveTo w:id="4" w:author="Chair">${run(text)}</w:moveTo><w:moveToRangeEnd w:id="6"/>`;
const comment = (text: string) => `<w:commentRangeStart w:id="9"/>${run(text)}<w:commentRangeEnd w:id="9"/><w:r><w:commentReference w:id="9"/></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;

const DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>
${p(run('Member and Officer Protocol'))}
${p(run('1. Introduction'))}
${p(run('1.1 This protocol applies to all '), del('twelve '), ins('thirteen '), run('councillors and to the Clerk.'))}
${p(run('1.2 The Clerk '), moveFrom('usually '), run('answers requests '), moveTo('usually '), run('within five working days.'))}
${p(run('2. Concerns'))}
${p(run('2.1 A councillor with a concern about the Clerk '), comment('raises it with the Chair'), run('.'))}
</w:body></w:document>`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'docx-revisions-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('tracked changes read as accepted: insertions kept, deletions and moved-away text dropped; comments left out', async () => {
  const file = join(dir, 'protocol.docx');
  const comments = `<w:comments ${W}><w:comment w:id="9" w:author="Cllr Abbott"><w:p>${run('Should this be the Vice-Chair?')}</w:p></w:comment></w:comments>`;
  writeFileSync(file, zipSync({ 'word/document.xml': strToU8(DOCUMENT), 'word/comments.xml': strToU8(comments) }));
  const { content } = await importDocument(file, { id: 'revised', name: 'Revised Parish Council' });
  const text = new Map(content.clauses.map((c) => [c.id, c.text]));
  expect([...text.keys()]).toEqual(['1', '1.1', '1.2', '2', '2.1']);
  expect(text.get('1.1')).toBe('This protocol applies to all thirteen councillors and to the Clerk.');
  expect(text.get('1.2')).toBe('The Clerk answers requests usually within five working days.');
  expect(text.get('2.1')).toBe('A councillor with a concern about the Clerk raises it with the Chair.');
});
