/** Scores an evaluation file: top-1, top-3, off-topic rejection and escalation terms, per council and overall. */
import { z } from 'zod';
import type { AnswerKind } from '../answer/answer-model';
import type { ProtocolCore } from '../core';
import { isWithin } from '../protocol/clause-id';

export const evalQuestionSchema = z.strictObject({
  council: z.string().min(1),
  question: z.string(),
  expect: z.array(z.string()),
  /** Terms the escalation shown must contain (case-insensitive), e.g. the person the asker should go to. */
  escalate: z.array(z.string().min(1)).optional(),
  /** The asker's role; councillor when absent. */
  role: z.enum(['councillor', 'officer']).optional(),
});
export type EvalQuestion = z.output<typeof evalQuestionSchema>;

export interface EvalResult {
  council: string;
  question: string;
  expect: string[];
  ids: string[];
  confident: boolean;
  /** The second clause of a close call (the answer quoted two clauses), when there was one. */
  closeCall?: string;
  /** A confident answer to a question (not a look-up by number). */
  answered: boolean;
  /** What kind of answer it was, and for a decline or no-match its message: why a question went unanswered. */
  kind: AnswerKind;
  message?: string;
  escalation: string;
  escalate?: string[];
  /** Whether the escalation text contains every `escalate` term; absent when the question has none. */
  escalationRight?: boolean;
}

export interface Score {
  questions: number;
  answerable: number;
  top1: number;
  top3: number;
  offTopic: number;
  offTopicRejected: number;
  escalations: number;
  escalationsRight: number;
  /** Confident answers to questions quoting one clause, and how many of them were right. */
  clear: number;
  clearRight: number;
  /** Close calls (two clauses quoted), and how many had a right clause among the two. */
  closeCalls: number;
  closeCallsRight: number;
  /** Fractions in 0..1 (answerable questions for top-k; off-topic ones for rejection). */
  top1Rate: number;
  top3Rate: number;
  rejectionRate: number;
  escalationRate: number;
}

export interface EvalSummary {
  overall: Score;
  councils: Record<string, Score>;
  misses: { council: string; question: string; expect: string[]; ids: string[]; confident: boolean; escalation?: string }[];
}

/** Parses a JSONL file's text; a bad line throws naming its line number. */
export function parseEvalFile(text: string): EvalQuestion[] {
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line && !line.startsWith('//'))
    .map(([line, n]) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new Error(`line ${n}: not valid JSON`);
      }
      const parsed = evalQuestionSchema.safeParse(raw);
      if (!parsed.success) throw new Error(`line ${n}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}

/** A returned id hits expected `e` if it is `e` or inside it (2.4.1 and 3.1(e) are inside 2.4 and 3.1). */
export const hits: (returned: string, expected: string) => boolean = isWithin;

/** Right at the top: the first clause hits an expected id, or, for a question with none, the bot declined. */
export function rightAtTop(r: Pick<EvalResult, 'expect' | 'ids' | 'confident'>): boolean {
  if (r.expect.length === 0) return !r.confident;
  const first = r.ids[0];
  return first !== undefined && r.expect.some((e) => hits(first, e));
}

export function runEval(core: ProtocolCore, questions: EvalQuestion[]): { results: EvalResult[]; summary: EvalSummary } {
  const results = questions.map((q): EvalResult => {
    const answer = core.ask({ council: q.council, role: q.role ?? 'councillor', text: q.question });
    const escalation = answer.escalation.text;
    const text = escalation.toLowerCase();
    return {
      council: q.council,
      question: q.question,
      expect: q.expect,
      ids: answer.confident ? answer.clauses.map((c) => c.id) : [],
      confident: answer.confident,
      answered: answer.confident && answer.kind === 'answer',
      kind: answer.kind,
      ...(answer.message ? { message: answer.message } : {}),
      ...(answer.closeCall ? { closeCall: answer.closeCall.clause.id } : {}),
      escalation,
      ...(q.escalate ? { escalate: q.escalate, escalationRight: q.escalate.every((t) => text.includes(t.toLowerCase())) } : {}),
    };
  });
  return { results, summary: summarise(results) };
}

function summarise(results: EvalResult[]): EvalSummary {
  const empty = (): Score => ({
    questions: 0,
    answerable: 0,
    top1: 0,
    top3: 0,
    offTopic: 0,
    offTopicRejected: 0,
    escalations: 0,
    escalationsRight: 0,
    clear: 0,
    clearRight: 0,
    closeCalls: 0,
    closeCallsRight: 0,
    top1Rate: 0,
    top3Rate: 0,
    rejectionRate: 0,
    escalationRate: 0,
  });
  const overall = empty();
  const councils: Record<string, Score> = {};
  const misses: EvalSummary['misses'] = [];
  for (const r of results) {
    const s = (councils[r.council] ??= empty());
    const found = (ids: string[]) => ids.some((id) => r.expect.some((e) => hits(id, e)));
    const top1 = found(r.ids.slice(0, 1));
    const top3 = found(r.ids.slice(0, 3));
    for (const score of [overall, s]) {
      score.questions++;
      if (r.expect.length === 0) {
        score.offTopic++;
        if (!r.confident) score.offTopicRejected++;
      } else {
        score.answerable++;
        if (top1) score.top1++;
        if (top3) score.top3++;
      }
      if (r.answered && !r.closeCall) {
        score.clear++;
        if (top1) score.clearRight++;
      } else if (r.answered) {
        score.closeCalls++;
        if (top1 || found([r.closeCall!])) score.closeCallsRight++;
      }
      if (r.escalationRight !== undefined) {
        score.escalations++;
        if (r.escalationRight) score.escalationsRight++;
      }
    }
    const ok = rightAtTop(r) && r.escalationRight !== false;
    if (!ok) {
      const escalation = r.escalationRight === false ? { escalation: `wanted ${JSON.stringify(r.escalate)} in: ${r.escalation}` } : {};
      misses.push({ council: r.council, question: r.question, expect: r.expect, ids: r.ids, confident: r.confident, ...escalation });
    }
  }
  for (const s of [overall, ...Object.values(councils)]) {
    s.top1Rate = s.answerable ? s.top1 / s.answerable : 1;
    s.top3Rate = s.answerable ? s.top3 / s.answerable : 1;
    s.rejectionRate = s.offTopic ? s.offTopicRejected / s.offTopic : 1;
    s.escalationRate = s.escalations ? s.escalationsRight / s.escalations : 1;
  }
  return { overall, councils, misses };
}

/** A fixed-width table of the summary for terminals. */
export function formatSummary(summary: EvalSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const row = (name: string, s: Score) =>
    `${name.padEnd(12)} ${String(s.questions).padStart(5)} ${pct(s.top1Rate)} ${pct(s.top3Rate)}   ${`${s.offTopicRejected}/${s.offTopic}`.padStart(9)}   ${`${s.escalationsRight}/${s.escalations}`.padStart(9)}`;
  return [
    `${'council'.padEnd(12)} ${'n'.padStart(5)} ${'top-1'.padStart(7)} ${'top-3'.padStart(7)}   ${'declined'.padStart(9)}   ${'escalation'.padStart(9)}`,
    ...Object.entries(summary.councils)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([c, s]) => row(c, s)),
    row('overall', summary.overall),
    '',
    confidenceLine(summary.overall),
  ].join('\n');
}

/** How often the answers quoting one clause were right, and the close calls (two clauses quoted) had a right one. */
export function confidenceLine(s: Score): string {
  const share = (right: number, of: number) => `${right}/${of}${of ? ` (${((right / of) * 100).toFixed(1)}%)` : ''}`;
  return `answers quoting one clause right: ${share(s.clearRight, s.clear)}; close calls (two clauses quoted) with a right one: ${share(s.closeCallsRight, s.closeCalls)}`;
}
