/** One clause as the importer builds it line by line: text paragraphs, list items (one nesting level), then tail paragraphs. */
import type { ContentFile } from '../protocol/content-schema';
import { collapseSpaces, isSubBullet } from './line-patterns';
import { continuesLine } from './line-wrapping';
import { joinHyphenated, type HyphenContext } from './hyphenation';
import { splitInlineList } from './inline-items';

type ContentClause = ContentFile['clauses'][number];

interface Paragraph {
  text: string;
  lastLine: string;
}

interface DraftItem extends Paragraph {
  label: string;
  kind: string;
  subs: DraftItem[];
}

const ROMAN = /^[ivx]{1,4}$/;

/** What sort of label an item has: letters, roman numerals, digits, or bullets of one glyph. */
function labelKind(label: string | undefined, glyph: string | undefined): string {
  if (label === undefined) return `bullet:${isSubBullet(glyph) ? 'sub' : (glyph ?? '')}`;
  if (/^\d+$/.test(label)) return 'digit';
  const upper = label === label.toUpperCase() ? 'upper-' : '';
  if (ROMAN.test(label.toLowerCase())) return label.length === 1 ? 'roman-or-letter' : `${upper}roman`;
  if (upper) return 'upper-letter';
  return 'letter';
}

/** "i", "v" or "x": a letter when it follows the previous letter, else a roman numeral (under (c), or after (iv)). */
function romanOrLetter(label: string, top: DraftItem | undefined, topKind: string | undefined): string {
  if (!top) return label === 'i' ? 'roman' : 'letter';
  if (topKind === 'roman' || top.subs.some((s) => s.kind === 'roman')) return 'roman';
  if (topKind === 'letter' && label === nextLetter(top.label)) return 'letter';
  return label === 'i' ? 'roman' : 'letter';
}

function nextLetter(label: string): string {
  return String.fromCharCode(label.charCodeAt(0) + 1);
}

export class ClauseDraft {
  heading?: string;
  private readonly textParas: Paragraph[] = [];
  private readonly items: DraftItem[] = [];
  private readonly tailParas: Paragraph[] = [];
  /** True while text lines may still continue the last list item. */
  private inItem = false;
  private bulletCount = 0;
  /** Set when a list starts after the tail began; the content format cannot keep that order. */
  listAfterTail = false;

  constructor(
    readonly id: string,
    private readonly width: number,
    /** The document's text, to tell a word split across lines ("reas-" / "onably") from a real hyphen. */
    private readonly hyphens: HyphenContext = { corpus: '' },
  ) {}

  get hasContent(): boolean {
    return this.textParas.length > 0 || this.items.length > 0;
  }

  /** Adds a line of running text: it joins the paragraph or item it continues, else starts a new paragraph. */
  addText(line: string): void {
    const item = this.lastItem();
    if (this.inItem && item) {
      if (!this.listEnded(item, line) && continuesLine(item.lastLine, line, this.width)) return append(item, line, this.hyphens);
      this.inItem = false;
    }
    const paras = this.items.length > 0 ? this.tailParas : this.textParas;
    const last = paras.at(-1);
    if (last && continuesLine(last.lastLine, line, this.width)) return append(last, line, this.hyphens);
    paras.push({ text: collapseSpaces(line), lastLine: line });
  }

  /** Starts a list item; bullets (no label) are numbered 1, 2, ... in order. Other kinds under an item nest. */
  addItem(label: string | undefined, line: string, glyph?: string): void {
    if (this.tailParas.length > 0) this.listAfterTail = true;
    const top = this.items.at(-1);
    const topKind = this.items[0]?.kind;
    let kind = labelKind(label, glyph);
    if (kind === 'roman-or-letter') {
      kind = romanOrLetter(label!.toLowerCase(), top && { ...top, label: top.label.toLowerCase(), kind: top.kind.replace('upper-', '') }, topKind?.replace('upper-', ''));
      if (label !== label!.toLowerCase()) kind = `upper-${kind}`;
    }
    if (top && kind !== topKind) {
      const count = top.subs.filter((s) => s.kind.startsWith('bullet')).length;
      top.subs.push(newItem(label ?? String(count + 1), kind, line));
    } else {
      this.items.push(newItem(label ?? String(++this.bulletCount), kind, line));
    }
    this.inItem = true;
  }

  /** Adds an item whose wrapped lines are already grouped; later text cannot continue it. */
  addWrappedItem(label: string | undefined, lines: readonly string[]): void {
    this.addItem(label, lines.join(' '));
    this.inItem = false;
  }

  /**
   * A list of phrases each ending ";" ends with the item that ends with a full stop: a capitalised
   * line after it is the text after the list, not more of that item ("iv) questions about invoices
   * (Responsible Financial Officer)." / "Anything else should go to the Town Clerk.").
   */
  private listEnded(item: DraftItem, line: string): boolean {
    const siblings = this.items.includes(item) ? this.items : (this.items.at(-1)?.subs ?? []);
    const phrases = siblings.slice(0, -1);
    return (
      phrases.length > 0 &&
      phrases.every((s) => /[;,](?:\s*(?:and|or))?$/.test(s.text)) &&
      /[.!?]["”’)]?$/.test(item.text) &&
      /^\s*[A-Z]/.test(line)
    );
  }

  private lastItem(): DraftItem | undefined {
    const top = this.items.at(-1);
    return top?.subs.at(-1) ?? top;
  }

  toContent(): ContentClause {
    const inline = this.items.length === 0 ? splitInlineList(this.textParas.at(-1)?.text ?? '') : undefined;
    if (inline) {
      return {
        id: this.id,
        ...(this.heading ? { heading: this.heading } : {}),
        text: [...this.textParas.slice(0, -1).map((p) => p.text), inline.lead].join('\n\n'),
        items: inline.items,
        tail: '',
      };
    }
    return {
      id: this.id,
      ...(this.heading ? { heading: this.heading } : {}),
      text: this.textParas.map((p) => p.text).join('\n\n'),
      items: this.items.map((i) => ({
        label: i.label,
        text: i.text,
        ...(i.subs.length > 0 ? { items: i.subs.map((s) => ({ label: s.label, text: s.text })) } : {}),
      })),
      tail: this.tailParas.map((p) => p.text).join('\n\n'),
    };
  }
}

function newItem(label: string, kind: string, line: string): DraftItem {
  return { label, kind, text: collapseSpaces(line), lastLine: line, subs: [] };
}

function append(para: Paragraph, line: string, hyphens: HyphenContext): void {
  const next = line.trim();
  para.text = /\p{L}-$/u.test(para.text) && /^\p{Ll}/u.test(next) ? collapseSpaces(joinHyphenated(para.text, next, hyphens)) : collapseSpaces(`${para.text} ${line}`);
  para.lastLine = line;
}
