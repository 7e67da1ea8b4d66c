/** Parses what a user typed into a command; the same words work in Slack, Teams and the terminal. */

export type Command =
  | { kind: 'help' }
  | { kind: 'notice' }
  | { kind: 'notices'; export: boolean }
  | { kind: 'report' }
  | { kind: 'ask'; text: string };

/** `help`, `notice`, `notices`, `notices export`, `report`; anything else is a question or clause number. */
export function parseCommand(input: string): Command {
  const text = input.trim();
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  if (lower === '') return { kind: 'ask', text };
  if (lower === 'help' || lower === '?' || lower === 'commands') return { kind: 'help' };
  if (lower === 'notice' || lower === 'new notice' || lower === 'file notice') return { kind: 'notice' };
  if (lower === 'notices' || lower === 'register') return { kind: 'notices', export: false };
  if (lower === 'notices export' || lower === 'notices csv' || lower === 'export') return { kind: 'notices', export: true };
  if (lower === 'report') return { kind: 'report' };
  return { kind: 'ask', text };
}

/** Officers: erase one person's questions and feedback. `userId` is null when none was given. */
export interface ForgetCommand {
  kind: 'forget';
  userId: string | null;
}

/**
 * `forget U0123ABC`, `forget <@U0123ABC>` (a Slack mention), `forget 29:1abc…` (Teams); undefined
 * for anything else. The id must contain a digit, so a question such as "forget it" stays a question.
 * Kept apart from parseCommand until every adapter handles it: an adapter checks it first.
 */
export function parseForgetCommand(input: string): ForgetCommand | undefined {
  const match = /^forget(?:\s+(\S+))?$/i.exec(input.trim());
  if (!match) return undefined;
  if (match[1] === undefined) return { kind: 'forget', userId: null };
  const id = match[1].replace(/^<@([^>|]+)(?:\|[^>]*)?>$/, '$1');
  return /\d/.test(id) ? { kind: 'forget', userId: id } : undefined;
}
