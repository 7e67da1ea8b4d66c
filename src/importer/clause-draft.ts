/** One clause as the importer builds it line by line: text paragraphs, list items, then tail paragraphs. */
import type { ContentFile } from '../protocol/content-schema';
import { collapseSpaces } from './line-patterns';
import { continuesLine } from './line-wrapping';

type ContentClause = ContentFile['clauses'][number];

interface Paragraph {
  text: string;
  lastLine: string;
}

interface DraftItem extends Paragraph {
  label: string;
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
  ) {}

  /** Adds a line of running text: it joins the paragraph or item it continues, else starts a new paragraph. */
  addText(line: string): void {
    const item = this.items.at(-1);
    if (this.inItem && item) {
      if (continuesLine(item.lastLine, line, this.width)) return append(item, line);
      this.inItem = false;
    }
    const paras = this.items.length > 0 ? this.tailParas : this.textParas;
    const last = paras.at(-1);
    if (last && continuesLine(last.lastLine, line, this.width)) return append(last, line);
    paras.push({ text: collapseSpaces(line), lastLine: line });
  }

  /** Starts a list item; bullets (no label) are numbered 1, 2, ... in order. */
  addItem(label: string | undefined, line: string): void {
    if (this.tailParas.length > 0) this.listAfterTail = true;
    this.items.push({ label: label ?? String(++this.bulletCount), text: collapseSpaces(line), lastLine: line });
    this.inItem = true;
  }

  /** Adds an item whose wrapped lines are already grouped; later text cannot continue it. */
  addWrappedItem(label: string | undefined, lines: readonly string[]): void {
    this.addItem(label, lines.join(' '));
    this.inItem = false;
  }

  toContent(): ContentClause {
    return {
      id: this.id,
      ...(this.heading ? { heading: this.heading } : {}),
      text: this.textParas.map((p) => p.text).join('\n\n'),
      items: this.items.map((i) => ({ label: i.label, text: i.text })),
      tail: this.tailParas.map((p) => p.text).join('\n\n'),
    };
  }
}

function append(para: Paragraph, line: string): void {
  para.text = collapseSpaces(`${para.text} ${line}`);
  para.lastLine = line;
}
