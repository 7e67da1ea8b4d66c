/** Small bad inputs for the importer's bad-input tests: no text layer, encrypted, truncated, empty, not a protocol. */
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { FIXED_DATE, pdfBytes } from './render-pdf';

const INFO = { Producer: 'corpus build', Creator: 'Scanner', CreationDate: FIXED_DATE, ModDate: FIXED_DATE };

/** A "scanned" protocol: grey bars where lines of type would be, and no text layer at all. */
async function scannedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { ...INFO, Title: 'Scan 0042' } });
  for (let page = 0; page < 2; page++) {
    if (page) doc.addPage();
    doc.rect(0, 0, doc.page.width, doc.page.height).fill('#f4f2ec');
    let y = 90;
    for (let line = 0; line < 38; line++) {
      const indent = line % 7 === 0 ? 0 : 36;
      const width = 380 - ((line * 37) % 90);
      doc.rect(72 + indent, y, width, 6).fill(line % 7 === 0 ? '#333333' : '#777777');
      y += line % 7 === 6 ? 22 : 15;
    }
  }
  return pdfBytes(doc);
}

/** A real protocol text layer behind a user password (RC4, PDF 1.4: deterministic, unlike AES-256's random salts). */
async function encryptedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    userPassword: 'council2025',
    ownerPassword: 'clerk-only',
    pdfVersion: '1.4',
    info: { ...INFO, Creator: 'Microsoft Word', Title: 'Member/Officer Protocol' },
  });
  doc.font('Helvetica-Bold').fontSize(12).text('1. Introduction');
  doc.font('Helvetica').fontSize(10.5).moveDown(0.5);
  doc.text('1.1 This protocol guides councillors and the Clerk in their dealings with one another.');
  doc.moveDown(0.5).text('1.2 Concerns about the Clerk should be raised with the Chairman of the Council.');
  return pdfBytes(doc);
}

async function minutesDocx(): Promise<Buffer> {
  const lines = [
    '24/85 Apologies for absence. Apologies were received from Cllrs Hart and Pugh.',
    '24/86 Declarations of interest. None were made.',
    '24/87 Minutes. The minutes of the meeting held on 12 December 2024 were approved and signed.',
    '24/88 Finance. (a) Payments of £1,284.60 were approved. (b) The budget for 2025/26 was noted.',
    '24/89 Planning. No objection to application 24/0931/HH (rear extension, 4 Mill Lane).',
    '24/90 Date of next meeting. 13 February 2025 at 7.30pm in the Village Hall.',
  ];
  const doc = new Document({
    creator: 'Clerk',
    lastModifiedBy: 'Clerk',
    sections: [
      {
        children: [
          new Paragraph({ text: 'Little Ashby Parish Council', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Minutes of the meeting of the Parish Council held on 9 January 2025 at 7.30pm'),
          new Paragraph('Present: Cllr J Moss (Chairman), Cllrs Brand, Ellis, Okafor and Webb. In attendance: the Clerk.'),
          ...lines.map((l) => new Paragraph(l)),
          new Paragraph('Signed ……………………… Chairman    Date ………………'),
        ],
      },
    ],
  });
  return pinZipDates(await Packer.toBuffer(doc));
}

/** A spreadsheet (.xlsx) that someone saved under a .docx name. */
function spreadsheetZip(): Buffer {
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Budget heading</t></is></c><c r="B1" t="inlineStr"><is><t>2025/26</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Clerk salary</t></is></c><c r="B2"><v>14250</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Grass cutting</t></is></c><c r="B3"><v>3100</v></c></row>' +
        '</sheetData></worksheet>',
    ),
  };
  return Buffer.from(zipSync(files, { mtime: FIXED_DATE }));
}

function pinZipDates(bytes: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(bytes));
  const core = Buffer.from(files['docProps/core.xml']!).toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$12025-01-10T10:00:00Z');
  files['docProps/core.xml'] = strToU8(core);
  return Buffer.from(zipSync(files, { mtime: FIXED_DATE }));
}

const NO_NUMBERS = `Ashby Magna Parish Council

Working together

Councillors and the Clerk should treat one another with courtesy and respect at all times.
The Clerk is employed by the Council as a whole and takes instructions from its decisions,
not from individual councillors.

If something goes wrong

Councillors who are unhappy with the Clerk's work should speak to the Chairman. The Clerk
may raise concerns about a councillor with the Chairman or, if necessary, the Vice-Chairman.
`;

const MINUTES_TXT = `LITTLE ASHBY PARISH COUNCIL
Minutes of the Parish Council meeting held on 9 January 2025 at 7.30pm

Present: Cllr J Moss (Chairman), Cllrs Brand, Ellis, Okafor and Webb
In attendance: the Clerk and 3 members of the public

24/85 Apologies for absence
Apologies were received from Cllrs Hart and Pugh.

24/86 Declarations of interest
None.

24/87 Member/Officer Protocol
The Council adopted the Protocol on Member/Officer Relations, to be reviewed in January 2027.

24/88 Finance
1. Payments of £1,284.60 were approved.
2. The draft budget for 2025/26 was noted.

Signed ……………………… Chairman
`;

const BUDGET_CSV = 'Budget heading,2024/25,2025/26\r\nClerk salary,13800,14250\r\nGrass cutting,2950,3100\r\nInsurance,610,640\r\n';

/** Writes every bad input and returns the paths written. */
export async function writeBadInputs(dir: string, corruptSource: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const good = readFileSync(corruptSource);
  const outputs: [string, Buffer | string][] = [
    ['scanned.pdf', await scannedPdf()],
    ['encrypted.pdf', await encryptedPdf()],
    ['corrupt.pdf', good.subarray(0, Math.floor(good.length * 0.4))],
    ['empty.txt', ''],
    ['no-numbers.txt', NO_NUMBERS],
    ['minutes.docx', await minutesDocx()],
    ['minutes.txt', MINUTES_TXT],
    ['budget-spreadsheet.docx', spreadsheetZip()],
    ['budget.txt', BUDGET_CSV],
  ];
  return outputs.map(([name, bytes]) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return `${path} (${Buffer.byteLength(bytes)} bytes)`;
  });
}
