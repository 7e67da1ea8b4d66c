/** What one line of an extracted protocol looks like: a clause number, a list item, a bare label or plain text. */

export type NumberStyle = 'dotted' | 'paren' | 'bracket' | 'paragraph';

export type SourceLine =
  | { kind: 'blank' }
  /** "1.1 text", "- 1.1 text", "2.4 Officers", "3 Expectations", "4) text", "(4) text", "Paragraph 4", or a number alone: rest is ''. */
  | { kind: 'number'; id: string; rest: string; raw: string; style: NumberStyle }
  /**
   * "a) text", "(ii) text", "• text", "- text", "o text"; label is absent for bullets, whose glyph is
   * kept ('o' and '◦' are second-level bullets).
   */
  | { kind: 'item'; label?: string; glyph?: string; text: string; raw: string }
  /** A list label alone on its line ("i", "ii", "a)"), its text following later. */
  | { kind: 'label'; label: string; raw: string }
  | { kind: 'text'; text: string; raw: string };

/** A word some councils print before every clause number: "Clause 4.2", "Para 4.2", "Paragraph 4.2". */
const CLAUSE_WORD = '(?:[Cc]lause|CLAUSE|[Pp]ara(?:graph)?\\.?|PARA(?:GRAPH)?\\.?)';

const NUMBERS: [RegExp, NumberStyle][] = [
  [/^(?:[-–]\s+)?(\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:\s+(.*))?$/, 'dotted'],
  // "Clause 4.2 Officers will…" is clause 4.2; "Clause 4.2 applies to…" (lower case) is a sentence that mentions it.
  // "1.1This protocol", "2.Concerns": some PDF exports lose the space after the number; a capital follows it.
  [/^(\d{1,2}(?:\.\d{1,2}){1,3}|\d{1,2}(?=\.))\.?(\p{Lu}(?:\p{Ll}|\s+\p{Ll}).*)$/u, 'dotted'],
  [new RegExp(`^${CLAUSE_WORD}\\s*(\\d{1,2}(?:\\.\\d{1,2}){1,3})\\.?(?:\\s+([\\p{Lu}‘“"'(].*))?$`, 'u'), 'dotted'],
  [/^(\d{1,2})\)(?:\s+(.*))?$/, 'paren'],
  [/^\((\d{1,2})\)(?:\s+(.*))?$/, 'bracket'],
  [/^(?:paragraph|para\.?)\s+(\d{1,3})[.:]?(?:\s+(.*))?$/i, 'paragraph'],
  // "Clause 4 Officers will…" numbered straight through; "Clause 4 of the Code…" (lower case) mentions one.
  [/^(?:[Cc]lause|CLAUSE)\s+(\d{1,3})[.:]?(?:\s+([\p{Lu}‘“"'(].*))?$/u, 'paragraph'],
  // "Section 2: Expectations" heads section 2 of a document whose clauses are numbered 2.1, 2.2…
  [/^section\s+(\d{1,2})(?:\s*[:.–—-]\s*(.*))?$/i, 'dotted'],
];
// U+2022 bullet, U+F0B7 / U+F0A7 (Symbol-font bullets as PDFs extract them), U+25CF, U+25AA, U+25A0, U+00B7, U+2023.
const BULLET_GLYPH = /^([\u2022\uF0B7\uF0A7\u25CF\u25AA\u25A0\u00B7\u2023\u25E6\u2043])\s*(.*)$/;
/** "o" and hollow bullets mark the second level of a bulleted list. */
const SUB_BULLET = /^(o)\s+(.+)$/;
const DASH_BULLET = /^([-–*])\s+(.*)$/;
const LABELLED_ITEM = /^\(?([a-zA-Z]|[ivx]{1,4}|[IVX]{1,4})\)\s*(.+)$/;
const DOTTED_LETTER_ITEM = /^([a-z]|[ivx]{1,4})\.\s+(.+)$/;
const LABEL_ALONE = /^\(?([a-z]|[ivx]{1,4})[.)]?$/;

/** A version history's row ("2.0 June 2022 New section on social media", "1.1 14/03/2023 …"): a version and a date, not a clause. */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
const VERSION_ROW = new RegExp(String.raw`^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?${MONTH}\.?\s+\d{4}\b|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b`, 'i');

/** Whether text opens with a date ("14 March 2023", "June 2022", "14/03/2023"), as a version table's row does after its number. */
export const opensWithDate = (text: string): boolean => VERSION_ROW.test(text);

/** Classifies one line (already trimmed). A bullet glyph alone on a line counts as blank: its text was lost. */
export function classifyLine(line: string): SourceLine {
  const raw = line.trim();
  if (raw === '') return { kind: 'blank' };
  for (const [pattern, style] of NUMBERS) {
    const number = pattern.exec(raw);
    if (number && opensWithDate(number[2] ?? '')) break;
    // "2.0 ROLES": a section printed with a zero clause number is section 2, whose clauses are 2.1, 2.2…; "04 Roles", a
    // designer's zero-padded section number, is section 4.
    if (number) return { kind: 'number', id: number[1]!.replace(/^(\d+)\.0$/, '$1').replace(/^0(\d)/, '$1'), rest: collapseSpaces(number[2] ?? ''), raw, style };
  }
  const glyph = BULLET_GLYPH.exec(raw) ?? SUB_BULLET.exec(raw);
  if (glyph) return glyph[2] ? { kind: 'item', glyph: glyph[1]!, text: collapseSpaces(glyph[2]), raw } : { kind: 'blank' };
  const dash = DASH_BULLET.exec(raw);
  if (dash) return { kind: 'item', glyph: dash[1]!, text: collapseSpaces(dash[2]!), raw };
  const labelled = LABELLED_ITEM.exec(raw) ?? DOTTED_LETTER_ITEM.exec(raw);
  if (labelled) return { kind: 'item', label: labelled[1]!, text: collapseSpaces(labelled[2]!), raw };
  const alone = LABEL_ALONE.exec(raw);
  if (alone) return { kind: 'label', label: alone[1]!, raw };
  return { kind: 'text', text: collapseSpaces(raw), raw };
}

/** Whether a line opens a new block (a number, a list item or a bullet) rather than continuing a wrapped one. */
export function startsNewBlock(line: string): boolean {
  const c = classifyLine(line);
  if (c.kind === 'number') return c.style !== 'dotted' || c.rest === '' || /^\d+\.|^\d+\.\d/.test(c.raw) || new RegExp(`^${CLAUSE_WORD}`).test(c.raw);
  return c.kind === 'item' || c.kind === 'label';
}

/** Second-level bullet glyphs. */
export function isSubBullet(glyph: string | undefined): boolean {
  return glyph === 'o' || glyph === '\u25E6';
}

export function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function isSectionNumber(id: string): boolean {
  return !id.includes('.');
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with']);

/** "ROLES OF COUNCILLORS AND OFFICERS" -> "Roles of Councillors and Officers"; mixed-case text is returned as printed. */
export function headingCase(heading: string): string {
  const clean = collapseSpaces(heading).replace(/:$/, '');
  if (!isUpperCase(clean)) return clean;
  return clean
    .toLowerCase()
    .split(' ')
    .map((word, i) => {
      // A section's roman label ("II. CONCERNS") stays in capitals.
      if (i === 0 && /^[ivx]+[.:)]$/.test(word)) return word.toUpperCase();
      return i > 0 && SMALL_WORDS.has(word) ? word : word.replace(/(^|[/-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
    })
    .join(' ');
}

export function isUpperCase(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

function words(s: string): string[] {
  return s.split(' ').filter(Boolean);
}

/** Every word longer than three letters starts with a capital ("Chairs and Vice-Chairs of Committees"). */
export function isTitleCase(s: string): boolean {
  return words(s).every((w) => w.length <= 3 || /^[\p{Lu}\d(‘'"]/u.test(w));
}

export function endsSentence(s: string): boolean {
  return SENTENCE_END.test(s);
}

/** Whether a line closes its sentence (a comma does not): the line after it may stand on its own. */
export function closesSentence(s: string): boolean {
  return SENTENCE_CLOSE.test(s);
}

/** A footnote mark as printed after a word or sentence: superscript digits, or an asterisk, dagger or double dagger. */
export const FOOTNOTE_MARK = '(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[*†‡])';
/** A sentence's end, with any footnote mark after it ("…the Code of Conduct.¹", "…as amended.*"). */
const SENTENCE_END = new RegExp(`[.;:!?,]["”’)]?${FOOTNOTE_MARK}?$`);
const SENTENCE_CLOSE = new RegExp(`[.;:!?]["”’)]?${FOOTNOTE_MARK}?$`);

export function startsLowerCase(s: string): boolean {
  return /^[("‘']?\p{Ll}/u.test(s);
}

export function startsUpperCase(s: string): boolean {
  return /^[("‘']?[\p{Lu}\d]/u.test(s);
}

/** The rest of a numbered line is a heading: "2.3 Chairmen and Vice Chairmen", "3.3 Some General Principles:". */
export function isInlineClauseHeading(rest: string): boolean {
  const clean = rest.replace(/:$/, '');
  return (
    clean.length > 0 &&
    clean.length <= 60 &&
    words(clean).length <= 8 &&
    startsUpperCase(clean) &&
    !endsSentence(clean) &&
    (isUpperCase(clean) || isTitleCase(clean))
  );
}

/** The rest of a section line is its heading: "1. Introduction", "9  CONCLUSIONS", "3 Expectations". */
export function isInlineSectionHeading(rest: string): boolean {
  return rest.length > 0 && rest.length <= 70 && words(rest).length <= 10 && startsUpperCase(rest) && !endsSentence(rest);
}

/** A line standing alone as a heading: short, capitalised, without closing punctuation. */
export function looksLikeHeading(text: string, width: number): boolean {
  const roomy = Number.isFinite(width) ? text.length < width * 0.88 : text.length <= 90;
  return roomy && words(text).length <= 14 && startsUpperCase(text) && !endsSentence(text);
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen'];
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10 };

function romanValue(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]!]!;
    total += v < (ROMAN_VALUES[s[i + 1] ?? ''] ?? 0) ? -v : v;
  }
  return total;
}

/**
 * "Part A – General", "II. Roles of Members", "Chapter 3: Concerns": a heading labelled with a letter, a
 * roman numeral or a number that the clause numbers under it do not repeat ("1.1" under "Part A"). Returns the
 * section numbers the label can stand for ("Part I" is the first part or the ninth) and the heading's words.
 */
export function sectionLabel(text: string): { values: number[]; heading: string } | undefined {
  const m = /^(?:(?:part|chapter|section)\s+([A-Z]|[IVX]{1,5}|\d{1,2}|[a-z]{3,9})\s*[.:–—-]?|([IVX]{1,5}|[A-Z])[.:)])\s+(\S.*)$/i.exec(text);
  if (!m || !/^[\p{Lu}\d]/u.test(m[1] ?? m[2]!)) return undefined;
  const label = (m[1] ?? m[2])!;
  const values = /^\d+$/.test(label) ? [Number(label)] : [];
  // "SECTION TWO – CONCERNS"
  const spelled = NUMBER_WORDS.indexOf(label.toLowerCase());
  if (spelled > 0) values.push(spelled);
  if (/^[IVX]+$/.test(label)) values.push(romanValue(label));
  if (label.length === 1 && /[A-Z]/.test(label)) values.push(label.charCodeAt(0) - 64);
  return { values, heading: m[3]!.replace(/^[–—-]\s*/, '') };
}

/**
 * A numbered line ending in a colon heads the clauses numbered under it ("1.1 Dealing with the media:"),
 * unless its words are a sentence leading into them ("1.1 Councillors should:").
 */
export function isColonHeading(rest: string): boolean {
  return /:$/.test(rest) && !/\b(?:should|shall|will|must|may|might|can|could|would|are|is|was|were|has|have|need|include|includes|following)\b/i.test(rest);
}
