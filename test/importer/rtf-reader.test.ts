/**
 * Protocols saved from Word as Rich Text (.rtf), written here the way Word writes them: font, colour and
 * style tables, a list table with a multi-level decimal list (1., 1.1, (a)) and a bullet list, the number
 * Word shows stored before each list paragraph in {\listtext}, a header and footer with PAGE fields, a
 * picture, a footnote, hidden text and a document-control table after the protocol.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError, importDocument } from '../../src/importer/import-document';
import { readRtf } from '../../src/importer/rtf-reader';

const R = String.raw;

const FONTS = R`{\fonttbl{\f0\fbidi \froman\fcharset0\fprq2{\*\panose 02020603050405020304}Times New Roman;}{\f2\fbidi \fmodern\fcharset0\fprq1{\*\panose 02070309020205020404}Courier New;}{\f3\fbidi \froman\fcharset2\fprq2{\*\panose 05050102010706020507}Symbol;}{\f37\fbidi \fswiss\fcharset0\fprq2{\*\panose 020f0502020204030204}Calibri;}}`;
const COLOURS = R`{\colortbl;\red0\green0\blue0;\red0\green0\blue255;\red5\green99\blue193;}`;
const STYLES = R`{\stylesheet{\ql \li0\ri0\sa160\sl259\slmult1\widctlpar\wrapdefault\itap0 \rtlch\fcs1 \af0\afs22\alang1025 \ltrch\fcs0 \f37\fs22\lang2057\langfe1033 \snext0 \sqformat \spriority0 Normal;}{\s1\ql \li0\ri0\sb240\keepn\widctlpar\outlinelevel0 \b\fs32 \sbasedon0 \snext0 \slink15 \sqformat \spriority9 heading 1;}{\*\cs10 \additive \ssemihidden \sunhideused \spriority1 Default Paragraph Font;}{\s20\ql \fi-360\li720\ri0\sa160\widctlpar\ls1\ilvl1\contextualspace \sbasedon0 \snext20 \sqformat \spriority34 List Paragraph;}}`;

const level = (nfc: number, text: string, extra = '') =>
  R`{\listlevel\levelnfc${nfc}\levelnfcn${nfc}\leveljc0\leveljcn0\levelfollow0\levelstartat1\levelspace0\levelindent0{\leveltext\leveltemplateid134807567${text};}{\levelnumbers\'01;}\rtlch\fcs1 \af0 \ltrch\fcs0 ${extra}\fi-360\li360\lin360 }`;
/** List 1: "1." / "1.1" / "(a)"; list 2: bullets, a Symbol-font bullet then Courier's "o". */
const LISTS =
  R`{\*\listtable{\list\listtemplateid1853316046${level(0, R`\'02\'00.`)}${level(0, R`\'03\'00.\'01`)}${level(4, R`\'03(\'02)`)}{\listname ;}\listid1411539458}` +
  R`{\list\listtemplateid-1\listhybrid${level(23, R`\'01\u-3913 ?`, R`\f3\fbias0 `)}${level(23, R`\'01o`, R`\f2\fbias0 `)}{\listname ;}\listid1968535426}}` +
  R`{\*\listoverridetable{\listoverride\listid1411539458\listoverridecount0\ls1}{\listoverride\listid1968535426\listoverridecount0\ls2}}`;
const INFO = R`{\*\rsidtbl \rsid1512234\rsid2628106}{\mmathPr\mmathFont34\mbrkBin0}{\info{\title Member Officer Protocol}{\author Town Clerk}{\operator Town Clerk}{\creatim\yr2025\mo3\dy4\hr10\min2}{\version2}{\nofpages2}}{\*\xmlnstbl {\xmlns1 http://schemas.microsoft.com/office/word/2003/wordml}}\paperw11906\paperh16838\margl1440\margr1440\margt1440\margb1440\gutter0\ltrsect \widowctrl\ftnbj\aenddoc\trackmoves0\trackformatting1{\*\wgrffmtfilter 2450}{\*\ftnsep \ltrpar \pard\plain \ltrpar\ql \li0\ri0\widctlpar\itap0 {\rtlch\fcs1 \af0 \ltrch\fcs0 \insrsid2628106 \chftnsep
\par }}`;
const run = (text: string) => R`{\rtlch\fcs1 \af0 \ltrch\fcs0 \insrsid2628106 ${text}}`;
const HEADER_FOOTER =
  R`\ltrpar \sectd \ltrsect\linex0\headery708\footery708\colsx708\endnhere\sectlinegrid360\sectdefaultcl\sftnbj ` +
  R`{\headerr \ltrpar \pard\plain \ltrpar\s21\qr \li0\ri0\widctlpar\tqc\tx4513\tqr\tx9026\itap0 ${run(R`Harbury Town Council \endash  Member/Officer Protocol`)}${run('\\par ')}}` +
  R`{\footerr \ltrpar \pard\plain \ltrpar\s22\qc \li0\ri0\widctlpar\itap0 ${run('Page ')}{\field{\*\fldinst ${run(R` PAGE   \\* MERGEFORMAT `)}}{\fldrslt ${run('1')}}}${run(' of ')}{\field{\*\fldinst ${run(' NUMPAGES ')}}{\fldrslt ${run('2')}}}${run('\\par ')}}` +
  R`{\*\pnseclvl1\pnucrm\pnstart1\pnindent720\pnhang {\pntxta .}}{\*\pnseclvl2\pnucltr\pnstart1\pnindent720\pnhang {\pntxta .}}`;
const PICTURE = R`{\*\shppict{\pict{\*\picprop\shplid1025}\picscalex100\picscaley100\picw1270\pich1270\picwgoal720\pichgoal720\pngblip\bliptag-1 89504e470d0a1a0a0000000d49484452}}{\nonshppict{\pict\picscalex100\picscaley100\wmetafile8\bliptag-1 0100090000035e}}`;

const para = (text: string, props = R`\ql \li0\ri0\sa160`) =>
  R`\pard\plain \ltrpar${props}\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright\rin0\lin0\itap0\pararsid2628106 \rtlch\fcs1 \af0\afs22\alang1025 \ltrch\fcs0 \f37\fs22\lang2057\langfe1033\cgrid ${run(text)}${run('\r\n\\par ')}`;
/** A list paragraph: Word's {\listtext} with the number it shows, then the paragraph carrying \lsN\ilvlM. */
const listed = (shown: string, ilvl: number, text: string) =>
  R`{\listtext\pard\plain\ltrpar \rtlch\fcs1 \af0\afs22 \ltrch\fcs0 \f37\fs22\insrsid2628106 \hich\af37\dbch\af31505\loch\f37 ${shown}\tab}` +
  para(text, R`\s20\ql \fi-360\li720\ri0\sa160\ls1\ilvl${ilvl}\contextualspace`);
/** A bullet: Word stores the Symbol font's glyph (\'b7) at the first level, Wingdings' (\'a7) below it. */
const bullet = (text: string, ilvl = 0) =>
  R`{\listtext\pard\plain\ltrpar \rtlch\fcs1 \af0\afs22 \ltrch\fcs0 \f3\fs22\insrsid2628106 \loch\af3\dbch\af31505\hich\f3 ${ilvl ? R`\'a7` : R`\'b7`}\tab}` +
  para(text, R`\s20\ql \fi-360\li1080\ri0\sa160\ls2\ilvl${ilvl}\contextualspace`);
const ROW_DEFS = R`\trowd \irow0\irowband0\ltrrow\ts11\trgaph108\trleft-108\trbrdrt\brdrs\brdrw10 \trftsWidth1\trautofit1\tblind0\tblindtype3 \clvertalt\clbrdrt\brdrs\brdrw10 \cltxlrtb\clftsWidth3\clwWidth3005 \cellx2897\clvertalt\cltxlrtb\clftsWidth3\clwWidth3005 \cellx5902\clvertalt\cltxlrtb\clftsWidth3\clwWidth3006 \cellx8908`;
const cell = (text: string) => R`\pard\plain \ltrpar\ql \li0\ri0\widctlpar\intbl\wrapdefault\itap1 ${run(text)}${run(R`\cell `)}`;
const row = (cells: string[]) => R`${ROW_DEFS}${cells.map(cell).join('')}\pard\plain \ltrpar\ql \li0\ri0\widctlpar\intbl\wrapdefault\itap1 {\rtlch\fcs1 \af0 \ltrch\fcs0 \insrsid2628106 ${ROW_DEFS}\row }`;

const FOOTNOTE = R`{\super\chftn}{\footnote \ltrpar \pard\plain \ltrpar\s15\ql \li0\ri0\widctlpar {\rtlch\fcs1 \af0 \ltrch\fcs0 \super\chftn } As adopted by Full Council on 4 March 2025.\par }`;

const BODY = [
  PICTURE,
  para(R`\b HARBURY TOWN COUNCIL`),
  para(R`\b Member/Officer Relations Protocol`),
  listed('1.', 0, 'Introduction'),
  listed('1.1', 1, R`This protocol guides the relationship between councillors and the Council\'92s officers.`),
  listed('1.2', 1, R`It sits beside the Code of Conduct${FOOTNOTE} and the Council\u8217\'3fs standing orders.`),
  listed('2.', 0, 'Roles'),
  listed('2.1', 1, R`Councillors set policy; officers carry it out {\v reviewer: check wording }and advise.`),
  listed('2.2', 1, 'Officers will:'),
  listed('(a)', 2, 'give impartial advice;'),
  listed('(b)', 2, R`act promptly \endash  and keep councillors informed.`),
  listed('3.', 0, 'Concerns'),
  listed('3.1', 1, 'A councillor who is unhappy with an officer should raise it with the Town Clerk.'),
  listed('3.2', 1, 'Councillors contact officers:'),
  bullet('through the Town Clerk;'),
  bullet('in working hours, unless:'),
  bullet('there is an emergency.', 1),
  listed('3.3', 1, R`An officer who is concerned about a councillor\rquote s behaviour should tell their line manager.`),
  para('Document control'),
  row(['Version', 'Date', 'Author']),
  row(['1.0', 'March 2025', 'Approved by the Finance Committee']),
  para(''),
];

/** The whole document as Word saves it; `listText: false` leaves out the numbers, as some writers do. */
function wordRtf({ listText = true } = {}): string {
  const rtf =
    R`{\rtf1\adeflang1025\ansi\ansicpg1252\uc1\adeff0\deff0\stshfdbch31505\stshfloch31506\stshfhich31506\stshfbi31506\deflang2057\deflangfe2057\themelang2057` +
    [FONTS, COLOURS + STYLES, LISTS + INFO, HEADER_FOOTER, ...BODY].join('\r\n') +
    '}';
  return listText ? rtf : rtf.replace(/\{\\listtext[^{}]*\}/g, '');
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rtf-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importRtf(rtf: string | Buffer) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.rtf`);
  writeFileSync(file, typeof rtf === 'string' ? Buffer.from(rtf, 'latin1') : rtf);
  return importDocument(file, { id: 'harbury', name: 'Harbury Town Council' });
}

const EXPECTED = [
  ['1', 'Introduction', ''],
  ['1.1', undefined, 'This protocol guides the relationship between councillors and the Council’s officers.'],
  ['1.2', undefined, 'It sits beside the Code of Conduct and the Council’s standing orders.'],
  ['2', 'Roles', ''],
  ['2.1', undefined, 'Councillors set policy; officers carry it out and advise.'],
  ['2.2', undefined, 'Officers will:'],
  ['3', 'Concerns', ''],
  ['3.1', undefined, 'A councillor who is unhappy with an officer should raise it with the Town Clerk.'],
  ['3.2', undefined, 'Councillors contact officers:'],
  ['3.3', undefined, 'An officer who is concerned about a councillor’s behaviour should tell their line manager.'],
];

describe.each([
  ['with the numbers Word stores ({\\listtext})', true],
  ['without them, numbered from the list table', false],
])('a Word protocol saved as .rtf, %s', (_, listText) => {
  test('imports the clauses with their numbers, quotes and dashes, lettered items and bullets', async () => {
    const { content, notes } = await importRtf(wordRtf({ listText }));
    expect(content.title).toBe('Member/Officer Relations Protocol');
    expect(content.clauses.map((c) => [c.id, c.heading ?? undefined, c.text])).toEqual(EXPECTED);
    const byId = new Map(content.clauses.map((c) => [c.id, c]));
    expect(byId.get('2.2')!.items.map((i) => `${i.label} ${i.text}`)).toEqual(['a give impartial advice;', 'b act promptly – and keep councillors informed.']);
    expect(byId.get('3.2')!.items.map((i) => [i.text, (i.items ?? []).map((s) => s.text)])).toEqual([
      ['through the Town Clerk;', []],
      ['in working hours, unless:', ['there is an emergency.']],
    ]);
    expect(content.escalation.councillor.steps.map((s) => [s.to, s.clause])).toEqual([['The Town Clerk', '3.1']]);
    const numbered = notes.filter((n) => n.startsWith('Numbered') && n.includes("document's list definitions"));
    expect(numbered).toHaveLength(listText ? 0 : 1);
  });

  test('header, footer, footnote, picture, hidden text and the table are in no clause, and each is noted', async () => {
    const { content, yaml, notes } = await importRtf(wordRtf({ listText }));
    const clauses = JSON.stringify(content.clauses);
    for (const text of ['Harbury Town Council –', 'Page', 'NUMPAGES', 'Full Council on 4 March', 'reviewer', 'Finance Committee', 'Version', 'Times New Roman', '89504e47']) {
      expect(clauses).not.toContain(text);
    }
    expect(yaml).not.toMatch(/MERGEFORMAT|panose|\\'|\\u8217/);
    expect(notes).toEqual(
      expect.arrayContaining([
        'Left out the page headers and footers (2 line(s)): "Harbury Town Council – Member/Officer Protocol / Page 1 of 2". Check none of it is protocol text.',
        'Left out 1 footnote(s): "As adopted by Full Council on 4 March 2025.". Check none of it is protocol text.',
        'Left out 1 picture(s), drawing(s) or embedded object(s); check none of them held protocol text.',
        'Left out a table of 2 rows starting "Version | Date | Author"; check it holds no protocol text.',
      ]),
    );
  });
});

test('a stored number wins over the list table: a number Word shows is the number the council cites', () => {
  const rtf = wordRtf().replace(R`1.1\tab}`, R`1.7\tab}`);
  expect(readRtf(Buffer.from(rtf, 'latin1')).lines).toContain('1.7 This protocol guides the relationship between councillors and the Council’s officers.');
});

test('a list override restarting the count, a roman level, an OpenSymbol bullet, and paragraph marks inside a table cell', () => {
  const rtf = R`{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}{\f4\fswiss\fprq2\fcharset0 OpenSymbol;}}{\*\listtable{\list${level(2, R`\'02\'00)`)}\listid7}{\list${level(23, R`\'01\u8226 ?`)}\listid8}}{\*\listoverridetable{\listoverride\listid7\listoverridecount1{\lfolevel\listoverridestartat\levelstartat3}\ls4}{\listoverride\listid8\listoverridecount0\ls5}}
\pard\ls4\ilvl0 Third\par\pard\ls4\ilvl0 Fourth\par
\pard\plain\ls5\ilvl0{\listtext\pard\plain\f4 \u57356\'3f\tab}A bullet LibreOffice wrote in its own font\par
\trowd\cellx3000\cellx6000\pard\intbl One\par Two\cell\pard\intbl Three\cell\row\pard After\par}`;
  const { lines, notes } = readRtf(Buffer.from(rtf, 'latin1'));
  expect(lines).toEqual(['iii) Third', 'iv) Fourth', '\u2022 A bullet LibreOffice wrote in its own font', '', 'After']);
  expect(notes).toContain('Left out a table of 1 row starting "One Two | Three"; check it holds no protocol text.');
});

test('a protocol laid out in a table, the number in the left cell, is read row by row as the .docx reader reads it', async () => {
  const rows = [
    ['1', '\\b Purpose'],
    ['1.1', 'This protocol sets out how councillors and officers of the Council work together.'],
    ['1.2', 'It applies to every councillor and every officer, whatever their role or grade.'],
    ['2', '\\b Concerns'],
    ['2.1', 'A councillor who is unhappy with an officer should raise it with the Chief Executive first.'],
  ];
  const table = rows.map(([n, text]) => R`\trowd\cellx1100\cellx9000\pard\intbl ${n!}\cell\pard\intbl ${text!}\cell\row`).join('\r\n');
  const { content, notes } = await importRtf(R`{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\pard Member/Officer Protocol\par ${table}\pard Enquiries: the Democratic Services team\par}`);
  expect(content.clauses.map((c) => [c.id, c.heading ?? c.text])).toEqual([
    ['1', 'Purpose'],
    ['1.1', 'This protocol sets out how councillors and officers of the Council work together.'],
    ['1.2', 'It applies to every councillor and every officer, whatever their role or grade.'],
    ['2', 'Concerns'],
    ['2.1', 'A councillor who is unhappy with an officer should raise it with the Chief Executive first.'],
  ]);
  expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/^Read a table of 5 rows as the protocol's own layout/), expect.stringMatching(/^Left out 1 line\(s\) after the protocol's table: "Enquiries/)]));
});

test.each([
  ['Windows-1250 by the font (\\fcharset238)', R`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}{\f1\fcharset238 Arial CE;}}\pard {\f1 \'8akoda \'9e}\par}`, 'Škoda ž'],
  ['Windows-1251 by the document (\\ansicpg1251)', R`{\rtf1\ansi\ansicpg1251 \'cf\'f0\'ee\'f2\'ee\'ea\'ee\'eb\par}`, 'Протокол'],
  ['UTF-8 (\\ansicpg65001)', R`{\rtf1\ansi\ansicpg65001 Council\'e2\'80\'99s\par}`, 'Council’s'],
  ['\\uN with \\uc2 skipping two stand-in bytes, and a negative N', R`{\rtf1\ansi{\uc2\u8220\'93\'22 quoted\u8221\'94\'22} \u-4064 ?\par}`, '“ quoted” \uF020'],
  ['control symbols: \\~ \\_ \\- and escaped braces', R`{\rtf1\ansi co\_operate\~now \{x\} opt\-ional\par}`, 'co-operate now {x} optional'],
])('code pages and characters: %s', (_, rtf, text) => {
  expect(readRtf(Buffer.from(rtf, 'latin1')).lines[0]).toBe(text);
});

describe('bad input: one sentence for the clerk, never a crash', () => {
  test('a file named .rtf that is not Rich Text', async () => {
    await expect(importRtf('Member/Officer Protocol\r\n1. Introduction')).rejects.toThrow(/^this file is named \.rtf but is not a Rich Text file: save the protocol from Word/);
  });

  test('a Word .docx renamed .rtf', async () => {
    await expect(importRtf(Buffer.from('PK\u0003\u0004 word/document.xml', 'latin1'))).rejects.toThrow(/named \.rtf but is not a Rich Text file/);
  });

  test('a file cut short: its groups never close', async () => {
    const rtf = wordRtf();
    await expect(importRtf(rtf.slice(0, Math.floor(rtf.length * 0.6)))).rejects.toThrow(/^this Rich Text file is damaged or cut short/);
  });

  test('a stray closing brace with text after it', async () => {
    await expect(importRtf(R`{\rtf1\ansi 1.1 Officers advise.\par}} 1.2 Councillors decide.\par}`)).rejects.toThrow(/damaged or cut short/);
  });

  test('cut anywhere, the file imports or is refused with an ImportError', async () => {
    const rtf = wordRtf();
    // Closed with as many braces as were open (escaped braces aside), so most cuts reach the reader itself.
    const open = (s: string) => (s.replace(/\\[\\{}]/g, '').match(/\{/g) ?? []).length - (s.replace(/\\[\\{}]/g, '').match(/\}/g) ?? []).length;
    let read = 0;
    for (let at = 1; at < rtf.length; at += 331) {
      const cut = rtf.slice(0, at);
      try {
        readRtf(Buffer.from(cut + '}'.repeat(Math.max(0, open(cut))), 'latin1'));
        read++;
      } catch (err) {
        expect(err).toBeInstanceOf(ImportError);
      }
    }
    expect(read).toBeGreaterThan(10);
  });
});
