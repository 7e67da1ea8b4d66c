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
import { child, childrenOf, find, parseXml, val, type XmlNode } from './ooxml';
import { layoutTableLines, leaveOutAfterLayout } from './table-layout';

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
        const laidOut = introduced(lines) ? undefined : layoutTable(node, (p) => paragraphLine(p, styles, numbering));
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

/** A table laid out as the protocol itself (see layoutTableLines): each cell's paragraphs read as lines. */
function layoutTable(tbl: XmlNode, lineOf: (p: XmlNode) => string | undefined): { lines: string[]; note: string } | undefined {
  const rows = childrenOf(tbl, 'w:tr').map((tr) =>
    childrenOf(tr, 'w:tc').map((tc) => cellParagraphs(tc).map(lineOf).filter((l): l is string => l !== undefined && l.trim() !== '')),
  );
  return layoutTableLines(rows);
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
