/**
 * A PDF laid out the way word processors export them: justified text flowed across pages, clause numbers
 * set apart from their text, sections printed "2.0", a centred page number, a signature block.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { importDocument, type ImportedDocument } from '../../src/importer/import-document';
import { parseProtocol } from '../../src/protocol/content-loader';

const SECTIONS = ['INTRODUCTION', 'ROLES', 'EXPECTATIONS', 'INFORMATION', 'POLITICAL GROUPS', 'THE MEDIA', 'SOCIAL CONTACT', 'CONCERNS AND COMPLAINTS'];
const FILLER =
  'Members and officers should treat each other with respect and courtesy at all times, and should avoid any conduct that could undermine the working relationship or the reputation of the Council. ';
const SPECIAL: Record<string, string> = {
  '8.2': 'A Member who is concerned about the conduct of an officer should raise it with the relevant Head of Service and, if it is not resolved, with the Chief Executive.',
  '8.3': 'An officer who feels that a Member has treated them unfairly should tell their line manager, who will refer the matter to the Monitoring Officer where necessary.',
};

async function writeFlowedPdf(file: string): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 90, bottom: 90, left: 80, right: 80 } });
  const out = createWriteStream(file);
  doc.pipe(out);
  let page = 1;
  const furniture = () => {
    const { x, y } = doc;
    doc.fontSize(8).text('Borchester Borough Council – Constitution', 80, 50, { lineBreak: false });
    doc.text(String(page++), 295, 790, { lineBreak: false });
    doc.fontSize(10.5);
    [doc.x, doc.y] = [x, y];
  };
  furniture();
  doc.on('pageAdded', furniture);
  doc.fontSize(16).text('MEMBER/OFFICER PROTOCOL', { align: 'center' }).moveDown();
  SECTIONS.forEach((heading, n) => {
    doc.fontSize(12).text(`${n + 1}.0 ${heading}`, 80).moveDown(0.5);
    for (let c = 1; c <= 4; c++) {
      const y = doc.y;
      doc.fontSize(10.5).text(`${n + 1}.${c}`, 80, y, { lineBreak: false });
      doc.text(SPECIAL[`${n + 1}.${c}`] ?? FILLER.repeat((c % 2) + 1), 120, y, { width: 395, align: 'justify' }).moveDown(0.5);
      if (n === 2 && c === 2) {
        for (const label of ['a', 'b', 'c']) {
          const at = doc.y;
          doc.text(`(${label})`, 120, at, { lineBreak: false });
          doc.text(`members will ${FILLER.slice(0, 80 + label.charCodeAt(0))};`, 150, at, { width: 365, align: 'justify' });
        }
        doc.moveDown(0.5);
      }
    }
  });
  doc.moveDown().text('Signed ........................................ Leader of the Council', 80);
  doc.text('Date ..........................................', 80);
  doc.end();
  return new Promise((resolve) => out.on('finish', () => resolve()));
}

let dir: string;
let imported: ImportedDocument;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-flow-'));
  await writeFlowedPdf(join(dir, 'protocol.pdf'));
  imported = await importDocument(join(dir, 'protocol.pdf'), { id: 'borchester', name: 'Borchester Borough Council' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('every printed number, "2.0" read as section 2 with its heading', () => {
  const { clauses } = imported.content;
  expect(clauses.map((c) => c.id)).toEqual(SECTIONS.flatMap((_, n) => [String(n + 1), ...[1, 2, 3, 4].map((c) => `${n + 1}.${c}`)]));
  expect(clauses.filter((c) => !c.id.includes('.')).map((c) => c.heading)).toEqual([
    'Introduction', 'Roles', 'Expectations', 'Information', 'Political Groups', 'The Media', 'Social Contact', 'Concerns and Complaints',
  ]);
  expect(() => parseProtocol(imported.yaml, 'borchester.yaml')).not.toThrow();
});

test('flowed and justified text joined back into verbatim paragraphs and items, without page furniture or signatures', () => {
  const byId = new Map(imported.content.clauses.map((c) => [c.id, c]));
  expect(byId.get('1.2')!.text).toBe(FILLER.repeat(1).trim());
  expect(byId.get('1.1')!.text).toBe(FILLER.repeat(2).trim());
  expect(byId.get('3.2')!.items.map((i) => i.label)).toEqual(['a', 'b', 'c']);
  expect(byId.get('3.2')!.items[0]!.text).toBe(`members will ${FILLER.slice(0, 80 + 97)};`);
  const all = JSON.stringify(imported.content.clauses);
  expect(all).not.toMatch(/Borchester|Signed|\.{6}|Leader of the Council/);
});

test('escalation from the complaints section', () => {
  const route = (role: 'councillor' | 'officer') => imported.content.escalation[role].steps.map((s) => `${s.to} @${s.clause}`);
  expect(route('councillor')).toEqual(['The relevant Head of Service @8.2', 'The Chief Executive @8.2']);
  expect(route('officer')).toEqual(['Their line manager @8.3', 'The Monitoring Officer @8.3']);
});
