/** Renders document blocks as a plain-text (.txt) or Markdown (.md) file: hard wraps, hyphenation, running headers and footers. */
import type { DocBlock } from './document-blocks';
import { fill } from './document-blocks';
import type { Layout } from './layout-schema';
import { encodeWindows1252 } from './windows-1252';

const NUMBER_WIDTH = 6;
const ITEM_WIDTH = 5;

/** Splits a long word at the line end as a hyphenating word processor would ("rel-" / "ationship"). */
function hyphenSplit(word: string, room: number): [string, string] | undefined {
  if (!/^[A-Za-z]{9,}[,.;:]?$/.test(word) || room < 5) return undefined;
  const cut = Math.min(room - 1, word.replace(/[,.;:]$/, '').length - 4);
  return cut >= 3 ? [`${word.slice(0, cut)}-`, word.slice(cut)] : undefined;
}

/** Hard-wraps one paragraph: `first` prefixes the first line, `rest` the following ones. */
export function wrapParagraph(text: string, first: string, rest: string, width: number, hyphenate: boolean): string[] {
  if (width === 0) return [`${first}${text}`.trimEnd()];
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const words = text.split(' ').filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = empty ? line + word : `${line} ${word}`;
    if (candidate.length <= width || empty) {
      line = candidate;
      empty = false;
      continue;
    }
    const split = hyphenate ? hyphenSplit(word, width - line.length - 1) : undefined;
    if (split) {
      lines.push(`${line} ${split[0]}`);
      words.splice(i + 1, 0, split[1]);
    } else {
      lines.push(line);
      i--;
    }
    line = rest;
    empty = true;
  }
  lines.push(line.trimEnd());
  return lines;
}

function paraLines(block: Extract<DocBlock, { kind: 'para' }>, layout: Layout, md: boolean): string[] {
  if (md) {
    const indent = block.level === 2 ? '    ' : '';
    const text = block.label ? `${block.label} ${block.text}` : block.text;
    return [`${indent}${text}`.trimEnd()];
  }
  const base = block.level === 0 ? 0 : block.level === 1 ? NUMBER_WIDTH : NUMBER_WIDTH + ITEM_WIDTH;
  const own = block.level === 0 ? NUMBER_WIDTH : ITEM_WIDTH;
  const labelWidth = Math.max(own, block.label.length + 1);
  const hang = layout.hang || block.level > 0;
  const first = ' '.repeat(base) + (block.label ? block.label.padEnd(labelWidth) : ' '.repeat(hang ? labelWidth : 0));
  const rest = ' '.repeat(base + (hang ? labelWidth : 0));
  return wrapParagraph(block.text, first, rest, layout.wrap, layout.hyphenate);
}

function tableLines(rows: string[][], md: boolean): string[] {
  if (md) {
    const line = (r: string[]) => `| ${r.join(' | ')} |`;
    return [line(rows[0]!), line(rows[0]!.map(() => '---')), ...rows.slice(1).map(line)];
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('   ').trimEnd());
}

function bodyLines(blocks: DocBlock[], layout: Layout, md: boolean): string[] {
  const out: string[] = [];
  blocks.forEach((block, i) => {
    if (block.kind === 'heading') out.push(md ? `${block.level === 1 ? '##' : '###'} ${block.text}` : block.text);
    else if (block.kind === 'para') out.push(...paraLines(block, layout, md));
    else if (block.kind === 'lines') out.push(...block.lines);
    else out.push(...tableLines(block.rows, md));
    const next = blocks[i + 1];
    // Compact lists: no blank line between one list item and the next.
    if (!(layout.compactItems && block.kind === 'para' && block.level > 0 && next?.kind === 'para' && next.level > 0)) out.push('');
  });
  return out;
}

/** Cuts the body into pages of `pages.lines` lines, each with its running header and footer. */
function paginate(lines: string[], layout: Layout): string[] {
  const pages = layout.pages;
  if (!pages) return lines;
  const chunks: string[][] = [];
  for (let i = 0; i < lines.length; i += pages.lines) chunks.push(lines.slice(i, i + pages.lines));
  const out: string[] = [];
  chunks.forEach((chunk, i) => {
    const page = (s: string) => fill(fill(s, 'n', String(i + 1)), 'm', String(chunks.length));
    out.push(...pages.header.map(page), ...(pages.header.length ? [''] : []), ...chunk);
    out.push(...(pages.footer.length ? ['', ...pages.footer.map(page)] : []));
    if (pages.formFeed && i < chunks.length - 1) out.push('\f');
  });
  return out;
}

/** The file's bytes, in the layout's encoding and line endings. */
export function renderText(blocks: DocBlock[], layout: Layout): Buffer {
  const md = layout.format === 'md';
  const lines = paginate(bodyLines(blocks, layout, md), layout);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const text = lines.join(layout.eol === 'crlf' ? '\r\n' : '\n').replace(/\n\f\r?\n/g, '\n\f') + (layout.eol === 'crlf' ? '\r\n' : '\n');
  if (layout.encoding === 'windows-1252') return encodeWindows1252(text);
  return Buffer.from(layout.encoding === 'utf8-bom' ? `\uFEFF${text}` : text, 'utf8');
}
