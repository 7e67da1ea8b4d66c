/**
 * A town council's PDF whose numbered sections hold lettered paragraphs, cited as 4(b), with roman items
 * such as 3(b)(ii): a cover page with a version history table, a contents page with leader dots, and a
 * running header and footer (lettered-paragraphs.ts; layout described in round 13's new-councils README,
 * this document written here). Imported as a council would, then asked.
 */
import { createWriteStream, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { importDocument, type ImportedDocument } from '../../src/importer/import-document';
import { splitLetteredParagraphs } from '../../src/importer/lettered-paragraphs';
import { parseProtocol } from '../../src/protocol/content-loader';
import { loadCore } from '../../src/protocol-core';

const SECTIONS: [string, (string | [string, string[]])[]][] = [
  ['Introduction', [
    'This protocol sets out how councillors and the staff of Wexcombe Town Council work together, and what each of them can expect of the other.',
    'It applies to every councillor, including co-opted councillors, and to all staff, including seasonal and temporary staff.',
  ]],
  ['Roles', [
    'Councillors set the policy of the Council and take its decisions collectively, at properly convened meetings.',
    'The Town Clerk is the Proper Officer and head of staff. Staff take instructions only from the Town Clerk or from the Council and its committees.',
    'The Deputy Town Clerk is the Responsible Financial Officer and keeps the Council’s accounts.',
  ]],
  ['Working Together', [
    'Councillors and staff treat one another with courtesy and respect at all times, in meetings and outside them.',
    ['Councillors should not:', ['ask staff to carry out any work for a political party;', 'criticise staff in public or on social media;', 'contact staff at home outside working hours, except in an emergency.']],
    'Staff give impartial advice to all councillors, whatever their party, and keep their own political views to themselves.',
  ]],
  ['Concerns', [
    'A councillor with a concern about a member of staff should raise it with the Town Clerk.',
    'A concern about the Town Clerk goes to the Chair of the Staffing Committee.',
    'A member of staff with a concern about a councillor raises it with the Town Clerk, who may refer it to the Town Mayor.',
  ]],
];

async function writeLetteredPdf(file: string): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 90, bottom: 90, left: 70, right: 70 }, autoFirstPage: false });
  const out = createWriteStream(file);
  doc.pipe(out);
  let page = 0;
  doc.on('pageAdded', () => {
    page++;
    if (page === 1) return;
    const { x, y } = doc;
    doc.font('Helvetica').fontSize(8).text('Wexcombe Town Council', 70, 50, { lineBreak: false });
    doc.text('Councillors and Staff Protocol', 400, 50, { lineBreak: false });
    doc.text('Version 2.1 – March 2025', 70, 790, { lineBreak: false });
    doc.text(`Page ${page} of 4`, 460, 790, { lineBreak: false });
    doc.fontSize(10.5);
    [doc.x, doc.y] = [x, y];
  });
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(18).text('Wexcombe Town Council', { align: 'center' }).moveDown();
  doc.fontSize(14).text('Councillors and Staff Protocol', { align: 'center' }).moveDown();
  doc.font('Helvetica').fontSize(10.5).text('Adopted by the Town Council on 4 March 2025 (minute 25/031)', { align: 'center' }).moveDown(2);
  for (const [v, d, s] of [['Version', 'Date', 'Summary of changes'], ['1.0', 'May 2019', 'First adopted'], ['2.0', 'June 2022', 'New section on social media'], ['2.1', 'March 2025', 'Changes to 3(b) and 4(c)']]) {
    const y = doc.y;
    doc.text(v!, 90, y, { lineBreak: false });
    doc.text(d!, 160, y, { lineBreak: false });
    doc.text(s!, 260, y);
  }
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(12).text('Contents', 70, 100).moveDown();
  doc.font('Helvetica').fontSize(10.5);
  SECTIONS.forEach(([heading], n) => doc.text(`${n + 1}  ${heading} ${'.'.repeat(110 - heading.length)} ${n < 3 ? 3 : 4}`, 70, doc.y, { lineBreak: false }).moveDown());
  doc.addPage();
  SECTIONS.forEach(([heading, paragraphs], n) => {
    if (n === 3) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(12).text(`${n + 1}   ${heading}`, 70).moveDown(0.5);
    doc.font('Helvetica').fontSize(10.5);
    paragraphs.forEach((p, k) => {
      const y = doc.y;
      doc.text(`(${String.fromCharCode(97 + k)})`, 70, y, { lineBreak: false });
      doc.text(typeof p === 'string' ? p : p[0], 100, y, { width: 420, align: 'justify' });
      if (typeof p !== 'string') {
        p[1].forEach((item, r) => {
          const at = doc.y;
          doc.text(`(${['i', 'ii', 'iii'][r]})`, 110, at, { lineBreak: false });
          doc.text(item, 140, at, { width: 380 });
        });
      }
      doc.moveDown(0.5);
    });
  });
  doc.end();
  return new Promise((resolve) => out.on('finish', () => resolve()));
}

let dir: string;
let imported: ImportedDocument;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lettered-'));
  await writeLetteredPdf(join(dir, 'protocol.pdf'));
  imported = await importDocument(join(dir, 'protocol.pdf'), { id: 'wexcombe-town', name: 'Wexcombe Town Council' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('each lettered paragraph is a clause of its own, 4(b), under its section; roman items stay its items', () => {
  const { clauses } = imported.content;
  expect(clauses.map((c) => c.id)).toEqual(['1', '1(a)', '1(b)', '2', '2(a)', '2(b)', '2(c)', '3', '3(a)', '3(b)', '3(c)', '4', '4(a)', '4(b)', '4(c)']);
  expect(clauses.filter((c) => /^\d$/.test(c.id)).map((c) => c.heading)).toEqual(SECTIONS.map(([h]) => h));
  const b3 = clauses.find((c) => c.id === '3(b)')!;
  expect(b3.text).toBe('Councillors should not:');
  expect(b3.items.map((i) => [i.label, i.text])).toEqual([
    ['i', 'ask staff to carry out any work for a political party;'],
    ['ii', 'criticise staff in public or on social media;'],
    ['iii', 'contact staff at home outside working hours, except in an emergency.'],
  ]);
  expect(clauses.find((c) => c.id === '2(b)')!.text).toBe(SECTIONS[1]![1][1]);
  expect(() => parseProtocol(imported.yaml, 'wexcombe-town.yaml')).not.toThrow();
});

test('the version history and the contents are not clauses, and no page furniture is left in the text', () => {
  const all = JSON.stringify(imported.content.clauses);
  expect(all).not.toMatch(/First adopted|June 2022|\.{6}|Page \d|Version 2\.1/);
  expect(imported.notes.join('\n')).toMatch(/lettered paragraphs of 4 section/);
});

test('escalation cites the lettered paragraphs that send the matter on', () => {
  const route = imported.content.escalation.councillor.steps.map((s) => `${s.to} @${s.clause}`);
  expect(route).toEqual(['The Town Clerk @4(a)', 'The Chair of the Staffing Committee @4(b)']);
});

test('answered and looked up by the document’s own numbers: 3(b), 3(b)(ii), section 3', () => {
  const content = join(dir, 'content');
  mkdirSync(join(content, 'councils'), { recursive: true });
  writeFileSync(join(content, 'councils', 'wexcombe-town.yaml'), imported.yaml);
  const core = loadCore(content, 'wexcombe-town', { hints: false, knowledgeDir: 'content' });
  const ask = (text: string) => core.ask({ council: 'wexcombe-town', role: 'councillor', text });
  expect(ask('what does 3(b) say').clauses.map((c) => c.id)).toEqual(['3(b)']);
  expect(ask('3(b)(ii)').clauses.map((c) => c.id)).toEqual(['3(b)(ii)']);
  const section = ask('section 3');
  expect(section.clauses.map((c) => c.id)).toEqual(['3']);
  expect(section.related.map((c) => c.id)).toEqual(['3(a)', '3(b)', '3(c)']);
  expect(ask('4(d)').kind).toBe('unknown-clause');
  const party = ask('can a councillor get staff to do work for his party');
  expect(party.confident).toBe(true);
  expect(party.clauses[0]!.id).toBe('3(b)');
});

test('sections holding a lead-in and a short list, or dotted clauses, are left as they are', () => {
  const clause = (id: string, text: string, items: string[] = []) => ({ id, text, tail: '', items: items.map((t, k) => ({ label: String.fromCharCode(97 + k), text: t })) });
  const list = [clause('1', 'The Clerk will:', ['take minutes;', 'keep accounts.']), clause('2', '', ['agendas;', 'minutes;']), clause('3', 'Text.')];
  expect(splitLetteredParagraphs(list).count).toBe(0);
  const dotted = [clause('1', ''), clause('1.1', 'Councillors and staff treat one another with courtesy and respect.'), clause('2', '', SECTIONS[1]![1] as string[]), clause('3', '', SECTIONS[0]![1] as string[])];
  expect(splitLetteredParagraphs(dotted).count).toBe(0);
});
