/**
 * A protocol published in a meeting's agenda pack: a committee report first (agenda item stamp, its own numbered
 * paragraphs), then the protocol as Appendix 1, each page carrying the appendix's label and footer and the pack's
 * page number (layout described in round 17's new-councils README; this document is written here, with its own text).
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { protocolInAppendix } from '../../src/importer/agenda-pack';
import { importDocument } from '../../src/importer/import-document';
import { importPlainText } from '../../src/importer/plain-text-importer';
import { wrapWords } from './pdf-wrap';

const REPORT: [string, string[]][] = [
  ['Purpose of the report', ['To ask the Authority to adopt the revised protocol on relations between its members and officers, set out at Appendix 1.']],
  ['Recommendation', ['That the Authority adopts the protocol at Appendix 1 with effect from 1 April 2026.']],
  ['Background', ['The protocol was last reviewed in 2019. The Standards Committee has considered the draft at two meetings.', 'Members of the working group met the Chief Executive to discuss how officers brief members before meetings.']],
  ['Financial implications', ['There are no financial implications arising from this report.']],
  ['Legal implications', ['The Monitoring Officer advises that adopting a protocol is a matter for the Authority.']],
];

const PROTOCOL: [string, string[]][] = [
  ['Introduction', ['This protocol sets out how the members and officers of Harrowdale National Park Authority work together.', 'It forms part of the Standing Orders and is read alongside the Code of Conduct for members.']],
  ['Roles', ['Members set the policies of the Authority and hold officers to account for carrying them out.', 'Officers advise members and carry out the Authority\u2019s decisions impartially.', 'A member who wants work done asks the Director responsible, not a junior officer.']],
  ['Mutual respect', ['Members and officers treat each other with courtesy and do not criticise one another in public or on social media.', 'A member with a concern about an officer raises it with the Chief Executive.']],
  ['Planning matters', ['Members do not press planning officers to reach a particular recommendation on an application.', 'A member approached by an applicant refers them to the case officer.']],
  ['Complaints', ['An officer with a concern about a member raises it with the Monitoring Officer, who may refer it to the Standards Committee.', 'The Chief Executive keeps a record of every concern raised under this protocol.']],
];

const MARGIN = 60;
const WIDTH = 470;

async function writeAgendaPack(file: string): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, bottom: 20, left: MARGIN, right: MARGIN }, autoFirstPage: false });
  const out = createWriteStream(file);
  doc.pipe(out);
  let packPage = 11;
  let y = 0;
  const page = (appendix: boolean) => {
    doc.addPage();
    packPage++;
    doc.font('Helvetica').fontSize(8);
    if (appendix) {
      doc.text('Appendix 1', MARGIN + WIDTH - 60, 30, { lineBreak: false });
      doc.text('Member and Officer Relations Protocol \u2013 draft for adoption', MARGIN, 780, { lineBreak: false });
    }
    doc.text(`Page ${packPage}`, MARGIN + WIDTH / 2 - 15, 800, { lineBreak: false });
    y = 70;
  };
  const para = (text: string, x: number, width: number, bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    for (const line of wrapWords(doc, text, width)) {
      if (y > 740) page(true);
      doc.text(line, x, y, { lineBreak: false });
      y += 13;
    }
    y += 5;
  };
  page(false);
  doc.font('Helvetica-Bold').fontSize(11).text('Agenda Item 7', MARGIN + WIDTH - 80, 50, { lineBreak: false });
  y = 80;
  para('Harrowdale National Park Authority', MARGIN, WIDTH, true);
  para('Report of the Monitoring Officer to the Authority meeting of 20 March 2026', MARGIN, WIDTH);
  para('Review of the Member and Officer Relations Protocol', MARGIN, WIDTH, true);
  REPORT.forEach(([heading, paragraphs], s) => {
    para(`${s + 1}. ${heading}`, MARGIN, WIDTH, true);
    paragraphs.forEach((p, k) => para(`${s + 1}.${k + 1} ${p}`, MARGIN, WIDTH));
  });
  page(true);
  para('Harrowdale National Park Authority', MARGIN, WIDTH, true);
  para('Protocol on Member and Officer Relations', MARGIN, WIDTH, true);
  PROTOCOL.forEach(([heading, paragraphs], s) => {
    para(`${s + 1}. ${heading}`, MARGIN, WIDTH, true);
    paragraphs.forEach((p, k) => {
      doc.font('Helvetica').fontSize(10).text(`${s + 1}.${k + 1}`, MARGIN, y, { lineBreak: false });
      para(p, MARGIN + 30, WIDTH - 30);
      // Long enough to run over three appendix pages.
      y += 60;
    });
  });
  doc.end();
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'agenda-pack-'));
});
afterAll(() => (process.env.KEEP ? undefined : rmSync(dir, { recursive: true, force: true })));

test('the protocol in Appendix 1 of a committee report is imported; the report is left out, with a note', async () => {
  const file = join(dir, 'pack.pdf');
  await writeAgendaPack(file);
  const { content, notes } = await importDocument(file, { id: 'harrowdale', name: 'Harrowdale National Park Authority' });
  expect(content.clauses.map((c) => c.id)).toEqual(PROTOCOL.flatMap(([, ps], s) => [String(s + 1), ...ps.map((_, k) => `${s + 1}.${k + 1}`)]));
  const byId = new Map(content.clauses.map((c) => [c.id, c]));
  PROTOCOL.forEach(([heading, paragraphs], s) => {
    expect(byId.get(String(s + 1))!.heading).toBe(heading);
    paragraphs.forEach((p, k) => expect(byId.get(`${s + 1}.${k + 1}`)!.text).toBe(p));
  });
  expect(JSON.stringify(content)).not.toMatch(/financial implications|Monitoring Officer advises|Appendix 1/i);
  expect(notes.join('\n')).toMatch(/Read the protocol from "Protocol on Member and Officer Relations" after a committee report/);
});

const PLAIN_PROTOCOL = ['Protocol on Member and Officer Relations', '', '1. Roles', '1.1 Members set policy and officers advise members.', '1.2 Officers carry out the decisions.'];

test('a plain protocol with an appendix of its own is read as before', () => {
  const lines = [...PLAIN_PROTOCOL, '', 'Appendix A \u2013 Protocol on gifts and hospitality', 'A.1 Gifts are recorded.'];
  expect(protocolInAppendix(lines)).toBeUndefined();
  const { content } = importPlainText(lines.join('\n'), { id: 'x', name: 'X Council', source: 'x.txt' });
  expect(content.clauses.map((c) => c.id)).toEqual(['1', '1.1', '1.2']);
});

test('a report with an appendix that is not a protocol is still refused as an agenda', () => {
  const lines = ['Agenda Item 4', 'Report of the Clerk', '1. Purpose of the report', '1.1 To note the accounts of members and officers.', 'Appendix 1', 'Budget monitoring figures', 'Grass cutting 2950'];
  expect(protocolInAppendix(lines)).toBeUndefined();
  expect(() => importPlainText(lines.join('\n'), { id: 'x', name: 'X Council', source: 'x.txt' })).toThrow(/meeting agenda/);
});

test('a report carrying the protocol as its appendix, saved as text, gives the protocol', () => {
  const lines = ['Agenda Item 9', 'Report of the Town Clerk', '1. Recommendation', '1.1 That the council adopts the protocol at Appendix 1.', '', 'Appendix 1', ...PLAIN_PROTOCOL, 'Appendix 1', '1.3 Members do not direct staff.'];
  const { content } = importPlainText(lines.join('\n'), { id: 'x', name: 'X Council', source: 'x.txt' });
  expect(content.clauses.map((c) => c.id)).toEqual(['1', '1.1', '1.2', '1.3']);
});
