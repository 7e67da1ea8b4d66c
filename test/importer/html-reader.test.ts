/**
 * A protocol saved from the council's website as a web page: the site's menus, header, cookie banner and
 * footer around the page's main content; numbers typed in bold or made by the browser's numbered lists
 * (`start`, `type="a"`); entities and no-break spaces; a contacts table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDocument } from '../../src/importer/import-document';

const chrome = (main: string) => `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Member/Officer Protocol | Wendlebury Parish Council</title>
<style>body { font-family: sans-serif }</style><script>window.dataLayer = [];</script></head>
<body>
<div class="cookie-banner"><p>We use cookies. <button>Accept</button></p></div>
<header><a href="/">Wendlebury Parish Council</a><nav><ul><li><a href="/meetings">Meetings</a></li><li><a href="/councillors">Your Councillors</a></li><li><a href="/policies">Policies</a></li></ul></nav></header>
${main}
<footer><p>&copy; 2026 Wendlebury Parish Council &middot; 1 Church Lane &middot; <a href="/privacy">Privacy</a></p></footer>
</body></html>`;

const TYPED = chrome(`<main id="content">
<h1>Member and Officer Protocol</h1>
<p><em>Adopted by the Council on 4 June 2026 (minute 31/26).</em></p>
<h2>1. Introduction</h2>
<p><strong>1.1</strong>&nbsp;This protocol sets out how councillors and the Parish Clerk work together at Wendlebury Parish Council.</p>
<p><strong>1.2</strong>&nbsp;It sits beside the Council&rsquo;s Code of Conduct.</p>
<h2>2. Working with the Clerk</h2>
<p><strong>2.1</strong> The Clerk is the Council&rsquo;s only employee and works
   sixteen hours a week.</p>
<p><strong>2.2</strong> Councillors may ask the Clerk:</p>
<ol type="a"><li>for information the Council holds;</li><li>to put an item on the next agenda; and</li><li>for help with a residents&rsquo; enquiry.</li></ol>
<p><strong>2.3</strong> The Clerk takes instructions from the Council as a whole,<br>not from any single councillor.</p>
<h2>3. Concerns</h2>
<p><strong>3.1</strong> A councillor with a concern about the Clerk raises it with the Chairman.</p>
<table><tr><th>Role</th><th>Contact</th></tr><tr><td>Clerk</td><td>clerk@wendlebury.example</td></tr><tr><td>Chairman</td><td>chair@wendlebury.example</td></tr></table>
</main>`);

const LISTS = chrome(`<div class="page"><div class="sidebar-links"></div>
<h1>Protocol on Councillor and Staff Relations</h1>
<h2>Introduction</h2>
<ol><li>This protocol applies to every councillor and member of staff.</li><li>It is reviewed every two years.</li></ol>
<h2>Requests to staff</h2>
<ol><li>Staff will answer a councillor&#39;s request within five working days.</li>
<li>Staff will not:<ol type="i"><li>take instructions from a single councillor;</li><li>do work for a political group.</li></ol></li></ol>
</div>`);

/** Word's "Save as Web Page": list numbers written as text in mso-list:Ignore spans, inside conditional comments. */
const WORD_PAGE = "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\">\n<head><meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\"><!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]--><style><!-- p.MsoNormal {margin:0cm;} --></style></head>\n<body lang=EN-GB style='tab-interval:36.0pt'>\n<div class=WordSection1>\n<p class=MsoTitle>Ashcombe Town Council</p>\n<p class=MsoSubtitle>Member Officer Protocol</p>\n<h1 style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>Introduction</h1>\n<p class=MsoListParagraph style='margin-left:39.6pt;text-indent:-21.6pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.1<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]>This protocol guides how councillors and the Town Clerk\nwork together.</p>\n<p class=MsoListParagraph style='margin-left:39.6pt;text-indent:-21.6pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.2<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]>The Clerk is the Proper Officer of the Council.</p>\n<h1 style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp;&nbsp; </span></span><![endif]>Concerns</h1>\n<p class=MsoListParagraph style='mso-list:l0 level2 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.1<span>&nbsp;&nbsp; </span></span><![endif]>A councillor with a concern about the Clerk speaks to the Mayor.</p>\n</div>\n</body>\n</html>\n";

/** Numbered lists inside numbered items: the browser shows 1. again under each section; councils cite 2.1. */
const NESTED = "<html><body><main><h1>Protocol on Member/Officer Relations</h1>\n<ol>\n<li><strong>Introduction</strong>\n  <ol><li>This protocol guides relations between members and officers.</li><li>It forms part of the constitution.</li></ol></li>\n<li><strong>Roles</strong>\n  <ol><li>Members set policy.</li><li>Officers will:<ol type=\"a\"><li>give advice;</li><li>carry out decisions.</li></ol></li></ol></li>\n<li><strong>Concerns</strong>\n  <ol><li>A member with a concern about an officer raises it with the Chief Executive.</li></ol></li>\n</ol></main></body></html>\n";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'html-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importPage(html: string, name = 'protocol.html') {
  const file = join(dir, name);
  writeFileSync(file, html);
  return importDocument(file, { id: 'wendlebury', name: 'Wendlebury Parish Council' });
}

test('a saved web page: the main content only, typed numbers, lettered lists, line breaks and entities', async () => {
  const { content, notes } = await importPage(TYPED);
  expect(content.clauses.map((c) => c.id)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2', '2.3', '3', '3.1']);
  const byId = new Map(content.clauses.map((c) => [c.id, c]));
  expect(byId.get('1')!.heading).toBe('Introduction');
  expect(byId.get('1.2')!.text).toBe('It sits beside the Council\u2019s Code of Conduct.');
  expect(byId.get('2.1')!.text).toBe('The Clerk is the Council\u2019s only employee and works sixteen hours a week.');
  expect(byId.get('2.2')!.items.map((i) => `${i.label} ${i.text}`)).toEqual([
    'a for information the Council holds;',
    'b to put an item on the next agenda; and',
    'c for help with a residents\u2019 enquiry.',
  ]);
  expect(byId.get('2.3')!.text).toBe('The Clerk takes instructions from the Council as a whole, not from any single councillor.');
  expect(byId.get('3.1')!.text).toBe('A councillor with a concern about the Clerk raises it with the Chairman.');
  const all = JSON.stringify(content);
  for (const chromeText of ['cookies', 'Meetings', 'Privacy', 'dataLayer', 'font-family', '@wendlebury', '&nbsp;', '&rsquo;']) expect(all).not.toContain(chromeText);
  expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/main content/), expect.stringMatching(/table of/)]));
});

test('numbered lists that restart under each heading are its sections, with nested roman items (.htm)', async () => {
  const { content } = await importPage(LISTS, 'protocol.htm');
  expect(content.clauses.map((c) => c.id)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2']);
  const byId = new Map(content.clauses.map((c) => [c.id, c]));
  expect(byId.get('2')!.heading).toBe('Requests to staff');
  expect(byId.get('2.1')!.text).toBe("Staff will answer a councillor's request within five working days.");
  expect(byId.get('2.2')!.items.map((i) => `${i.label} ${i.text}`)).toEqual(['i take instructions from a single councillor;', 'ii do work for a political group.']);
});

test('numbered lists nested in numbered items number their clauses under the section (1.1, 2.2) with lettered items', async () => {
  const { content } = await importPage(NESTED);
  expect(content.clauses.map((c) => c.id)).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2', '3', '3.1']);
  const byId = new Map(content.clauses.map((c) => [c.id, c]));
  expect(byId.get('2')!.heading).toBe('Roles');
  expect(byId.get('2.2')!.items.map((i) => `${i.label} ${i.text}`)).toEqual(['a give advice;', 'b carry out decisions.']);
});

test("Word's own web page, its numbers written as text", async () => {
  const { content } = await importPage(WORD_PAGE, 'protocol.htm');
  expect(content.clauses.map((c) => [c.id, c.heading ?? c.text])).toEqual([
    ['1', 'Introduction'],
    ['1.1', 'This protocol guides how councillors and the Town Clerk work together.'],
    ['1.2', 'The Clerk is the Proper Officer of the Council.'],
    ['2', 'Concerns'],
    ['2.1', 'A councillor with a concern about the Clerk speaks to the Mayor.'],
  ]);
});

test('a page with no protocol text on it is refused with a clear message', async () => {
  await expect(importPage('<html><body><nav>Home</nav></body></html>', 'empty.html')).rejects.toThrow(/file is empty/);
});
