/**
 * Renders a content file as a Word document whose clause numbers and item letters come from Word's own
 * numbering definitions (not typed into the text), with Heading styles, a running header and footer and,
 * when the layout has one, a real table.
 */
import {
  AlignmentType, Document, Footer, Header, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, Tab, TabStopType, Table,
  TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import type { ContentFile } from '../../src/protocol/content-schema';
import type { Block, Layout } from './layout-schema';
import { FIXED_DATE } from './render-pdf';
import { checkWordNumbering, type NumberedParagraph } from './word-numbering';

type Clause = ContentFile['clauses'][number];
type DocxLayout = NonNullable<Layout['docx']>;

const FORMATS = {
  decimal: LevelFormat.DECIMAL, lowerLetter: LevelFormat.LOWER_LETTER, lowerRoman: LevelFormat.LOWER_ROMAN, bullet: LevelFormat.BULLET,
} as const;
const STEP = 720; // twips: half an inch a level

function numberingConfig(docx: DocxLayout) {
  const levels = (defs: DocxLayout['levels'], clauseLevels: number) =>
    defs.map((d, level) => ({
      level,
      format: FORMATS[d.format],
      text: d.text,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: STEP * (Math.max(0, level - clauseLevels + 1) + 1), hanging: STEP } } },
    }));
  const clauseLevels = docx.levels.length - 2;
  return {
    config: [
      { reference: 'clauses', levels: levels(docx.levels, clauseLevels) },
      { reference: 'bullets', levels: levels(docx.bulletLevels, 0) },
    ],
  };
}

function runs(text: string): TextRun[] {
  return [new TextRun(text)];
}

function running(lines: string[], footer: boolean): Paragraph[] {
  return lines.map((line) => {
    const parts = line.split('\t');
    const children: TextRun[] = [];
    parts.forEach((part, i) => {
      if (i > 0) children.push(new TextRun({ children: [new Tab()] }));
      // {n} and {m} become Word page-number fields, so the numbers are Word's own.
      part.split(/(\{n\}|\{m\})/).forEach((bit) => {
        if (bit === '{n}') children.push(new TextRun({ children: [PageNumber.CURRENT], size: 16 }));
        else if (bit === '{m}') children.push(new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }));
        else if (bit) children.push(new TextRun({ text: bit, size: 16 }));
      });
    });
    return new Paragraph({ children, tabStops: [{ type: TabStopType.RIGHT, position: 9026 }], ...(footer ? {} : { spacing: { after: 120 } }) });
  });
}

function extra(blocks: Block[]): (Paragraph | Table)[] {
  return blocks.flatMap((b) => {
    if ('lines' in b) return [...b.lines.map((l) => new Paragraph({ children: runs(l) })), new Paragraph('')];
    const rows = b.table.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: row.map((cell) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: cell, bold: r === 0 })] })] })),
        }),
    );
    return [new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }), new Paragraph('')];
  });
}

/** Paragraphs for one clause; `numbered` records what Word will number, to check against the clause ids. */
function clauseParagraphs(clause: Clause, layout: Layout, state: { lastHeading?: string }, numbered: NumberedParagraph[]): Paragraph[] {
  const docx = layout.docx!;
  const clauseLevels = docx.levels.length - 2;
  const level = clause.id.split('.').length - 1;
  const out: Paragraph[] = [];
  const num = (lvl: number, ref: 'clauses' | 'bullets' = 'clauses') => ({ numbering: { reference: ref, level: lvl } });
  const indentOf = (lvl: number) => ({ indent: { left: STEP * (Math.max(0, lvl - clauseLevels + 1) + 1) } });
  const body = clause.text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  let numberedFirst = true;
  if (layout.headings === 'above') {
    if (clause.heading && clause.heading !== state.lastHeading) {
      out.push(new Paragraph({ text: clause.heading, heading: HeadingLevel.HEADING_2 }));
      state.lastHeading = clause.heading;
    }
  } else if (clause.heading && (level === 0 || (!body.length && !clause.items.length))) {
    out.push(new Paragraph({ text: clause.heading, heading: level === 0 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, ...num(level) }));
    numbered.push({ level, expect: clause.id });
    numberedFirst = false;
  } else if (clause.heading) {
    out.push(new Paragraph({ text: clause.heading, heading: HeadingLevel.HEADING_3 }));
  }
  body.forEach((p, i) => {
    const first = i === 0 && numberedFirst;
    out.push(new Paragraph({ children: runs(p), spacing: { after: 120 }, ...(first ? num(level) : indentOf(level)) }));
    if (first) numbered.push({ level, expect: clause.id });
  });
  if (!body.length && numberedFirst && clause.items.length) throw new Error(`clause ${clause.id}: a list needs lead-in text in DOCX`);
  for (const item of clause.items) {
    const bullet = /^\d+$/.test(item.label);
    out.push(new Paragraph({ children: runs(item.text.replace(/\s+/g, ' ')), spacing: { after: 60 }, ...(bullet ? num(0, 'bullets') : num(clauseLevels)) }));
    if (!bullet) numbered.push({ level: clauseLevels, expect: item.label });
    for (const sub of item.items ?? []) {
      const subBullet = /^\d+$/.test(sub.label);
      out.push(new Paragraph({ children: runs(sub.text.replace(/\s+/g, ' ')), spacing: { after: 60 }, ...(subBullet ? num(1, 'bullets') : num(clauseLevels + 1)) }));
      if (!subBullet) numbered.push({ level: clauseLevels + 1, expect: sub.label });
    }
  }
  const tail = clause.tail.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  for (const p of tail) out.push(new Paragraph({ children: runs(p), spacing: { after: 120 }, ...indentOf(level) }));
  return out;
}

/** Docx stamps the current time in docProps/core.xml and in the zip entries; pin both. */
function pinDates(bytes: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(bytes));
  const core = strFromU8(files['docProps/core.xml']!)
    .replace(/(<dcterms:created[^>]*>)[^<]*/, `$1${FIXED_DATE.toISOString().replace(/\.\d+Z$/, 'Z')}`)
    .replace(/(<dcterms:modified[^>]*>)[^<]*/, `$1${FIXED_DATE.toISOString().replace(/\.\d+Z$/, 'Z')}`);
  files['docProps/core.xml'] = strToU8(core);
  return Buffer.from(zipSync(files, { mtime: FIXED_DATE, level: 6 }));
}

export async function renderDocx(content: ContentFile, layout: Layout): Promise<Buffer> {
  if (!layout.docx) throw new Error(`${content.id}: a docx layout needs "docx" numbering levels`);
  const state: { lastHeading?: string } = {};
  const numbered: NumberedParagraph[] = [];
  const body = content.clauses.flatMap((c) => clauseParagraphs(c, layout, state, numbered));
  checkWordNumbering(numbered, layout.docx.levels.map((l) => l.format), content.id);
  const pages = layout.pages;
  const doc = new Document({
    creator: layout.author,
    lastModifiedBy: layout.author,
    title: content.title,
    revision: 3,
    numbering: numberingConfig(layout.docx),
    sections: [
      {
        ...(pages?.header.length ? { headers: { default: new Header({ children: running(pages.header, false) }) } } : {}),
        ...(pages?.footer.length ? { footers: { default: new Footer({ children: running(pages.footer, true) }) } } : {}),
        children: [...extra(layout.preamble), ...body, ...extra(layout.trailer)],
      },
    ],
  });
  return pinDates(await Packer.toBuffer(doc));
}

