/**
 * What each card button carries in its Action.Submit `data`, and how a submission (the message's
 * `value`) is read back. Anyone can post any `value`, so it is parsed with zod and a bad one ignored.
 */
import { z } from 'zod';
import type { NoticeField } from '../../src/notices/notice-model';

/** The notice form's input ids: the notice fields, so a submission is the raw notice. */
export const NOTICE_FIELDS: readonly NoticeField[] = ['group', 'meetingDate', 'officers', 'advice', 'information'];

const council = z.string().min(1).max(60);
const question = z.string().max(600);
const clauseId = z.string().min(1).max(40);

const cardActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('clause'), council, id: clauseId }),
  z.object({ action: z.literal('feedback'), helpful: z.boolean(), council, question, clauseId: clauseId.nullable() }),
  z.object({ action: z.literal('ask-clerk'), council, question, clauseId: clauseId.nullable() }),
  z.object({ action: z.literal('notice-submit') }),
  z.object({ action: z.literal('notice-ack'), noticeId: z.string().min(1).max(100) }),
  z.object({ action: z.literal('command'), command: z.enum(['help', 'notice', 'notices', 'notices export', 'report']) }),
]);

export type CardAction = z.infer<typeof cardActionSchema>;

export type CardSubmission =
  | { kind: 'action'; action: Exclude<CardAction, { action: 'notice-submit' }> }
  | { kind: 'notice-form'; fields: Record<string, string> }
  | { kind: 'unreadable' };

/** Reads a card submission; form inputs arrive beside the action's data in the same object. */
export function readSubmission(value: unknown): CardSubmission {
  const parsed = cardActionSchema.safeParse(value);
  if (!parsed.success) return { kind: 'unreadable' };
  if (parsed.data.action !== 'notice-submit') return { kind: 'action', action: parsed.data };
  const raw = value as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const name of NOTICE_FIELDS) {
    const v = raw[name];
    if (typeof v === 'string') fields[name] = v;
  }
  return { kind: 'notice-form', fields };
}
