/**
 * Markdown ordered lists number themselves: "1." typed on every item displays 1, 2, 3, and a list starts
 * at its first item's number. The clause numbers are the ones the council sees, so they are rebuilt here.
 */

const ORDERED = /^( {0,3})(\d{1,9})([.)])(\s+.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;
/** A line that ends a list when it stands after a blank line: anything not indented and not an item. */
const BREAKS = /^\s{0,3}(?:#{1,6}\s|\||-{3,}|\*{3,}|_{3,})/;
/** Clause numbers typed as text ("1.1", "**1.1**"): the document numbers its own clauses. */
const TYPED_CLAUSE = /^\s*(?:\*\*|__)?\d{1,2}\.\d{1,2}\b/;

interface Run {
  /** Line indexes of the run's items, in order. */
  items: number[];
  start: number;
  /** The last heading above the run, after the previous run: the run's section heading. */
  heading?: number;
}

export interface NumberedLists {
  lines: string[];
  notes: string[];
}

function findRuns(lines: readonly string[]): Run[] {
  const runs: Run[] = [];
  let run: Run | undefined;
  let delimiter = '';
  let lastHeading: number | undefined;
  lines.forEach((line, i) => {
    const item = ORDERED.exec(line);
    const afterBlank = i > 0 && lines[i - 1]!.trim() === '';
    if (item) {
      if (!run || item[3] !== delimiter) {
        run = { items: [], start: Number(item[2]), heading: lastHeading };
        runs.push(run);
        lastHeading = undefined;
        delimiter = item[3]!;
      }
      run.items.push(i);
      return;
    }
    if (HEADING.test(line)) lastHeading = i;
    if (line.trim() === '' || /^\s{2,}\S/.test(line)) return;
    if (HEADING.test(line) || BREAKS.test(line) || afterBlank) run = undefined;
  });
  return runs;
}

export function numberOrderedLists(lines: readonly string[]): NumberedLists {
  const runs = findRuns(lines);
  const out = [...lines];
  const notes: string[] = [];
  const restarts = runs.some((r, n) => n > 0 && r.start <= runs[n - 1]!.start + runs[n - 1]!.items.length - 1);
  // Lists that start again at 1 under each heading are that heading's section ("Concerns", 1., 2. → 3, 3.1, 3.2),
  // unless the document types its own clause numbers and these lists are items inside its clauses.
  const sections = restarts && !lines.some((l) => TYPED_CLAUSE.test(l));
  let renumbered = 0;
  runs.forEach((run, n) => {
    run.items.forEach((at, k) => {
      const [, indent, typed, delimiter, rest] = ORDERED.exec(lines[at]!)!;
      const number = run.start + k;
      if (number !== Number(typed)) renumbered++;
      out[at] = sections ? `${indent}${n + 1}.${k + 1}${rest}` : `${indent}${number}${delimiter}${rest}`;
    });
    if (sections && run.heading !== undefined) out[run.heading] = `${n + 1}. ${HEADING.exec(lines[run.heading]!)![1]}`;
  });
  if (sections) {
    notes.push(`The Markdown's numbered lists restart under each heading: each list was numbered as its heading's section (${runs.length} sections, 1.1 onwards); check the numbers against the document as the council shows it.`);
  } else if (renumbered > 0) {
    notes.push(`Numbered ${renumbered} Markdown list item(s) as they display (Markdown numbers a list from its first item, whatever is typed).`);
  }
  return { lines: out, notes };
}
