/** The structure parser's entry point: a reader's lines (PDF, Word, text) to a content file for the clerk to review. */
import type { ContentFile } from '../protocol/content-schema';
import { ClauseDraft } from './clause-draft';
import { councilShape, defaultPath } from './default-escalation';
import { findEscalation } from './escalation-finder';
import { classifyLine, headingCase, isInlineSectionHeading, isUpperCase, looksLikeHeading, sectionLabel, startsLowerCase, type SourceLine } from './line-patterns';
import { wrapWidth } from './line-wrapping';
import type { DocumentText } from './document-text';
import { IMPORT_MESSAGES as M, ImportError } from './import-error';
import { cutAppendices, isAppendixHeading, removeBoilerplate, removeTextTables } from './boilerplate';
import { entryLength, entryText, numberHeadingsFromContents } from './contents-list';
import { splitLetteredParagraphs } from './lettered-paragraphs';
import { refuseNonProtocol } from './document-kind';
import { protocolInAppendix } from './agenda-pack';
import { hyphenContext } from './hyphenation';
import { removeNoise, splitLines } from './noise';
import { BodyParser } from './protocol-body-parser';

export interface ImportOptions {
  id: string;
  name: string;
  /** The document's title; taken from its opening lines when absent. */
  title?: string;
  /** The source file's name, recorded in the content file. */
  source: string;
}

export interface ImportResult {
  content: ContentFile;
  /** What the reviewer should check: noise removed, guesses made. */
  notes: string[];
}

export { ImportError };

/** Imports one protocol from extracted plain text. */
export function importPlainText(text: string, options: ImportOptions): ImportResult {
  return importLines({ lines: splitLines(text), notes: [], unwrapped: false, format: 'text' }, options);
}

/** Imports one protocol from a reader's lines: structure, headings, lists, then escalation from its own words. */
export function importLines(doc: DocumentText, options: ImportOptions): ImportResult {
  const pack = protocolInAppendix(doc.lines);
  const { lines: cleaned, removed } = removeNoise(pack?.lines ?? doc.lines);
  const tables = doc.format === 'text' ? removeTextTables(cleaned) : { lines: cleaned, notes: [] };
  const boiler = removeBoilerplate(tables.lines, (l) => classifyLine(l).kind === 'number');
  const restored = restoreSpaceBullets(doc.unwrapped ? boiler.lines : nestIndentedBullets(boiler.lines));
  const { bullets } = restored;
  const numbered = numberHeadingsFromContents(restored.lines);
  const { lines } = numbered;
  refuseNonProtocol(lines);
  const { start, contents, contentsAt } = bodyStart(lines);
  if (start < 0) throw new ImportError(M.noNumbering());
  const first = classifyLine(lines[start]!) as Extract<SourceLine, { kind: 'number' }>;
  // The contents list is not the preamble: its last entry is not a heading of the first clause.
  const preamble = lines.slice(0, contentsAt ?? start).map((l) => l.trim()).filter((l) => l !== '' && !/^contents$/i.test(l));
  const appendices = cutAppendices(lines.slice(start));
  const body = appendices.lines;
  const width = doc.unwrapped ? Infinity : wrapWidth(body);
  const notes = [...doc.notes, ...(pack ? [pack.note] : []), ...removed.map((r) => `Removed ${r}.`), ...tables.notes, ...boiler.notes, ...appendices.notes];
  if (contents) notes.push(`Left out the contents list (${contents} entries) before the protocol.`);
  if (numbered.count) notes.push(`Numbered ${numbered.count} unnumbered section heading(s) as the contents list numbers them; check them.`);
  if (bullets > 0) {
    notes.push(`Read ${bullets} line(s) starting with a single space as bullets whose glyph was lost in extraction; check them.`);
  }
  if (preamble.length > 0) {
    notes.push(`Left out ${preamble.length} line(s) before the first clause (title, preamble): "${preamble.join(' / ').slice(0, 160)}". Check none of it is protocol text.`);
  }

  const flat = !body.some((l) => {
    const c = classifyLine(l);
    return c.kind === 'number' && c.style === first.style && c.id.includes('.');
  });
  const parser = new BodyParser(width, first.style, flat, hyphenContext(body.join('\n')));
  const sectionOne = sectionOneHeading(preamble, classifyLine(body[0]!));
  const opening = preamble.at(-1);
  if (sectionOne) {
    parser.startUnnumberedSection('1', sectionOne);
    notes.push(`Section 1 has no number in the text; its heading "${sectionOne}" comes from the line before clause 1.1.`);
  } else if (preamble.length >= 2 && opening && looksLikeHeading(opening, Infinity) && opening !== titleLine(preamble) && !/council$/i.test(opening) && !opensWithHeading(body[0]!, width)) {
    parser.setGroupHeading(headingCase(opening));
    notes.push(`"${headingCase(opening)}", the line before the first clause, was taken as the heading of the clauses under it.`);
  }
  parser.parse(body);

  const title = options.title ?? titleFrom(preamble) ?? options.name;
  if (!options.title) notes.push(`Title "${title}" was taken from the document's opening lines; pass --title to set it.`);
  const headingNotesFor = fillMissingHeadings(parser.clauses, title);
  const lettered = splitLetteredParagraphs(parser.clauses.map((c) => c.toContent()));
  const { clauses } = lettered;
  if (lettered.count) notes.push(`Read the lettered paragraphs of ${lettered.count} section(s) as clauses of their own (4(a), 4(b)…), as the document numbers them; check them.`);
  const { escalation, notes: escalationNotes } = escalationOf(clauses);
  notes.push(...escalationNotes);
  return {
    content: { id: options.id, name: options.name, title, source: options.source, escalation, clauses },
    notes: [...notes, ...parser.notes, ...headingNotesFor],
  };
}

/** The protocol's own escalation provisions; the fitted default route for a path it names nobody for. */
function escalationOf(clauses: ContentFile['clauses']): { escalation: ContentFile['escalation']; notes: string[] } {
  const found = findEscalation(clauses);
  const shape = councilShape(clauses.map((c) => [c.text, ...c.items.map((i) => i.text), c.tail].join(' ')).join('\n'));
  const notes: string[] = [];
  const path = (role: 'councillor' | 'officer') => {
    const steps = found[role];
    if (steps.length === 0) {
      notes.push(`The protocol names nobody for ${article(role)} ${role}'s concerns: the ${role} path is the bot's default route (council_setting: true); replace it if the council has its own.`);
      return defaultPath(role, shape);
    }
    notes.push(
      `Escalation for ${article(role)} ${role}, inferred from the protocol: ${steps.map((s) => `${s.to} (clause ${s.clause})`).join(' → ')}; check each step is where the protocol sends the matter, and the order.`,
    );
    return { council_setting: false, steps };
  };
  return { escalation: { councillor: path('councillor'), officer: path('officer') }, notes };
}

const BULLET_LINE = /^(\s*)([•▪\-–*·\u2022\uF0B7])\s+\S/;

/**
 * In plain text a bullet set further in than the bullets above it, with the same glyph, is a second-level
 * bullet ("•  keep records, including:" / "    •  minutes;"): it is marked with the 'o' of a sub-bullet.
 */
function nestIndentedBullets(lines: readonly string[]): string[] {
  let top: { indent: number; glyph: string } | undefined;
  return lines.map((line) => {
    const bullet = BULLET_LINE.exec(line);
    if (!bullet) {
      if (classifyLine(line).kind === 'number') top = undefined;
      return line;
    }
    const [indent, glyph] = [bullet[1]!.length, bullet[2]!];
    if (!top || indent <= top.indent) {
      top = { indent, glyph };
      return line;
    }
    return indent >= top.indent + 2 && glyph === top.glyph ? `o ${line.trim().slice(1).trim()}` : line;
  });
}

/** Minimum lines led by a single space before they are taken as a document's (lost) bullet style. */
const SPACE_BULLETS = 3;

/**
 * Some extractions turn a bullet glyph into a single leading space (bfstc). One or two such lines are
 * page-break artefacts; several plain-text lines led by one space are bullets.
 */
function restoreSpaceBullets(lines: readonly string[]): { lines: string[]; bullets: number } {
  const nextText = (i: number): string => lines.slice(i + 1).find((l) => l.trim() !== '')?.trim() ?? '';
  const isSpaceBullet = (line: string, i: number): boolean => {
    if (!/^ \S/.test(line)) return false;
    const c = classifyLine(line);
    if (c.kind !== 'text' || isUpperCase(c.text)) return false;
    // A heading stands alone; a bullet's first line is often continued by the next.
    return !looksLikeHeading(c.text, Infinity) || startsLowerCase(nextText(i));
  };
  const marked = lines.map(isSpaceBullet);
  const bullets = marked.filter(Boolean).length;
  if (bullets < SPACE_BULLETS) return { lines: [...lines], bullets: 0 };
  return { lines: lines.map((l, i) => (marked[i] ? `\u2022 ${l.trim()}` : l)), bullets };
}

/**
 * Where the clauses start: the first clause 1 or 1.1, unless that is a contents list, whose entries
 * come back later as the headings of the body ("1. Introduction" ... then "1. Introduction" again).
 */
function bodyStart(lines: readonly string[]): { start: number; contents?: number; contentsAt?: number } {
  const start = lines.findIndex((l) => isFirstClause(classifyLine(l)));
  if (start < 0) return { start };
  // The body may number its headings as the contents does, or print them bare ("Purpose and Status"
  // over "1. This Protocol describes…"): the entry's words, without its number, are what come back.
  const headingWords = (l: string) => {
    const c = classifyLine(l);
    return entryText(c.kind === 'number' ? c.rest : l);
  };
  const first = headingWords(lines[start]!);
  const again = first === '' ? -1 : lines.findIndex((l, i) => i > start && headingWords(l) === first);
  if (again < 0) return { start };
  const between = lines.slice(start, again).filter((l) => l.trim() !== '');
  // The contents may end with the appendices ("Appendix A – Contacts"), which the body cuts later.
  const allEntries = between.every((l) => (classifyLine(l).kind === 'number' || isAppendixHeading(l)) && entryLength(l) < 90);
  return allEntries ? { start: again, contents: between.length, contentsAt: start } : { start };
}

function isFirstClause(line: SourceLine): boolean {
  return line.kind === 'number' && (line.id === '1' || line.id === '1.1') && (line.style === 'dotted' || line.rest !== '');
}

/** bfstc's "BACKGROUND" stands unnumbered before 1.1: a capitalised line there is section 1's heading. */
function sectionOneHeading(preamble: readonly string[], first: SourceLine): string | undefined {
  if (first.kind !== 'number' || first.id !== '1.1' || preamble.length < 2) return undefined;
  const last = preamble.at(-1)!;
  if (!looksLikeHeading(last, Infinity)) return undefined;
  // "Part A – General" or "I. Introduction" over 1.1: the label stands for section 1.
  const labelled = sectionLabel(last);
  if (labelled?.values.includes(1)) return headingCase(labelled.heading);
  return isUpperCase(last) ? headingCase(last) : undefined;
}

/** The first clause carries its own heading ("1. Purpose"), so a line above it is not one. */
function opensWithHeading(line: string, width: number): boolean {
  const c = classifyLine(line);
  // A first line running to the wrap width is the start of a wrapped paragraph, not "1. Heading".
  const wrapped = Number.isFinite(width) && line.trim().length >= width * 0.8;
  // "1. Introduction:" is a heading too; the colon only introduces the section.
  return c.kind === 'number' && (c.rest === '' || (isInlineSectionHeading(c.rest.replace(/:$/, '')) && !wrapped));
}

function titleLine(preamble: readonly string[]): string | undefined {
  // "4.7 PROTOCOL ON MEMBER AND OFFICER RELATIONS": a constitution's part number before the title.
  const headings = preamble
    .map((l) => l.replace(/^[*_]+|[*_]+$/g, ''))
    .filter((l) => looksLikeHeading(l, Infinity) && (!/^\d/.test(l) || /protocol/i.test(l)));
  // A running header often carries the council's name before the title ("Harbridge Town Council – Member…").
  const named = (re: RegExp) => headings.find((l) => re.test(l) && !/\bcouncil\b/i.test(l)) ?? headings.find((l) => re.test(l));
  return named(/\bprotocol\b/i) ?? named(/protocol/i) ?? headings[0];
}

function titleFrom(preamble: readonly string[]): string | undefined {
  const title = titleLine(preamble)?.replace(/^\d+(?:\.\d+)*\s+/, '');
  return title && headingCase(title);
}

/**
 * Gives a clause with no heading of its own and none to inherit the heading printed before it (or the
 * document's title), so the file loads and the council gets answers at once; a note asks for a check.
 */
function fillMissingHeadings(clauses: readonly ClauseDraft[], title: string): string[] {
  const withHeading = new Set(clauses.filter((c) => c.heading).map((c) => c.id));
  const notes: string[] = [];
  let before: string | undefined;
  for (const c of clauses) {
    if (!c.heading && !ancestors(c.id).some((a) => withHeading.has(a))) {
      c.heading = before ?? title;
      notes.push(`Clause ${c.id} had no heading and no section heading to inherit: it was given "${c.heading}"${before ? ', the heading before it' : ", the document's title"}; check it.`);
    }
    before = c.heading ?? before;
  }
  return notes;
}

function ancestors(id: string): string[] {
  const parts = id.split('.');
  return parts.slice(1).map((_, n) => parts.slice(0, n + 1).join('.'));
}

/** "a councillor", "an officer". */
const article = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');
