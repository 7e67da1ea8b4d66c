/**
 * Reads a Word (.docx) protocol: paragraphs with the numbers Word generates, headings by style. A table
 * that lays the protocol out (numbers in its left cells) is read row by row; other tables are left out
 * unless a clause introduces them.
 */
import { strFromU8, unzipSync } from 'fflate';
import { IMPORT_MESSAGES as M, ImportError } from './import-error';
import { introduced, tableAsList, tableLeftOutNote } from './boilerplate';
import type { DocumentText } from './document-text';
import { WordNumbering } from './docx-numbering';
import { opensWithDate } from './line-patterns';
import { child, childrenOf, find, parseXml, val, type XmlNode } from './ooxml';

const PARTS = ['word/document.xml', 'word/styles.xml', 'word/numbering.xml'];

interface StyleInfo {
  name: string;
  basedOn?: string;
  numId?: string;
  level?: number;
}

export function readDocx(bytes: Uint8Array): DocumentText {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => PARTS.includes(f.name) || f.name === 'xl/workbook.xml' });
  } catch (err) {
    throw new ImportError(M.damagedDocx(), { cause: err });
  }
  if (files['xl/workbook.xml']) throw new ImportError(M.spreadsheet());
  const documentXml = files['word/document.xml'];
  if (!documentXml) throw new ImportError(M.notDocx());
  let body: XmlNode | undefined;
  let styles: Map<string, StyleInfo>;
  let numbering: WordNumbering;
  try {
    body = find(parseXml(strFromU8(documentXml)), 'w:body');
    styles = readStyles(files['word/styles.xml']);
    numbering = new WordNumbering(find(files['word/numbering.xml'] ? parseXml(strFromU8(files['word/numbering.xml'])) : [], 'w:numbering'));
  } catch (err) {
    throw new ImportError(M.damagedDocx(), { cause: err });
  }
  const lines: string[] = [];
  const notes: string[] = [];
  let afterLayout: number | undefined;
  const walk = (nodes: readonly XmlNode[]): void => {
    for (const node of nodes) {
      if (node.tag === 'w:p') {
        const line = paragraphLine(node, styles, numbering);
        if (line !== undefined) lines.push(line);
      } else if (node.tag === 'w:tbl') {
        // A table a clause introduces is that clause's list, however its rows are numbered (stages 1, 2, 3).
        const laidOut = introduced(lines) ? undefined : layoutTableLines(node, (p) => paragraphLine(p, styles, numbering));
        if (laidOut) {
          lines.push(...laidOut.lines, '');
          notes.push(laidOut.note);
          afterLayout = lines.length;
          continue;
        }
        const kept = tableAsList(lines, tableBody(node));
        if (kept) notes.push(kept.note);
        else notes.push(tableNote(node));
        // A blank line keeps text either side of the table from running together.
        lines.push(...(kept?.lines ?? []), '');
      } else if (node.tag === 'w:sdt') {
        walk(childrenOf(node, 'w:sdtContent').flatMap((c) => c.children));
      }
    }
  };
  walk(body?.children ?? []);
  if (afterLayout !== undefined) notes.push(...leaveOutAfterLayout(lines, afterLayout));
  return { lines, notes, unwrapped: true, format: 'Word' };
}

/**
 * Where the protocol is laid out in a table, unnumbered lines after its last one (an enquiries line, a
 * contact block) are not the last clause's text: they are left out, and noted.
 */
function leaveOutAfterLayout(lines: string[], from: number): string[] {
  const after = lines.slice(from).filter((l) => l.trim() !== '');
  if (after.length === 0 || after.some((l) => /^\d/.test(l.trim()))) return [];
  lines.length = from;
  return [`Left out ${after.length} line(s) after the protocol's table: "${after.join(' / ').slice(0, 200)}". Check none of it is protocol text.`];
}

function readStyles(xml: Uint8Array | undefined): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  for (const s of childrenOf(find(parseXml(strFromU8(xml)), 'w:styles'), 'w:style')) {
    const pPr = child(s, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const level = val(numPr, 'w:ilvl');
    styles.set(s.attrs['w:styleId'] ?? '', {
      name: val(s, 'w:name') ?? '',
      basedOn: val(s, 'w:basedOn'),
      numId: val(numPr, 'w:numId'),
      level: level === undefined ? undefined : Number(level),
    });
  }
  return styles;
}

/** A style's numbering, inherited through basedOn when the style itself sets none. */
function styleNumbering(styles: Map<string, StyleInfo>, id: string | undefined): { numId?: string; level?: number } {
  for (let depth = 0; id && depth < 10; depth++) {
    const style = styles.get(id);
    if (!style) break;
    if (style.numId !== undefined) return { numId: style.numId, level: style.level };
    id = style.basedOn;
  }
  return {};
}

function paragraphLine(p: XmlNode, styles: Map<string, StyleInfo>, numbering: WordNumbering): string | undefined {
  const pPr = child(p, 'w:pPr');
  const styleId = val(pPr, 'w:pStyle');
  const numPr = child(pPr, 'w:numPr');
  const inherited = styleNumbering(styles, styleId);
  const numId = val(numPr, 'w:numId') ?? inherited.numId;
  const level = Number(val(numPr, 'w:ilvl') ?? inherited.level ?? 0);
  const text = runText(p.children).replace(/\s+/g, ' ').trim();
  const label = numId ? numbering.next(numId, level) : undefined;
  if (text === '') return label ? undefined : '';
  return label ? `${label} ${text}` : text;
}

/** The visible text of runs: w:t, tabs and breaks as spaces; deleted text and field codes left out. */
function runText(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const n of nodes) {
    switch (n.tag) {
      case 'w:t':
        out += n.children.map((c) => c.text ?? '').join('');
        break;
      case 'w:tab':
      case 'w:br':
      case 'w:cr':
        out += ' ';
        break;
      case 'w:noBreakHyphen':
        out += '-';
        break;
      // Text boxes and shapes (a crest, a "DRAFT" stamp) float beside the text; they are not the paragraph's words.
      // Tracked changes read as accepted: a deletion, and text moved away from here, are no longer the text.
      case 'w:drawing':
      case 'w:pict':
      case 'mc:AlternateContent':
      case 'w:del':
      case 'w:moveFrom':
      case 'w:instrText':
      case 'w:pPr':
      case 'w:rPr':
      case 'w:fldData':
        break;
      default:
        out += runText(n.children);
    }
  }
  return out;
}

/** A cell's typed number: "3", "3.2", "3.2.1", "4(b)", with an optional trailing full stop or bracket. */
const CELL_NUMBER = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}(?:\([a-z]\))?|\([a-z]\)|[a-z]\))\.?$/i;

/**
 * A table used to lay out the protocol itself, as some councils do: the clause number typed in the left
 * cell and the text beside it. Read row by row, each row's number leading its first paragraph, so the
 * rows become the numbered lines the rest of the importer knows. Undefined unless at least three rows,
 * and most rows with text, carry a number in their first cell and text beside it.
 */
function layoutTableLines(tbl: XmlNode, lineOf: (p: XmlNode) => string | undefined): { lines: string[]; note: string } | undefined {
  const rows = childrenOf(tbl, 'w:tr').map((tr) =>
    childrenOf(tr, 'w:tc').map((tc) => cellParagraphs(tc).map(lineOf).filter((l): l is string => l !== undefined && l.trim() !== '')),
  );
  const withText = rows.filter((cells) => cells.some((c) => c.length > 0));
  const numbered = withText.filter(([first, ...rest]) => first?.length === 1 && CELL_NUMBER.test(first[0]!) && rest.some((c) => c.length > 0) && !opensWithDate(rest.flat()[0]!));
  // Clause numbers (3.1, 3.2) with prose beside them: not a version table's dates, nor the steps 1, 2, 3 of a procedure.
  const prose = numbered.filter(([first, ...rest]) => first![0]!.includes('.', 1) && rest.flat().join(' ').split(/\s+/).length >= 8);
  if (prose.length < 3 || numbered.length < withText.length * 0.6) return undefined;
  const lines: string[] = [];
  for (const cells of withText) {
    const [first = [], ...rest] = cells;
    const text = rest.flat();
    if (numbered.includes(cells)) lines.push(`${first[0]} ${text[0]}`, ...text.slice(1));
    else lines.push(...first, ...text);
  }
  return { lines, note: `Read a table of ${rows.length} rows as the protocol's own layout: the number in each row's first cell, its text beside it; check the clause numbers.` };
}

/** A table cell's paragraphs, including those inside content controls. */
function cellParagraphs(tc: XmlNode): XmlNode[] {
  return tc.children.flatMap((n) => (n.tag === 'w:p' ? [n] : n.tag === 'w:sdt' ? childrenOf(n, 'w:sdtContent').flatMap(cellParagraphs) : []));
}

/** A table's rows as their cells' text, a header row (marked to repeat, or all bold) left out. */
function tableBody(tbl: XmlNode): string[][] {
  const rows = childrenOf(tbl, 'w:tr');
  const first = rows[0];
  const header = first !== undefined && rows.length > 1 && (child(child(first, 'w:trPr'), 'w:tblHeader') !== undefined || allBold(first));
  return (header ? rows.slice(1) : rows).map(cellTexts);
}

/** A table row's cells as their text, spaces collapsed. */
function cellTexts(tr: XmlNode): string[] {
  return childrenOf(tr, 'w:tc').map((tc) => runText(tc.children).replace(/\s+/g, ' ').trim());
}

/** Whether every run with text in a row is bold (a header row typed rather than marked). */
function allBold(tr: XmlNode): boolean {
  const runs: XmlNode[] = [];
  const collect = (nodes: readonly XmlNode[]) => nodes.forEach((n) => (n.tag === 'w:r' ? runs.push(n) : collect(n.children)));
  collect(tr.children);
  const withText = runs.filter((r) => childrenOf(r, 'w:t').some((t) => t.children.some((c) => (c.text ?? '').trim() !== '')));
  return withText.length > 0 && withText.every((r) => child(child(r, 'w:rPr'), 'w:b') !== undefined);
}

function tableNote(tbl: XmlNode): string {
  const rows = childrenOf(tbl, 'w:tr');
  return tableLeftOutNote(rows.length, rows[0] ? cellTexts(rows[0]) : []);
}
