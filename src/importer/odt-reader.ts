/**
 * Reads an OpenDocument text file (.odt, from LibreOffice or OpenOffice Writer): paragraphs and headings
 * with the numbers Writer shows (its outline numbering on headings, its list styles on lists), tracked
 * deletions, comments and footnotes left out, tables left out unless a clause introduces them.
 */
import { strFromU8, unzipSync } from 'fflate';
import { IMPORT_MESSAGES as M, ImportError } from './import-error';
import { tableAsList, tableLeftOutNote } from './boilerplate';
import type { DocumentText } from './document-text';
import { format } from './docx-numbering';
import { parseXml, type XmlNode } from './ooxml';

const PARTS = ['content.xml', 'styles.xml', 'mimetype'];

/** One level of a list or outline style: how its number is written. */
interface LevelStyle {
  /** Word's name for the format, or 'bullet' / 'none'. */
  format: string;
  prefix: string;
  suffix: string;
  /** How many levels the number shows ("1.2.3" shows three). */
  display: number;
  start: number;
}

const FORMATS: Record<string, string> = { '1': 'decimal', a: 'lowerLetter', A: 'upperLetter', i: 'lowerRoman', I: 'upperRoman' };
/** Elements whose text is not the document's: deleted text, comments, footnotes, frames, the change log. */
const SKIPPED = new Set(['text:number', 'text:tracked-changes', 'office:annotation', 'text:note', 'draw:frame', 'draw:custom-shape', 'text:sequence-decls', 'office:forms']);

export function readOdt(bytes: Uint8Array): DocumentText {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => PARTS.includes(f.name) });
  } catch (err) {
    throw new ImportError(M.damagedOdt(), { cause: err });
  }
  const mimetype = files.mimetype ? strFromU8(files.mimetype).trim() : '';
  if (mimetype && mimetype !== 'application/vnd.oasis.opendocument.text') throw new ImportError(/spreadsheet/.test(mimetype) ? M.spreadsheet() : M.notOdt());
  if (!files['content.xml']) throw new ImportError(M.damagedOdt());
  let content: XmlNode[];
  let styles: XmlNode[];
  try {
    content = parseXml(strFromU8(files['content.xml']));
    styles = files['styles.xml'] ? parseXml(strFromU8(files['styles.xml'])) : [];
  } catch (err) {
    throw new ImportError(M.damagedOdt(), { cause: err });
  }
  const lists = listStyles([...content, ...styles]);
  const outline = outlineStyle(styles) ?? outlineStyle(content);
  const body = findAll(content, 'office:text')[0];
  if (!body) throw new ImportError(M.damagedOdt());
  const reader = new OdtReader(lists, outline);
  reader.blocks(body.children);
  return { lines: reader.lines, notes: reader.notes, unwrapped: true, format: 'Word' };
}

class OdtReader {
  readonly lines: string[] = [];
  readonly notes: string[] = [];
  /** Counters per list style (continued lists share them) and for the outline. */
  private readonly counters = new Map<string, number[]>();
  private readonly outlineCounters: number[] = [];

  constructor(
    private readonly lists: Map<string, Map<number, LevelStyle>>,
    private readonly outline: Map<number, LevelStyle> | undefined,
  ) {}

  blocks(nodes: readonly XmlNode[]): void {
    for (const node of nodes) {
      if (SKIPPED.has(node.tag)) continue;
      if (node.tag === 'text:p') this.push(inlineText(node.children));
      else if (node.tag === 'text:h') this.heading(node);
      else if (node.tag === 'text:list') this.list(node, undefined, 1);
      else if (node.tag === 'table:table') this.table(node);
      else if (node.tag === 'text:section' || node.tag === 'text:index-body' || node.tag === 'text:soft-page-break') this.blocks(node.children);
    }
  }

  private push(text: string, label?: string): void {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t === '') {
      if (!label) this.lines.push('');
      return;
    }
    this.lines.push(label ? `${label} ${t}` : t);
  }

  /** A heading, numbered by the outline style at its level (unless it is an unnumbered heading). */
  private heading(node: XmlNode, label?: string): void {
    const level = Number(node.attrs['text:outline-level'] ?? '1');
    const numbered = label === undefined && node.attrs['text:is-list-header'] !== 'true' ? this.outline?.get(level) : undefined;
    if (numbered && numbered.format !== 'none') {
      advance(this.outlineCounters, level, numbered.start);
      label = numberText(this.outline!, this.outlineCounters, level);
    }
    // Writer may store the number it shows (text:number): that is the number, not more of the text.
    this.push(inlineText(node.children), written(node) ?? label);
  }

  /**
   * A list's items with the numbers its style gives them (its own, or the style of the list it is nested in);
   * a list continues its style's count when Writer says so.
   */
  private list(node: XmlNode, inherited: string | undefined, level: number): void {
    const style = node.attrs['text:style-name'] ?? inherited;
    const key = style ?? '';
    const continues = node.attrs['text:continue-numbering'] === 'true' || node.attrs['text:continue-list'] !== undefined;
    if (level === 1 && !continues) this.counters.set(key, []);
    const counters = this.counters.get(key) ?? this.counters.set(key, []).get(key)!;
    const levels = style ? this.lists.get(style) : undefined;
    for (const item of node.children) {
      if (item.tag !== 'text:list-item' && item.tag !== 'text:list-header') continue;
      let label: string | undefined;
      const lvl = levels?.get(level);
      if (item.tag === 'text:list-item' && lvl) {
        const start = item.attrs['text:start-value'];
        advance(counters, level, lvl.start, start === undefined ? undefined : Number(start));
        label = lvl.format === 'bullet' ? (level > 1 ? 'o' : '•') : lvl.format === 'none' ? undefined : numberText(levels!, counters, level);
      }
      let first = true;
      for (const c of item.children) {
        if (c.tag === 'text:list') this.list(c, style, level + 1);
        else if (c.tag === 'text:h') this.heading(c, first ? label : undefined);
        else if (c.tag === 'text:p') this.push(inlineText(c.children), written(c) ?? (first ? label : undefined));
        else continue;
        first = false;
      }
    }
  }

  private table(node: XmlNode): void {
    const rows = findAll(node.children, 'table:table-row').map((row) =>
      row.children.filter((c) => c.tag === 'table:table-cell').map((cell) => inlineText(findAll(cell.children, 'text:p').flatMap((p) => [...p.children, SPACE])).replace(/\s+/g, ' ').trim()),
    );
    const kept = tableAsList(this.lines, rows);
    if (kept) this.notes.push(kept.note);
    else this.notes.push(tableLeftOutNote(rows.length, rows[0] ?? []));
    this.lines.push(...(kept?.lines ?? []), '');
  }
}

/** Counts one more at a level (or sets it, where an item gives its own start value); the levels below start again. */
function advance(counters: number[], level: number, start: number, value?: number): void {
  counters[level - 1] = value ?? (counters[level - 1] ?? start - 1) + 1;
  counters.length = level;
}

const SPACE: XmlNode = { tag: '#text', attrs: {}, children: [], text: ' ' };

/** A number as the level shows it: its prefix, the last `display` levels' counters in their formats, its suffix. */
function numberText(levels: Map<number, LevelStyle>, counters: readonly number[], level: number): string {
  const lvl = levels.get(level)!;
  const parts: string[] = [];
  for (let l = Math.max(1, level - lvl.display + 1); l <= level; l++) {
    const f = levels.get(l)?.format ?? 'decimal';
    parts.push(format(counters[l - 1] ?? levels.get(l)?.start ?? 1, f === 'bullet' || f === 'none' ? 'decimal' : f));
  }
  return `${lvl.prefix}${parts.join('.')}${lvl.suffix}`;
}

/** The number Writer stored in a paragraph or heading, if it did. */
function written(node: XmlNode): string | undefined {
  const n = node.children.find((c) => c.tag === 'text:number');
  return n?.children.map((c) => c.text ?? '').join('').trim() || undefined;
}

/** Visible text: spans, links and fields read through; spaces, tabs and line breaks as spaces. */
function inlineText(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.tag === '#text') out += n.text ?? '';
    else if (n.tag === 'text:s') out += ' '.repeat(Number(n.attrs['text:c'] ?? '1'));
    else if (n.tag === 'text:tab' || n.tag === 'text:line-break') out += ' ';
    else if (!SKIPPED.has(n.tag)) out += inlineText(n.children);
  }
  return out;
}

function findAll(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  return nodes.flatMap((n) => (n.tag === tag ? [n] : findAll(n.children, tag)));
}

function levelStyle(node: XmlNode): LevelStyle {
  const bullet = node.tag === 'text:list-level-style-bullet';
  const fmt = node.attrs['style:num-format'] ?? '';
  return {
    format: bullet ? 'bullet' : (FORMATS[fmt] ?? 'none'),
    prefix: node.attrs['style:num-prefix'] ?? '',
    suffix: node.attrs['style:num-suffix'] ?? '',
    display: Number(node.attrs['text:display-levels'] ?? '1'),
    start: Number(node.attrs['text:start-value'] ?? '1'),
  };
}

function listStyles(roots: readonly XmlNode[]): Map<string, Map<number, LevelStyle>> {
  const out = new Map<string, Map<number, LevelStyle>>();
  for (const style of findAll(roots, 'text:list-style')) {
    const levels = new Map<number, LevelStyle>();
    for (const l of style.children) if (l.tag.startsWith('text:list-level-style-')) levels.set(Number(l.attrs['text:level']), levelStyle(l));
    out.set(style.attrs['style:name'] ?? '', levels);
  }
  return out;
}

function outlineStyle(roots: readonly XmlNode[]): Map<number, LevelStyle> | undefined {
  const style = findAll(roots, 'text:outline-style')[0];
  if (!style) return undefined;
  const levels = new Map<number, LevelStyle>();
  for (const l of style.children) if (l.tag === 'text:outline-level-style') levels.set(Number(l.attrs['text:level']), levelStyle(l));
  return levels;
}
