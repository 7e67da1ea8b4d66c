/**
 * The text of an RTF's body: its groups walked with the state RTF keeps (character formatting undone at a
 * group's end, paragraph formatting kept until `\pard`), text decoded through the font's code page, `\uN`
 * with its `\ucN` stand-in characters skipped, and the destinations that are not the document's text kept out.
 */
import type { WordNumbering } from './docx-numbering';
import { decodeBytes } from './rtf-code-pages';
import { destinationOf, type RtfGroup } from './rtf-syntax';

/** Destinations that are never the document's text: tables of fonts, colours, styles and lists, field codes. */
const SKIPPED = new Set(['fonttbl', 'colortbl', 'stylesheet', 'info', 'listtable', 'listoverridetable', 'revtbl', 'fldinst', 'nonshppict', 'pn', 'pntxta', 'pntxtb', 'xe', 'tc', 'tcn', 'txe', 'rxe', 'pgdsctbl', 'filetbl', 'ftnsep', 'ftnsepc', 'aftnsep', 'aftnsepc', 'template']);
const PICTURES = new Set(['pict', 'shppict', 'shp', 'shpgrp', 'object', 'do']);
const PAGE_FURNITURE = new Set(['header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf']);
/** Groups holding the number Word shows before a list paragraph. */
const LIST_TEXT = new Set(['listtext', 'pntext']);
const CHARACTERS: Record<string, string> = {
  lquote: '\u2018', rquote: '\u2019', ldblquote: '\u201C', rdblquote: '\u201D', endash: '\u2013', emdash: '\u2014', bullet: '\u2022',
  tab: '\t', line: ' ', page: ' ', column: ' ', emspace: ' ', enspace: ' ', qmspace: ' ', nestcell: ' ', nestrow: ' ',
};
const SYMBOLS: Record<string, string> = { '~': ' ', _: '-' };

export interface RtfContext {
  codePage: number;
  /** Font number -> the code page its text is written in. */
  fonts: Map<number, number>;
  defaultFont?: number;
  numbering?: WordNumbering;
}

/** Character formatting, which a group's end undoes. */
interface CharState {
  uc: number;
  font?: number;
  bold: boolean;
  hidden: boolean;
  deleted: boolean;
  /** Inside {\listtext}: the text is the paragraph's number. */
  label: boolean;
}

/** A table row: each cell's paragraphs, and whether it is a header row (marked to repeat, or all bold). */
export interface Row {
  cells: string[][];
  header: boolean;
  bold: boolean;
}

/** A paragraph's line, or a table's rows. */
export type Block = string | Row[];

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Walks an RTF's groups as Word reads them: paragraphs (each with the list number shown before it) and
 * tables in order, with what was kept out of them (headers and footers, footnotes, pictures) for the notes.
 */
export class RtfParagraphs {
  readonly blocks: Block[] = [];
  private readonly furniture: string[] = [];
  private readonly footnotes: string[] = [];
  private pictures = 0;
  private numberedFromLists = 0;
  private text = '';
  private label = '';
  // Paragraph formatting lasts until the next \pard, whatever the groups.
  private list?: number;
  private level = 0;
  private inTable = false;
  private cell: string[] = [];
  private row: string[][] = [];
  private rows: Row[] = [];
  private rowHeader = false;
  private rowText = false;
  private rowPlain = false;

  constructor(private readonly context: RtfContext) {}

  read(root: RtfGroup): void {
    this.group(root, { uc: 1, font: this.context.defaultFont, bold: false, hidden: false, deleted: false, label: false });
    if (collapse(this.text + this.label) !== '') this.endParagraph(this.inTable);
    if (this.cell.length || this.row.length) this.endRow();
    this.endTable();
  }

  /** What was left out, for the reviewer. */
  notes(): string[] {
    const notes: string[] = [];
    if (this.furniture.length) notes.push(`Left out the page headers and footers (${this.furniture.length} line(s)): "${this.furniture.join(' / ').slice(0, 160)}". Check none of it is protocol text.`);
    if (this.footnotes.length) notes.push(`Left out ${this.footnotes.length} footnote(s): "${this.footnotes.map((t) => t.slice(0, 60)).join(' / ')}". Check none of it is protocol text.`);
    if (this.pictures) notes.push(`Left out ${this.pictures} picture(s), drawing(s) or embedded object(s); check none of them held protocol text.`);
    if (this.numberedFromLists) {
      notes.push(`Numbered ${this.numberedFromLists} list paragraph(s) from the document's list definitions, as the file does not store the numbers it shows; check the clause numbers.`);
    }
    return notes;
  }

  private group(group: RtfGroup, parent: CharState): void {
    const listText = LIST_TEXT.has(destinationOf(group).name ?? '');
    if (!listText && this.leftOut(group)) return;
    const state = { ...parent, label: parent.label || listText };
    let skip = 0;
    let bytes: number[] = [];
    const flushBytes = () => {
      if (bytes.length) this.emit(decodeBytes(bytes, this.codePageOf(state)), state);
      bytes = [];
    };
    for (const node of group.children) {
      if (node.kind === 'byte') {
        if (skip > 0) skip--;
        else bytes.push(node.value);
        continue;
      }
      // A character in a double-byte or UTF-8 code page is written as several \'hh in a row: decoded together.
      flushBytes();
      if (node.kind === 'group') {
        skip = 0;
        this.group(node, state);
      } else if (node.kind === 'text') {
        const text = node.text.slice(skip);
        skip = Math.max(0, skip - node.text.length);
        this.emit(text, state);
      } else if (skip > 0) {
        skip--;
      } else if (node.kind === 'symbol') {
        this.emit(SYMBOLS[node.char] ?? '', state);
      } else if (node.name === 'u' && node.param !== undefined) {
        this.emit(String.fromCharCode(node.param < 0 ? node.param + 65536 : node.param), state);
        // The \uc characters after \uN are its stand-in for readers without Unicode.
        skip = state.uc;
      } else {
        this.word(node.name, node.param, state);
      }
    }
    flushBytes();
  }

  /** Whether the group is one whose text is not the document's (counting what the reviewer is told of). */
  private leftOut(group: RtfGroup): boolean {
    const { name = '', optional } = destinationOf(group);
    if (PAGE_FURNITURE.has(name)) this.furniture.push(...this.aside(group));
    else if (name === 'footnote') this.footnotes.push(this.aside(group).join(' '));
    else if (PICTURES.has(name)) this.pictures++;
    // Every other {\* …} group is one a reader may skip: none holds text a reader shows.
    else return optional || SKIPPED.has(name);
    return true;
  }

  private word(name: string, param: number | undefined, state: CharState): void {
    const on = param !== 0;
    const char = CHARACTERS[name];
    if (char !== undefined) return this.emit(char, state);
    // The paragraph formatting inside {\listtext} (LibreOffice writes \pard there) is the number's own.
    if (state.label && (name === 'pard' || name === 'ls' || name === 'ilvl' || name === 'intbl')) return;
    switch (name) {
      case 'par':
      case 'sect':
        return this.endParagraph(this.inTable);
      case 'cell':
        this.endParagraph(true);
        this.row.push(this.cell);
        this.cell = [];
        return;
      case 'row':
        return this.endRow();
      case 'trowd':
        this.rowHeader = false;
        return;
      case 'trhdr':
        this.rowHeader = true;
        return;
      case 'pard':
        this.list = undefined;
        this.level = 0;
        this.inTable = false;
        return;
      case 'ls':
        this.list = param;
        return;
      case 'ilvl':
        this.level = param ?? 0;
        return;
      case 'intbl':
        this.inTable = true;
        return;
      case 'itap':
        this.inTable = (param ?? 1) > 0;
        return;
      case 'uc':
        state.uc = param ?? 1;
        return;
      case 'f':
        state.font = param;
        return;
      case 'b':
        state.bold = on;
        return;
      case 'v':
      case 'webhidden':
        state.hidden = on;
        return;
      case 'deleted':
        state.deleted = on;
        return;
      case 'plain':
        Object.assign(state, { font: this.context.defaultFont, bold: false, hidden: false, deleted: false });
        return;
    }
  }

  private codePageOf(state: CharState): number {
    return (state.font !== undefined && this.context.fonts.get(state.font)) || this.context.codePage;
  }

  private emit(text: string, state: CharState): void {
    if (text === '' || state.hidden || state.deleted) return;
    if (state.label) {
      this.label += text;
      return;
    }
    this.text += text;
    if (this.inTable && /\S/.test(text)) {
      this.rowText = true;
      if (!state.bold) this.rowPlain = true;
    }
  }

  /** Ends a paragraph: its line (its number before its text) into the current cell, or the document. */
  private endParagraph(intoCell: boolean): void {
    const text = collapse(this.text);
    let label = collapse(this.label) || undefined;
    this.text = '';
    this.label = '';
    if (this.list !== undefined && this.context.numbering) {
      const shown = this.context.numbering.next(String(this.list), this.level);
      // A bullet is written in a symbol font: the importer's own glyphs say which level it is.
      if (shown === '\u2022' || shown === 'o') label = shown;
      else if (!label && shown) {
        label = shown;
        if (text !== '') this.numberedFromLists++;
      }
    }
    if (text === '' && label) return;
    const line = label ? `${label} ${text}` : text;
    if (intoCell) {
      if (line !== '') this.cell.push(line);
      return;
    }
    this.endTable();
    this.blocks.push(line);
  }

  private endRow(): void {
    if (this.cell.length) this.row.push(this.cell);
    this.rows.push({ cells: this.row, header: this.rowHeader, bold: this.rowText && !this.rowPlain });
    this.cell = [];
    this.row = [];
    this.rowText = false;
    this.rowPlain = false;
  }

  private endTable(): void {
    if (this.rows.length) this.blocks.push(this.rows);
    this.rows = [];
  }

  /** The text of a group kept out of the document (a header, a footnote), as lines. */
  private aside(group: RtfGroup): string[] {
    const reader = new RtfParagraphs(this.context);
    reader.read({ kind: 'group', children: group.children.slice(1) });
    return reader.blocks.flatMap((b) => (typeof b === 'string' ? [b] : b.flatMap((r) => r.cells.flat()))).filter((l) => l.trim() !== '');
  }
}
