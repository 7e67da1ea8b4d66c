/**
 * A protocol published inside a meeting's agenda pack: the committee report that brings it to the meeting
 * (agenda item stamp, "Report of …", its own numbered paragraphs, recommendations) comes first, and the
 * protocol follows as one of its appendices, each page headed with the appendix's label. Councils often
 * publish a revised protocol only this way. The appendix is the document; the report is left out, with a note.
 */
import { isAppendixHeading } from './boilerplate';

/** How many opening lines must show a committee report for the document to be read as one. */
const REPORT_OPENING_LINES = 15;
/** How many lines after the appendix label its protocol's title may come (a second label line, a council's name). */
const TITLE_WITHIN = 6;

/** A committee report's opening: its agenda item stamp, whose report it is, its purpose or recommendations. */
const REPORT_LINE = /^(?:agenda item\b|item\s+(?:no\.?\s*)?\d|report (?:of|to|by|from|title|author)\b|purpose of (?:the |this )?report\b|recommendations?\b|(?:\d+\.?\s+)?(?:purpose|recommendations?)\s*$)/i;
const PROTOCOL_TITLE = /\bprotocol\b/i;

export interface AppendixProtocol {
  lines: string[];
  note: string;
}

/**
 * When the document opens as a committee report and carries the protocol as an appendix ("Appendix 1", then a
 * title naming a protocol), the appendix's lines: from after its label to the end, without the label repeated
 * as each page's header. Later appendices stay for the importer to leave out as it does any appendix.
 */
export function protocolInAppendix(lines: readonly string[]): AppendixProtocol | undefined {
  const trimmed = lines.map((l) => l.trim());
  const opening = trimmed.filter((l) => l !== '').slice(0, REPORT_OPENING_LINES);
  if (!opening.some((l) => REPORT_LINE.test(l))) return undefined;
  const labelAt = trimmed.findIndex((l, i) => i > 0 && isAppendixHeading(l) && titleFollows(trimmed, i));
  // A PDF reader takes the label away with the other running headers: then the protocol's title, numbered anew.
  const at = labelAt >= 0 ? labelAt : titleRenumbering(trimmed);
  if (at < 0) return undefined;
  const label = trimmed[at]!;
  const from = labelAt >= 0 ? at + 1 : at;
  const report = trimmed.slice(0, at).filter((l) => l !== '');
  // The label repeated as a page header; none where the title was found instead of the label.
  const repeated = (k: number) => labelAt >= 0 && trimmed[from + k] === label;
  const kept = lines.slice(from).filter((_, k) => !repeated(k));
  const repeats = lines.length - from - kept.length;
  return {
    lines: kept,
    note:
      `Read the protocol from "${label}" after a committee report (an agenda pack): left out the ${report.length} line(s) of the report before it` +
      `${repeats ? ` and the label repeated at the head of ${repeats} page(s)` : ''}; check none of the report is protocol text.`,
  };
}

/** Whether a title naming a protocol is on the appendix label's line or within a few lines after it. */
function titleFollows(lines: readonly string[], at: number): boolean {
  return PROTOCOL_TITLE.test(lines[at]!) || linesAfter(lines, at).some((l) => PROTOCOL_TITLE.test(l));
}

/** The few lines with text after a line (TITLE_WITHIN): where a title or the first clause stands. */
function linesAfter(lines: readonly string[], at: number): string[] {
  return lines.slice(at + 1).filter((l) => l !== '').slice(0, TITLE_WITHIN);
}

/** A numbered line ("3.", "3.2 The …"), and the first of a numbering ("1.", "1", "1.1"). */
const NUMBERED = /^\d+(?:\.\d+)*\.?(?:\s|$)/;
const FIRST_NUMBER = /^1(?:\.1?)?\.?(?:\s|$)/;

/**
 * Where a title naming a protocol follows the report's numbered paragraphs and a numbering starting again at 1
 * follows it: the appendix's first page. The report's own title ("Review of the … Protocol") comes before its paragraphs.
 */
function titleRenumbering(lines: readonly string[]): number {
  let numbered = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (NUMBERED.test(l)) {
      numbered++;
      continue;
    }
    if (numbered < 2 || !PROTOCOL_TITLE.test(l) || l.length > 120 || /[.;:,]$/.test(l)) continue;
    if (linesAfter(lines, i).find((n) => NUMBERED.test(n))?.match(FIRST_NUMBER)) return i;
  }
  return -1;
}
