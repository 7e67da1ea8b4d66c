/**
 * Protocols a clerk forwarded by email, saved as .eml and written here as Outlook, Gmail and Apple Mail write
 * them: a quoted-printable UTF-8 body whose soft line breaks fall mid-word and inside a UTF-8 character, with
 * a covering note, signature, disclaimer and the earlier message quoted below; a reply quoting with ">"; a
 * forwarded message; an HTML-only message; and a protocol attached as .docx or PDF.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import { importDocument } from '../../src/importer/import-document';
import { clausesOf, REPLY_LEFT_OUT_NOTES, REPLY_PROTOCOL } from '../builders/reply-email';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eml-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importEml(eml: string | Buffer) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.eml`);
  writeFileSync(file, eml);
  return importDocument(file, { id: 'harbury', name: 'Harbury Town Council' });
}

/** A message: its headers, a blank line, its body; CRLF line ends as mail programs save them. */
const message = (headers: string[], body: string[]) => [...headers, '', ...body].join('\r\n');
const HEADERS = ['Received: from mail.harbury.gov.uk (10.0.0.1) by mx.example.org', 'From: Jane Smith <clerk@harbury.gov.uk>', 'To: Sam Jones <sam@example.org>', 'Date: Tue, 4 Mar 2025 10:02:11 +0000', 'MIME-Version: 1.0'];
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n');

/**
 * Outlook's reply, quoted-printable: "relation=\r\nship" breaks a word, "Council=E2=80=\r\n=99s" breaks the
 * bytes of one character (’), and "=E2=80=93" is a dash.
 */
const OUTLOOK_QP = [
  'Dear Sam,',
  '',
  'Please find below our Member/Officer Protocol, as adopted by Full Council on 4 M=',
  'arch 2025. Could you load it into the bot?',
  '',
  'MEMBER/OFFICER RELATIONS PROTOCOL',
  '',
  '1. Introduction',
  '1.1 This protocol guides the working relation=',
  'ship between councillors and the Council=E2=80=',
  "=99s officers =E2=80=93 whatever their grade.",
  '1.2 It sits beside the Code of Conduct.',
  '2. Concerns',
  '2.1 A councillor who is unhappy with an officer should raise it with the Town Cl=',
  'erk.',
  '2.2 An officer who is concerned about a councillor=E2=80=99s behaviour should tell their line manager.',
  '',
  'Kind regards',
  '',
  'Jane Smith',
  'Town Clerk | Harbury Town Council',
  '01234 567890 | www.harbury.gov.uk',
  '',
  'This email and any attachments are confidential and intended solely for the addressee. If you have rec=',
  'eived this email in error please tell the sender and delete it.',
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
];

const outlookReply = () =>
  message(
    [...HEADERS, 'Subject: =?utf-8?Q?RE:_Protocol_for_the_bot_=E2=80=93_Harbury?=', 'Content-Type: multipart/alternative;', '\tboundary="_000_DB9PR01MB6_"'],
    [
      '--_000_DB9PR01MB6_',
      'Content-Type: text/plain; charset="utf-8"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      ...OUTLOOK_QP,
      '',
      '--_000_DB9PR01MB6_',
      'Content-Type: text/html; charset="utf-8"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<html><body><p>HTML version: not read when there is a plain one</p></body></html>',
      '--_000_DB9PR01MB6_--',
      '',
    ],
  );

describe("Outlook's quoted-printable reply with the protocol in its text", () => {
  test('the protocol is read whole: soft breaks mid-word and inside a character joined, title and clauses as written', async () => {
    expect(OUTLOOK_QP.join('\r\n')).toMatch(/=E2=80=\r\n=99s/);
    const { content, notes } = await importEml(outlookReply());
    expect(content.title).toBe('Member/Officer Relations Protocol');
    expect(clausesOf(content)).toEqual(REPLY_PROTOCOL);
    expect(content.escalation.councillor.steps.map((s) => [s.to, s.clause])).toEqual([['The Town Clerk', '2.1']]);
    expect(notes[0]).toBe('Read the protocol from the text of the email "RE: Protocol for the bot – Harbury".');
  });

  test('covering note, signature, disclaimer, the quoted message, headers and the HTML version are in no clause; each is noted', async () => {
    const { content, notes } = await importEml(outlookReply());
    const clauses = JSON.stringify(content.clauses);
    for (const text of ['Dear Sam', 'Could you load', 'Kind regards', 'Jane Smith', '01234', 'confidential', 'Sam Jones', 'Friday', 'Received', 'sam@example.org', 'HTML version']) {
      expect(clauses).not.toContain(text);
    }
    expect(notes).toEqual(expect.arrayContaining(REPLY_LEFT_OUT_NOTES));
  });
});

test('a reply written above a ">"-quoted message, an external-mail banner, format=flowed, Windows-1252 bytes labelled iso-8859-1, "Sent from my iPhone"', async () => {
  const flowed = [
    'CAUTION: This email originated from outside of the organisation. Do not click links unless you know the content is safe.',
    '',
    'Hi Sam,',
    '',
    'Here it is.',
    '',
    'Member and Officer Protocol',
    '1. Working Together',
    '1.1 Councillors and officers treat each other with courtesy and ',
    'respect at all times; the Council\x92s officers serve the Council as a ',
    'whole.',
    '1.2 A councillor who is unhappy with an officer should raise it with the Town Clerk.',
    '',
    'Best wishes,',
    'Jane',
    '',
    'Sent from my iPhone',
    '',
    'On 3 Mar 2025, at 09:12, Sam Jones <sam@example.org> wrote:',
    '',
    '> Jane, could you send the protocol?',
    '> 1. By Friday please.',
  ];
  const eml = message([...HEADERS, 'Subject: Re: protocol', 'Content-Type: text/plain; charset=iso-8859-1; format=flowed', 'Content-Transfer-Encoding: 8bit'], flowed);
  const { content, notes } = await importEml(Buffer.from(eml, 'latin1'));
  expect(clausesOf(content)).toEqual([
    ['1', 'Working Together', ''],
    ['1.1', undefined, 'Councillors and officers treat each other with courtesy and respect at all times; the Council’s officers serve the Council as a whole.'],
    ['1.2', undefined, 'A councillor who is unhappy with an officer should raise it with the Town Clerk.'],
  ]);
  expect(JSON.stringify(content.clauses)).not.toMatch(/Friday|iPhone|Best wishes|Jane|Here it is|CAUTION/);
  expect(notes).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Left out 2 line\(s\) quoted from an earlier message/),
      expect.stringMatching(/^Left out 1 line\(s\) of email disclaimer before the protocol: "CAUTION: This email originated/),
      expect.stringMatching(/^Left out the earlier message quoted below the protocol \(1 line\(s\)\): "On 3 Mar 2025/),
      'Left out the email\'s sign-off and signature (3 line(s)): "Best wishes, / Jane / Sent from my iPhone". Check none of it is protocol text.',
    ]),
  );
});

test('a forwarded message holding the protocol: the forwarding note above it and its header lines left out', async () => {
  const body = [
    'FYI - our protocol, forwarded from the Monitoring Officer.',
    '',
    '---------- Forwarded message ---------',
    'From: Monitoring Officer <mo@harbury.gov.uk>',
    'Date: Mon, 3 Mar 2025 at 16:40',
    'Subject: Protocol',
    'To: Jane Smith <clerk@harbury.gov.uk>',
    '',
    'Member/Officer Relations Protocol',
    '',
    '1. Introduction',
    '1.1 This protocol applies to all councillors and officers of the Council.',
    '1.2 A councillor who is unhappy with an officer should raise it with the Town Clerk.',
  ];
  const { content, notes } = await importEml(message([...HEADERS, 'Subject: Fwd: Protocol', 'Content-Type: text/plain; charset=utf-8'], body));
  expect(content.clauses.map((c) => c.id)).toEqual(['1', '1.1', '1.2']);
  expect(JSON.stringify(content.clauses)).not.toMatch(/FYI|Monitoring Officer <|mo@/);
  expect(notes).toEqual(
    expect.arrayContaining([
      'Left out the message above the one holding the protocol (1 line(s)): "FYI - our protocol, forwarded from the Monitoring Officer.". Check none of it is protocol text.',
      expect.stringMatching(/^Read the protocol from a forwarded or quoted message; left out its 5 header line\(s\): "---------- Forwarded message/),
    ]),
  );
});

test('an HTML-only message is read through the web page reader', async () => {
  const html = Buffer.from(
    '<html><head><style>p{margin:0}</style></head><body><div class="WordSection1"><p>Member/Officer Protocol</p><p>1. Introduction</p><p>1.1 Officers advise councillors and carry out the Council’s decisions.</p><p>1.2 Concerns about an officer go to the Town Clerk.</p><p>Regards<br>Jane</p></div></body></html>',
    'utf8',
  );
  const eml = message([...HEADERS, 'Subject: Protocol', 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64'], [base64(html)]);
  const { content, notes } = await importEml(eml);
  expect(clausesOf(content)).toEqual([
    ['1', 'Introduction', ''],
    ['1.1', undefined, 'Officers advise councillors and carry out the Council’s decisions.'],
    ['1.2', undefined, 'Concerns about an officer go to the Town Clerk.'],
  ]);
  expect(notes[0]).toBe('Read the protocol from the HTML text of the email "Protocol", which has no plain-text version.');
});

describe('a protocol attached to the email', () => {
  const mixed = (cover: string, attachments: { type: string; name: string; bytes: Uint8Array; inline?: boolean }[]) =>
    message(
      [...HEADERS, 'Subject: Our protocol', 'Content-Type: multipart/mixed; boundary="----=_NextPart_000_0012"'],
      [
        'This is a multi-part message in MIME format.',
        '',
        '------=_NextPart_000_0012',
        'Content-Type: text/plain; charset=utf-8',
        '',
        cover,
        ...attachments.flatMap((a) => [
          '------=_NextPart_000_0012',
          `Content-Type: ${a.type}; name="${a.name}"`,
          'Content-Transfer-Encoding: base64',
          `Content-Disposition: ${a.inline ? 'inline' : 'attachment'}; filename="${a.name}"`,
          '',
          base64(a.bytes),
        ]),
        '------=_NextPart_000_0012--',
        '',
      ],
    );
  const COVER = 'Dear Sam,\r\n\r\nPlease find our protocol attached. 1. It was adopted in March.\r\n\r\nKind regards\r\nJane';

  async function docxProtocol(): Promise<Uint8Array> {
    const level = (lvl: number, text: string) => ({ level: lvl, format: LevelFormat.DECIMAL, text, alignment: AlignmentType.LEFT });
    const clause = (lvl: number, text: string) => new Paragraph({ text, numbering: { reference: 'clauses', level: lvl } });
    const doc = new Document({
      numbering: { config: [{ reference: 'clauses', levels: [level(0, '%1.'), level(1, '%1.%2')] }] },
      sections: [
        {
          children: [
            new Paragraph('Harbury Town Council'),
            new Paragraph('Member/Officer Relations Protocol'),
            clause(0, 'Introduction'),
            clause(1, 'This protocol guides the working relationship between councillors and officers.'),
            clause(1, 'A councillor who is unhappy with an officer should raise it with the Town Clerk.'),
          ],
        },
      ],
    });
    return Packer.toBuffer(doc);
  }

  async function pdfProtocol(): Promise<Uint8Array> {
    const file = join(dir, 'attachment-source.pdf');
    const doc = new PDFDocument({ size: 'A4', margin: 72 });
    const out = createWriteStream(file);
    doc.pipe(out);
    for (const line of ['Member/Officer Relations Protocol', '1. Introduction', '1.1 This protocol guides the working relationship between councillors and officers.', '1.2 A councillor who is unhappy with an officer should raise it with the Town Clerk.']) {
      doc.fontSize(11).text(line).moveDown(0.5);
    }
    doc.end();
    await new Promise((resolve) => out.on('finish', resolve));
    return readFileSync(file);
  }

  const LOGO = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');

  test('a .docx attachment is read as the protocol; the covering note is not', async () => {
    const eml = mixed(COVER, [{ type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name: 'Member Officer Protocol 2025.docx', bytes: await docxProtocol() }]);
    const { content, notes } = await importEml(eml);
    expect(clausesOf(content)).toEqual([
      ['1', 'Introduction', ''],
      ['1.1', undefined, 'This protocol guides the working relationship between councillors and officers.'],
      ['1.2', undefined, 'A councillor who is unhappy with an officer should raise it with the Town Clerk.'],
    ]);
    expect(JSON.stringify(content.clauses)).not.toMatch(/Dear Sam|adopted in March|Kind regards/);
    expect(notes[0]).toBe('Read the protocol from the attachment "Member Officer Protocol 2025.docx" of the email "Our protocol"; the email\'s own text was left out.');
  });

  test('a PDF attachment (named only by its type) beside a signature logo is read as the protocol', async () => {
    const eml = mixed(COVER, [
      { type: 'image/png', name: 'image001.png', bytes: LOGO, inline: true },
      { type: 'application/pdf', name: 'protocol', bytes: await pdfProtocol() },
    ]);
    const { content, notes } = await importEml(eml);
    expect(content.clauses.map((c) => [c.id, c.text])).toEqual([
      ['1', ''],
      ['1.1', 'This protocol guides the working relationship between councillors and officers.'],
      ['1.2', 'A councillor who is unhappy with an officer should raise it with the Town Clerk.'],
    ]);
    expect(notes[0]).toMatch(/^Read the protocol from the attachment "protocol\.pdf" of the email/);
  });

  test('an email whose only attachment is an image is refused in one sentence', async () => {
    const eml = mixed('Please find the protocol attached.', [{ type: 'image/jpeg', name: 'scan of protocol.jpg', bytes: LOGO }]);
    await expect(importEml(eml)).rejects.toThrow(/^this email's text holds no protocol and its attachment \(scan of protocol\.jpg\) is not a document the importer reads/);
  });

  test('an old Word .doc attachment is read as the Word 97-2003 document it is', async () => {
    const doc = readFileSync(join(__dirname, 'fixtures/doc/protocol.doc'));
    const { content, notes } = await importEml(mixed(COVER, [{ type: 'application/msword', name: 'protocol.doc', bytes: doc }]));
    expect(content.clauses.map((c) => c.id)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2', '3', '3.1', '3.2', '3.3']);
    expect(notes[0]).toMatch(/^Read the protocol from the attachment "protocol\.doc" of the email/);
  });

  test('a .doc attachment that is only the start of the signature is refused in one sentence', async () => {
    const eml = mixed(COVER, [{ type: 'application/msword', name: 'protocol.doc', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]) }]);
    await expect(importEml(eml)).rejects.toThrow(/^this file is named \.doc but is not a Word document/);
  });
});

describe('bad input: one sentence for the clerk, never a crash', () => {
  test('an email with headers and no body', async () => {
    await expect(importEml(message([...HEADERS, 'Subject: Protocol'], []))).rejects.toThrow(/^this email has no message text and no document attached/);
  });

  test('a file named .eml that is not an email', async () => {
    await expect(importEml('Member/Officer Protocol\r\n\r\n1. Introduction\r\n')).rejects.toThrow(/^this file is named \.eml but is not an email message/);
  });

  test('a multipart email cut short, its base64 broken, is read as far as it goes or refused, never a crash', async () => {
    const whole = message([...HEADERS, 'Subject: Protocol', 'Content-Type: multipart/mixed; boundary="b1"'], ['--b1', 'Content-Type: text/plain', '', 'Dear all,', '--b1', 'Content-Type: application/pdf; name="p.pdf"', 'Content-Transfer-Encoding: base64', '', 'JVBERi0xLjQKJcfs']);
    await expect(importEml(whole)).rejects.toThrow(/PDF is damaged|no text layer/);
  });
});
