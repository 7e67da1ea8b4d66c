/**
 * A protocol saved from the council's website as a web page (.html): the page's text as the Markdown reader
 * reads it. Only the page's main content is read (its <main> or <article> where it has one), never its
 * navigation, header, footer, scripts or forms. Headings, paragraphs, lists (numbered as the browser shows
 * them: `start`, `type="a"`, `value`) and tables keep their shape; line breaks inside a paragraph stay.
 */
import { parseDocument } from 'htmlparser2';
import { roman } from './docx-numbering';

type Node = ReturnType<typeof parseDocument>['children'][number];
interface Element {
  type: string;
  name: string;
  attribs: Record<string, string>;
  children: Node[];
}

/** Elements whose content is never the protocol's text. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'svg', 'iframe', 'object', 'img', 'figure']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements that start a new block of text. */
const BLOCKS = new Set(['html', 'p', 'div', 'section', 'article', 'main', 'body', 'blockquote', 'address', 'dl', 'dt', 'dd', 'pre', 'center', 'hr', 'li', 'ol', 'ul', 'table', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'caption', ...HEADINGS]);

const isElement = (n: Node): n is Node & Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

export interface HtmlText {
  lines: string[];
  notes: string[];
}

export function htmlToMarkdownLines(html: string): HtmlText {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  const all = elements(document.children);
  // The page's main content, where it marks it: a CMS page's menus and side panels stay out.
  const main = all.find((e) => e.name === 'main') ?? (all.filter((e) => e.name === 'article').length === 1 ? all.find((e) => e.name === 'article') : undefined);
  const out: string[] = [];
  const notes: string[] = [];
  block(main ? [main as Node] : document.children, out, 0);
  if (main) notes.push(`Read the web page's main content (<${main.name}>) only; its menus, header and footer were left out.`);
  const lines = out.map((l) => l.replace(/[ \t]+$/, ''));
  // Collapse runs of blank lines.
  return { lines: lines.filter((l, i) => l !== '' || (i > 0 && lines[i - 1] !== '')), notes };
}

function elements(nodes: readonly Node[]): Element[] {
  return nodes.flatMap((n) => (isElement(n) && !SKIPPED.has(n.name) ? [n, ...elements(n.children)] : []));
}

/** The text of inline content, whitespace collapsed as a browser does; <br> as a line break. */
function inline(nodes: readonly Node[]): string {
  let text = '';
  for (const n of nodes) {
    if (n.type === 'text') text += (n as { data: string }).data.replace(/\s+/g, ' ');
    else if (isElement(n) && n.name === 'br') text += '\n';
    else if (isElement(n) && !SKIPPED.has(n.name)) text += inline(n.children);
  }
  return text.replace(/\u00a0/g, ' ');
}

const paragraphText = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/**
 * Writes block content: runs of inline content as paragraphs, block elements by kind. `within` is the number
 * of the numbered list item this content belongs to, if any.
 */
function block(nodes: readonly Node[], out: string[], depth: number, within?: string): void {
  let run: Node[] = [];
  const flush = () => {
    const lines = paragraphText(inline(run));
    if (lines.length) out.push(...lines.map((l) => `${'  '.repeat(depth)}${l}`), '');
    run = [];
  };
  for (const n of nodes) {
    if (!isElement(n) || !BLOCKS.has(n.name)) {
      if (!isElement(n) || !SKIPPED.has(n.name)) run.push(n);
      continue;
    }
    flush();
    if (SKIPPED.has(n.name)) continue;
    if (HEADINGS.has(n.name)) {
      const text = paragraphText(inline(n.children)).join(' ');
      if (text) out.push(`${'#'.repeat(Number(n.name[1]))} ${text}`, '');
    } else if (n.name === 'ol' || n.name === 'ul') {
      list(n, out, depth, within);
    } else if (n.name === 'table') {
      table(n, out);
    } else if (n.name !== 'hr') {
      block(n.children, out, depth, within);
    }
  }
  flush();
}

/** A clause number built from the numbered items a list sits in ("2.3"): a line of its own, not an indented item. */
const HIERARCHICAL = /^\d+(?:\.\d+)+ /;

/**
 * A list's items with the markers the browser shows: 1. 2. 3. from `start`, (a) (b) for type a, (i) for
 * type i, bullets. A numbered list inside an item of a numbered list numbers its items under that item's
 * number (2.1, 2.2), as a council cites them, where the browser restarts at 1.
 */
function list(element: Element, out: string[], depth: number, within?: string): void {
  const type = element.name === 'ul' ? 'bullet' : (element.attribs.type ?? '1');
  let number = Number.parseInt(element.attribs.start ?? '1', 10) || 1;
  const indent = '  '.repeat(depth);
  for (const item of element.children.filter(isElement)) {
    if (item.name !== 'li') continue;
    if (item.attribs.value && /^\d+$/.test(item.attribs.value)) number = Number(item.attribs.value);
    const decimal = type === '1' ? (within ? `${within}.${number}` : String(number)) : undefined;
    const marker =
      type === 'bullet' ? '-' : type === 'a' ? `(${letters(number)})` : type === 'A' ? `(${letters(number).toUpperCase()})` : type === 'i' ? `(${roman(number)})` : type === 'I' ? `(${roman(number).toUpperCase()})` : within ? decimal! : `${decimal}.`;
    number++;
    const inner: string[] = [];
    block(item.children, inner, 0, decimal);
    const lines = inner.filter((l) => l !== '');
    if (!lines.length) continue;
    out.push(`${within && decimal ? '' : indent}${marker} ${lines[0]!.trim()}`);
    // Nested lists and further paragraphs of the item, indented under it; numbered clauses under it stand alone.
    for (const l of lines.slice(1)) out.push(HIERARCHICAL.test(l) ? l : `${indent}  ${l}`);
  }
  out.push('');
}

function table(element: Element, out: string[]): void {
  const rows = elements(element.children).filter((e) => e.name === 'tr');
  for (const row of rows) {
    const cells = row.children.filter(isElement).filter((c) => c.name === 'td' || c.name === 'th');
    out.push(`| ${cells.map((c) => paragraphText(inline(c.children)).join(' ').replace(/\|/g, '/')).join(' | ')} |`);
  }
  out.push('');
}

const letters = (n: number): string => (n <= 26 ? String.fromCharCode(96 + n) : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(97 + ((n - 1) % 26)));
