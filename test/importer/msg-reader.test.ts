/**
 * Protocols a clerk dragged out of Outlook as .msg files, built here as Outlook lays them out (there is no
 * Outlook to save real ones): the protocol in a reply's text with its covering note, signature, disclaimer
 * and the earlier message below it; 8-bit text in Windows-1252; an HTML-only and a Rich-Text-only message;
 * a protocol attached as .docx or .doc, beside other attachments, or inside an attached message; and the
 * broken files a clerk might import, each refused in one sentence.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDocument } from '../../src/importer/import-document';
import { clausesOf, REPLY_LEFT_OUT_NOTES, REPLY_PROTOCOL } from '../builders/reply-email';
import { writeCompoundFile } from '../builders/compound-file-writer';
import { aMsg, type MsgSpec } from '../builders/msg-builder';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'msg-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importMsg(bytes: Uint8Array) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.msg`);
  writeFileSync(file, bytes);
  return importDocument(file, { id: 'harbury', name: 'Harbury Town Council' });
}

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures/doc', name));

const REPLY = [
  'Dear Sam,',
  '',
  'Please find below our Member/Officer Protocol, as adopted by Full Council on 4 March 2025. Could you load it into the bot?',
  '',
  'MEMBER/OFFICER RELATIONS PROTOCOL',
  '',
  '1. Introduction',
  '1.1 This protocol guides the working relationship between councillors and the Council’s officers – whatever their grade.',
  '1.2 It sits beside the Code of Conduct.',
  '2. Concerns',
  '2.1 A councillor who is unhappy with an officer should raise it with the Town Clerk.',
  '2.2 An officer who is concerned about a councillor’s behaviour should tell their line manager.',
  '',
  'Kind regards',
  '',
  'Jane Smith',
  'Town Clerk | Harbury Town Council',
  '01234 567890 | www.harbury.gov.uk',
  '',
  'This email and any attachments are confidential and intended solely for the addressee. If you have received this email in error please tell the sender and delete it.',
  '',
  '________________________________',
  'From: Sam Jones <sam@example.org>',
  'Sent: 03 March 2025 09:12',
  'To: Jane Smith <clerk@harbury.gov.uk>',
  'Subject: Protocol for the bot',
  '',
  'Hi Jane, could you send me the protocol?',
  '1. I need it by Friday.',
  'Thanks, Sam',
].join('\r\n');

describe("Outlook's reply with the protocol in its text", () => {
  const reply: MsgSpec = { subject: 'RE: Protocol for the bot – Harbury', text: REPLY, html: '<html><body><p>HTML version: not read when there is a plain one</p></body></html>' };

  test('the protocol is read from the plain-text body: title and clauses as written', async () => {
    const { content, notes } = await importMsg(aMsg(reply));
    expect(content.title).toBe('Member/Officer Relations Protocol');
    expect(clausesOf(content)).toEqual(REPLY_PROTOCOL);
    expect(content.escalation.councillor.steps.map((s) => [s.to, s.clause])).toEqual([['The Town Clerk', '2.1']]);
    expect(notes[0]).toBe('Read the protocol from the text of the email "RE: Protocol for the bot – Harbury".');
  });

  test('covering note, signature, disclaimer, the quoted message and the HTML version are in no clause; each is noted', async () => {
    const { content, notes } = await importMsg(aMsg(reply));
    const clauses = JSON.stringify(content.clauses);
    for (const text of ['Dear Sam', 'Could you load', 'Kind regards', 'Jane Smith', '01234', 'confidential', 'Sam Jones', 'Friday', 'HTML version']) {
      expect(clauses).not.toContain(text);
    }
    expect(notes).toEqual(expect.arrayContaining(REPLY_LEFT_OUT_NOTES));
  });
});

test('8-bit text (001E) is read in the message\'s code page, Windows-1252: £ and curly quotes', async () => {
  const text = ['Member/Officer Protocol', '1. Allowances', '1.1 A councillor may claim up to £50 for “approved duties” at the Council’s rate.', '1.2 Concerns about an officer go to the Town Clerk.'].join('\r\n');
  const { content, notes } = await importMsg(aMsg({ subject: 'Protocol – £ and “quotes”', text, ansi: true }));
  expect(content.clauses.map((c) => c.text)).toEqual(['', 'A councillor may claim up to £50 for “approved duties” at the Council’s rate.', 'Concerns about an officer go to the Town Clerk.']);
  expect(notes[0]).toBe('Read the protocol from the text of the email "Protocol – £ and “quotes”".');
});

test('an HTML-only message is read through the web page reader', async () => {
  const html = '<html><head><style>p{margin:0}</style></head><body><div class="WordSection1"><p>Member/Officer Protocol</p><p>1. Introduction</p><p>1.1 Officers advise councillors and carry out the Council’s decisions.</p><p>1.2 Concerns about an officer go to the Town Clerk.</p><p>Regards<br>Jane</p></div></body></html>';
  const { content, notes } = await importMsg(aMsg({ subject: 'Protocol', html }));
  expect(clausesOf(content)).toEqual([
    ['1', 'Introduction', ''],
    ['1.1', undefined, 'Officers advise councillors and carry out the Council’s decisions.'],
    ['1.2', undefined, 'Concerns about an officer go to the Town Clerk.'],
  ]);
  expect(notes[0]).toBe('Read the protocol from the HTML text of the email "Protocol", which has no plain-text version.');
});

describe('a message with only a Rich Text body, kept compressed', () => {
  const rtf = (head: string) =>
    `{\\rtf1\\ansi\\ansicpg1252${head}\\deff0{\\fonttbl{\\f0 Calibri;}}\\pard Member/Officer Protocol\\par 1. Introduction\\par 1.1 Officers advise councillors and carry out the Council\\'92s decisions.\\par 1.2 Concerns about an officer go to the Town Clerk.\\par Kind regards\\par Jane\\par}`;

  test('the Rich Text is decompressed and read; the sign-off is left out', async () => {
    const { content, notes } = await importMsg(aMsg({ subject: 'Protocol', rtf: rtf('') }));
    expect(content.clauses.map((c) => c.text)).toEqual(['', 'Officers advise councillors and carry out the Council’s decisions.', 'Concerns about an officer go to the Town Clerk.']);
    expect(notes[0]).toBe('Read the protocol from the Rich Text of the email "Protocol", which has no plain-text or HTML version.');
    expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/^Left out the email's sign-off and signature \(2 line\(s\)\): "Kind regards \/ Jane"/)]));
  });

  test('Rich Text wrapping an HTML message is read, and noted', async () => {
    const { content, notes } = await importMsg(aMsg({ subject: 'Protocol', rtf: rtf('\\fromhtml1') }));
    expect(content.clauses.map((c) => c.id)).toEqual(['1', '1.1', '1.2']);
    expect(notes).toContain('The message keeps its HTML text only inside its Rich Text, which was read instead; check lists and tables came out right.');
  });
});

describe('a protocol attached to the message', () => {
  const COVER = 'Dear Sam,\r\n\r\nPlease find our protocol attached. 1. It was adopted in March.\r\n\r\nKind regards\r\nJane';
  const LOGO = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const DOC_CLAUSES = ['1', '1.1', '1.2', '2', '2.1', '2.2', '3', '3.1', '3.2', '3.3'];

  test('a .docx attachment is read as the protocol; the covering note is not', async () => {
    const msg = aMsg({ subject: 'Our protocol', text: COVER, attachments: [{ filename: 'Member Officer Protocol 2025.docx', mimeType: DOCX, data: fixture('protocol.docx') }] });
    const { content, notes } = await importMsg(msg);
    expect(content.clauses.map((c) => c.id)).toEqual(DOC_CLAUSES);
    expect(JSON.stringify(content.clauses)).not.toMatch(/Dear Sam|adopted in March|Kind regards/);
    expect(notes[0]).toBe('Read the protocol from the attachment "Member Officer Protocol 2025.docx" of the email "Our protocol"; the email\'s own text was left out.');
  });

  test('an old Word .doc attachment, named only by its type, is read as the Word 97-2003 document it is', async () => {
    const { content, notes } = await importMsg(aMsg({ subject: 'Our protocol', text: COVER, attachments: [{ mimeType: 'application/msword', data: fixture('protocol.doc') }] }));
    expect(content.clauses.map((c) => c.id)).toEqual(DOC_CLAUSES);
    expect(notes[0]).toMatch(/^Read the protocol from the attachment "attachment\.doc" of the email/);
  });

  test('of several attachments, the one named as the protocol is read, though smaller than another document, and the others are noted', async () => {
    const msg = aMsg({
      subject: 'Papers',
      text: COVER,
      attachments: [
        { filename: 'image001.png', mimeType: 'image/png', data: LOGO },
        { filename: 'Agenda.doc', mimeType: 'application/msword', data: fixture('headings.doc') },
        { filename: 'Protocol.docx', mimeType: DOCX, data: fixture('protocol.docx') },
        { filename: 'notes.txt', mimeType: 'text/plain', data: Buffer.from('1. A note') },
      ],
    });
    const { content, notes } = await importMsg(msg);
    expect(content.clauses.map((c) => c.id)).toEqual(DOC_CLAUSES);
    expect(notes.slice(0, 2)).toEqual([
      'Read the protocol from the attachment "Protocol.docx" of the email "Papers"; the email\'s own text was left out.',
      'Left out the email\'s other attachment(s): "Agenda.doc", "notes.txt"; check the protocol is "Protocol.docx".',
    ]);
  });

  test('a protocol attached to a message attached to the message (a forward as attachment) is read', async () => {
    const inner: MsgSpec = { subject: 'Protocol', text: 'Here it is.', attachments: [{ filename: 'protocol.docx', mimeType: DOCX, data: fixture('protocol.docx') }] };
    const { content, notes } = await importMsg(aMsg({ subject: 'FW: Protocol', text: 'FYI', attachments: [{ filename: 'Protocol', message: inner }] }));
    expect(content.clauses.map((c) => c.id)).toEqual(DOC_CLAUSES);
    expect(notes[0]).toBe('Read the protocol from the attachment "protocol.docx" of the email "FW: Protocol"; the email\'s own text was left out.');
  });

  test('the text of an attached message is read after the message\'s own, as an .eml\'s is', async () => {
    const inner: MsgSpec = { subject: 'Protocol', text: 'Member/Officer Protocol\r\n1. Introduction\r\n1.1 Concerns about an officer go to the Town Clerk.', ansi: true };
    const { content, notes } = await importMsg(aMsg({ subject: 'FW: Protocol', text: 'FYI - the protocol, attached.', attachments: [{ message: inner }] }));
    expect(content.clauses.map((c) => c.id)).toEqual(['1', '1.1']);
    expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/^Left out the email's covering note before the protocol's title \(1 line\(s\)\): "FYI/)]));
  });
});

describe('bad input: one sentence for the clerk, never a crash', () => {
  const protocolMsg = () => aMsg({ subject: 'Protocol', text: REPLY });

  test('a file named .msg that is not a compound file', async () => {
    await expect(importMsg(Buffer.from('Member/Officer Protocol\r\n\r\n1. Introduction\r\n'))).rejects.toThrow(/^this file is named \.msg but is not an Outlook message/);
  });

  test('a compound file without message properties (a Word .doc renamed .msg, an empty compound file)', async () => {
    await expect(importMsg(fixture('protocol.doc'))).rejects.toThrow(/^this file is named \.msg but is not an Outlook message/);
    await expect(importMsg(writeCompoundFile({ Contents: Buffer.from('x') }))).rejects.toThrow(/^this file is named \.msg but is not an Outlook message/);
  });

  test('cut short anywhere after its signature, the message is refused as damaged, never a crash', async () => {
    const whole = protocolMsg();
    for (let end = 8; end < whole.length; end += 1536) {
      await expect(importMsg(whole.subarray(0, end))).rejects.toThrow(/^this Outlook message is damaged or cut short/);
    }
  });

  test('a message whose only attachment is an image is refused in one sentence', async () => {
    const msg = aMsg({ subject: 'Protocol', text: 'Please find the protocol attached.', attachments: [{ filename: 'scan of protocol.jpg', mimeType: 'image/jpeg', data: Buffer.from('ffd8ffe0', 'hex') }] });
    await expect(importMsg(msg)).rejects.toThrow(/^this email's text holds no protocol and its attachment \(scan of protocol\.jpg\) is not a document the importer reads/);
  });

  test('a message with no text and nothing attached', async () => {
    await expect(importMsg(aMsg({ subject: 'Protocol' }))).rejects.toThrow(/^this email has no message text and no document attached/);
  });

  test('a compressed Rich Text body that is damaged', async () => {
    const msg = aMsg({ subject: 'Protocol', rtf: '{\\rtf1 1. Introduction\\par' });
    await expect(importMsg(msg)).rejects.toThrow(/^this Outlook message is damaged or cut short/);
  });
});
