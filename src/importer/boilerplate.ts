/**
 * Lines that are about the document rather than part of the protocol: adoption and minute lines,
 * review and issue dates, version lines, signature blocks. They are left out of clause text, and noted.
 */

const ADOPTION = /^(?:this protocol (?:was|has been) )?(?:adopted|approved|agreed|ratified|re-?adopted|endorsed)\b.{0,120}\b(?:council|committee|meeting|minute|on \d|\d{4})/i;
const REVIEW = /^(?:reviewed|re-?issued|issued|revised|last reviewed|next review|review date|date of (?:next )?review|to be reviewed|date adopted|date of adoption|effective from|version\b|document control|minute (?:no\.?|ref(?:erence)?)\b)/i;
const SIGNATURE = /^(?:signed|signature|dated?)\b\s*(?:[:.…_]|$|\s+[.…_]{3,})|^[.…_\s]{6,}$/i;
/** The name and title printed under a signature ("Chairman of the County Council", "Town Clerk"). */
const SIGNATORY = /^(?:(?:the )?(?:town |parish |city |county )?(?:chair(?:man|person)?|mayor|clerk|chief executive|leader)(?: of the [a-z ]+council)?|name\s*:.*|position\s*:.*)$/i;
const MAX_LENGTH = 200;

export interface BoilerplateResult {
  lines: string[];
  notes: string[];
}

/** Drops document-about lines; `isClauseStart` protects numbered lines from being taken as boilerplate. */
export function removeBoilerplate(lines: readonly string[], isClauseStart: (line: string) => boolean): BoilerplateResult {
  const kept: string[] = [];
  const dropped: string[] = [];
  let afterSignature = false;
  for (const line of lines) {
    const t = line.trim();
    if (t === '' || isClauseStart(t) || t.length > MAX_LENGTH) {
      if (t !== '') afterSignature = false;
      kept.push(line);
      continue;
    }
    const signature = SIGNATURE.test(t) || /\bsigned\b.*[.…_]{4,}/i.test(t);
    // A wrapped line of running text ("…the protocol was / adopted by the Council") starts in lower case
    // or follows an unfinished line; only a line standing on its own is an adoption or review line.
    const prev = kept.at(-1)?.trim() ?? '';
    const standsAlone = /^[A-Z]/.test(t) && (prev === '' || /[.:;)]$/.test(prev) || !/[a-z,]$/.test(prev));
    if (signature || (standsAlone && (ADOPTION.test(t) || REVIEW.test(t))) || (afterSignature && SIGNATORY.test(t))) {
      dropped.push(t);
      afterSignature = signature || (afterSignature && SIGNATORY.test(t));
      continue;
    }
    afterSignature = false;
    kept.push(line);
  }
  const notes = dropped.length > 0 ? [`Left out ${dropped.length} adoption, review, version or signature line(s): "${dropped.join(' / ').slice(0, 200)}".`] : [];
  return { lines: kept, notes };
}

/** A document-control or version table heading. */
export const TABLE_HEADING = /^(?:document control|version (?:history|control)|revision history|document history|amendment history)$/i;

/**
 * A table that a clause introduces ("…should raise it in the following stages:") is that clause's list:
 * one bullet per row, its cells joined by " – ". Undefined when the last line with text before the
 * table (`before`, the lines read so far) does not end with a colon.
 */
export function tableAsList(before: readonly string[], rows: readonly (readonly string[])[]): { lines: string[]; note: string } | undefined {
  if (!introduced(before)) return undefined;
  const lead = before[lastWithText(before)]!;
  const kept = rows.map((cells) => cells.filter(Boolean)).filter((cells) => cells.length > 0);
  if (!kept.length) return undefined;
  return {
    lines: kept.map((cells) => `\u2022 ${cells.join(' \u2013 ')}`),
    note: `Kept a table of ${kept.length} ${kept.length === 1 ? 'row' : 'rows'} after "${lead.trim().slice(-60)}" as that clause's list, its cells joined by " \u2013 "; check them.`,
  };
}

/** Whether the last line with text in `before` introduces what follows (ends with a colon). */
export const introduced = (before: readonly string[]): boolean => before[lastWithText(before)]?.trimEnd().endsWith(':') ?? false;

/** Where the last line with text stands among `lines` before `end` (-1 when there is none). */
export function lastWithText(lines: readonly string[], end = lines.length): number {
  let at = end - 1;
  while (at >= 0 && lines[at]!.trim() === '') at--;
  return at;
}

/** The reviewer's note for a table kept out of clause text, whichever reader found it. */
export function tableLeftOutNote(rows: number, firstRowCells: string[]): string {
  return `Left out a table of ${rows} ${rows === 1 ? 'row' : 'rows'} starting "${firstRowCells.join(' | ').slice(0, 80)}"; check it holds no protocol text.`;
}
/** A text table row: three or more cells set apart by runs of spaces or tabs. */
const isTextRow = (line: string) => line.trim().split(/\s{3,}|\t+/).length >= 3;

/** Leaves out tables laid out with spaces in plain text (two or more rows in a row), with a heading such as "Document control". */
export function removeTextTables(lines: readonly string[]): BoilerplateResult {
  const kept: string[] = [];
  const notes: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && isTextRow(lines[j]!)) j++;
    if (j - i >= 2) {
      const heading = [...kept].reverse().find((l) => l.trim() !== '');
      if (heading && TABLE_HEADING.test(heading.trim())) kept.splice(kept.lastIndexOf(heading), 1);
      notes.push(tableLeftOutNote(j - i, lines[i]!.trim().split(/\s{3,}/)));
      i = j;
    } else {
      kept.push(lines[i]!);
      i++;
    }
  }
  return { lines: kept, notes };
}

/** "Appendix A – Contacts", "Annex 1", "Schedule: Flowchart": a heading that starts the matter after the protocol. */
const APPENDIX = /^(?:appendix|annexe?|schedule)(?:\s+(?:[A-Z]|\d{1,2}|[IVX]{1,4}))?(?:\s*[:.–—-]\s*.{0,70})?$/i;

/** Whether a line is an appendix heading ("Appendix A – Contacts"), in the body or in a contents list. */
export function isAppendixHeading(line: string): boolean {
  const l = line.trim();
  return APPENDIX.test(l) && /^[A-Z]/.test(l) && !/[.;,]$/.test(l);
}

/**
 * Cuts the body at its first appendix heading: contact lists, flowcharts drawn in text and forms are not
 * clauses, and would otherwise run on as the last clause's text (arrows read as list items).
 */
export function cutAppendices(body: readonly string[]): BoilerplateResult {
  const at = body.findIndex((l, i) => i > 0 && isAppendixHeading(l));
  if (at < 0) return { lines: [...body], notes: [] };
  const left = body.slice(at).filter((l) => l.trim() !== '');
  return {
    lines: body.slice(0, at),
    notes: [`Left out ${left.length} line(s) from "${body[at]!.trim()}" to the end (appendices are not clauses); check they hold no protocol text.`],
  };
}
