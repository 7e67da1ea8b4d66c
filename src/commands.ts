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
  if (lower === '' ) return { kind: 'ask', text };
  if (lower === 'help' || lower === '?' || lower === 'commands') return { kind: 'help' };
  if (lower === 'notice' || lower === 'new notice' || lower === 'file notice') return { kind: 'notice' };
  if (lower === 'notices' || lower === 'register') return { kind: 'notices', export: false };
  if (lower === 'notices export' || lower === 'notices csv' || lower === 'export') return { kind: 'notices', export: true };
  if (lower === 'report') return { kind: 'report' };
  return { kind: 'ask', text };
}
