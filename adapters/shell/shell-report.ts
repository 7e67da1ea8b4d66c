/**
 * The officers' report in the terminal: unanswered and not-helpful questions grouped by question
 * (the same question asked twice is one line with a count), most asked first, greetings left out.
 */
import type { ReportRow } from '../../src/store/store';

export interface ReportLine {
  question: string;
  kind: ReportRow['kind'];
  count: number;
  last: Date;
  /** For not-helpful feedback: the clause that was shown. */
  clauseId: string | null;
}

/** Questions that differ only in case, spacing or closing punctuation are the same question. */
function sameQuestionKey(row: ReportRow): string {
  const text = row.question
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?.!]+$/, '')
    .trim();
  return `${row.kind}\u0000${row.clauseId ?? ''}\u0000${text}`;
}

/**
 * Groups report rows; `isGreeting` leaves out what the core now treats as small talk (rows logged
 * before small talk was recognised, or by an older version, may still hold "hello").
 */
export function groupReport(rows: readonly ReportRow[], isGreeting: (question: string) => boolean): ReportLine[] {
  const groups = new Map<string, ReportLine>();
  for (const row of rows) {
    if (isGreeting(row.question)) continue;
    const key = sameQuestionKey(row);
    const line = groups.get(key);
    if (!line) groups.set(key, { question: row.question.trim(), kind: row.kind, count: 1, last: row.at, clauseId: row.clauseId });
    else {
      line.count += 1;
      if (row.at > line.last) line.last = row.at;
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.last.getTime() - a.last.getTime());
}

/** The grouped report as plain lines, before wrapping. */
export function reportText(lines: readonly ReportLine[], days: number, councilName: string): string {
  if (!lines.length) return `No unanswered or not-helpful questions for ${councilName} in the last ${days} days.`;
  const total = lines.reduce((n, l) => n + l.count, 0);
  const head = `${total} unanswered or not-helpful question${total === 1 ? '' : 's'} for ${councilName} in the last ${days} days, most asked first:`;
  const body = lines.map((l) => {
    const what = l.kind === 'unanswered' ? 'unanswered' : `not helpful${l.clauseId ? `, clause ${l.clauseId}` : ''}`;
    return `• ${l.count}× ${l.question} (${what}; last ${l.last.toISOString().slice(0, 10)})`;
  });
  return [head, ...body].join('\n');
}
