/** Screens raw question text before it is searched: empty, too long, or not readable as words. */
import { MAX_QUESTION_LENGTH, messages } from '../messages';

export type QuestionCheck = { ok: true; text: string } | { ok: false; message: string };

// Control characters other than whitespace mean binary or pasted junk; they are dropped before judging.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

export function checkQuestion(raw: unknown): QuestionCheck {
  if (typeof raw !== 'string') return { ok: false, message: messages.unreadable };
  const controls = (raw.match(CONTROL) ?? []).length;
  const text = raw.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (!text && controls === 0) return { ok: false, message: messages.empty };
  if (text.length > MAX_QUESTION_LENGTH) return { ok: false, message: messages.tooLong(MAX_QUESTION_LENGTH) };
  if (controls > 0 && controls * 4 >= raw.length) return { ok: false, message: messages.unreadable };
  if (!/[\p{L}\p{N}]/u.test(text)) return { ok: false, message: messages.unreadable };
  return { ok: true, text };
}
