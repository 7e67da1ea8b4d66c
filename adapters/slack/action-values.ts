/**
 * Button action ids and the small JSON each button carries in its `value` (at most 2000 characters).
 * Values come back in signed requests, but are still parsed with zod: a bad one is ignored.
 */
import { z } from 'zod';
import { LIMITS } from './mrkdwn';

export const ACTIONS = Object.freeze({
  helpful: 'feedback_helpful',
  notHelpful: 'feedback_not_helpful',
  askClerk: 'ask_clerk',
  share: 'share_answer',
  /** Prefix: one button per clause, suffixed with its index so ids in a message stay unique. */
  openClause: 'open_clause',
  openNoticeForm: 'open_notice_form',
  acknowledgeNotice: 'acknowledge_notice',
});

export const NOTICE_MODAL_ID = 'notice_modal';

/** What an answer's buttons need to act later: the question, the council and the clause matched. */
const answerRefSchema = z.object({
  /** council id */
  k: z.string().min(1).max(60),
  /** question as asked */
  q: z.string().max(LIMITS.buttonValue),
  /** best clause id, or null when nothing matched */
  c: z.string().max(40).nullable(),
});
export type AnswerRef = z.infer<typeof answerRefSchema>;

const clauseRefSchema = z.object({ k: z.string().min(1).max(60), id: z.string().min(1).max(40) });
export type ClauseRef = z.infer<typeof clauseRefSchema>;

/** Encodes an answer reference, shortening the question until it fits a button value. */
export function encodeAnswerRef(ref: AnswerRef): string {
  let q = ref.q;
  let value = JSON.stringify({ ...ref, q });
  while (value.length > LIMITS.buttonValue && q.length > 0) {
    q = q.slice(0, Math.floor(q.length * 0.8));
    value = JSON.stringify({ ...ref, q });
  }
  return value;
}

export function decodeAnswerRef(value: string | undefined): AnswerRef | undefined {
  return parse(answerRefSchema, value);
}

export function encodeClauseRef(ref: ClauseRef): string {
  return JSON.stringify(ref);
}

export function decodeClauseRef(value: string | undefined): ClauseRef | undefined {
  return parse(clauseRefSchema, value);
}

function parse<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (!value) return undefined;
  try {
    const result = schema.safeParse(JSON.parse(value));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
