/** Turns a content file and its layout into printed blocks: numbered paragraphs, headings, items, verbatim lines, tables. */
import type { ContentFile } from '../../src/protocol/content-schema';
import type { Block, Layout } from './layout-schema';

type Clause = ContentFile['clauses'][number];

export type DocBlock =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  /** level 0 = clause, 1 = item, 2 = sub-item; label '' = a further paragraph aligned with the text above. */
  | { kind: 'para'; label: string; text: string; level: 0 | 1 | 2 }
  | { kind: 'lines'; lines: string[] }
  | { kind: 'table'; rows: string[][] };

export function fill(template: string, key: string, value: string): string {
  return template.split(`{${key}}`).join(value);
}

/** The clause number as the document prints it, from the template for the id's depth. */
export function printedNumber(id: string, layout: Layout): string {
  const depth = id.split('.').length;
  const template = layout.numbers[Math.min(depth, layout.numbers.length) - 1]!;
  return fill(template, 'id', id);
}

function headingText(heading: string, level: 1 | 2, layout: Layout): string {
  return level === 1 && layout.headingCase === 'upper' ? heading.toUpperCase() : heading;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function itemLabel(label: string, clauseId: string, sub: boolean, layout: Layout): string {
  if (/^\d+$/.test(label)) {
    if (!sub && layout.numberedItems.includes(clauseId)) return fill(layout.numberedItem, 'label', label);
    return sub ? layout.subBullet : layout.bullet;
  }
  return fill(sub ? layout.sub : layout.item, 'label', label);
}

function bodyBlocks(clause: Clause, firstLabel: string, layout: Layout): DocBlock[] {
  const out: DocBlock[] = [];
  paragraphs(clause.text).forEach((p, i) => out.push({ kind: 'para', label: i === 0 ? firstLabel : '', text: p, level: 0 }));
  if (out.length === 0 && clause.items.length > 0 && firstLabel) out.push({ kind: 'para', label: firstLabel, text: '', level: 0 });
  for (const item of clause.items) {
    out.push({ kind: 'para', label: itemLabel(item.label, clause.id, false, layout), text: item.text.replace(/\s+/g, ' '), level: 1 });
    for (const sub of item.items ?? []) {
      out.push({ kind: 'para', label: itemLabel(sub.label, clause.id, true, layout), text: sub.text.replace(/\s+/g, ' '), level: 2 });
    }
  }
  for (const p of paragraphs(clause.tail)) out.push({ kind: 'para', label: '', text: p, level: 0 });
  return out;
}

function extraBlocks(blocks: Block[]): DocBlock[] {
  return blocks.map((b) => ('lines' in b ? { kind: 'lines', lines: b.lines } : { kind: 'table', rows: b.table }));
}

/** Every block of the document in reading order. */
export function documentBlocks(content: ContentFile, layout: Layout): DocBlock[] {
  const out: DocBlock[] = extraBlocks(layout.preamble);
  let lastHeading: string | undefined;
  for (const clause of content.clauses) {
    const number = printedNumber(clause.id, layout);
    const hasBody = Boolean(clause.text || clause.items.length || clause.tail);
    const depth = clause.id.split('.').length;
    if (layout.headings === 'above') {
      if (clause.heading && clause.heading !== lastHeading) {
        out.push({ kind: 'heading', text: headingText(clause.heading, 1, layout), level: 1 });
        lastHeading = clause.heading;
      }
      out.push(...bodyBlocks(clause, number, layout));
    } else if (clause.heading && (depth === 1 || !hasBody)) {
      const level = depth === 1 ? 1 : 2;
      out.push({ kind: 'heading', text: `${number} ${headingText(clause.heading, level, layout)}`, level });
      out.push(...bodyBlocks(clause, '', layout));
    } else {
      if (clause.heading) out.push({ kind: 'heading', text: clause.heading, level: 2 });
      out.push(...bodyBlocks(clause, number, layout));
    }
  }
  return [...out, ...extraBlocks(layout.trailer)];
}
