/**
 * A list run inline in one paragraph: "Councillors should: (a) be courteous; (b) not instruct staff; and
 * (c) respect impartiality." Some councils type lists this way (or lose the line breaks on export); the
 * items are the clause's list as much as if each had its own line.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');
const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

export interface InlineList {
  /** The words before the list, ending with its colon. */
  lead: string;
  items: { label: string; text: string }[];
}

function escape(s: string): string {
  return s.replace(/[()]/g, '\\$&');
}

/**
 * Splits a paragraph whose list follows a colon, labels in order from (a) or (i), each later label after a
 * semicolon or comma ("; and (c)"). Anything else (a lone "(a)", "section 5(a)") is left as text.
 */
export function splitInlineList(paragraph: string): InlineList | undefined {
  const open = /^(.*?:)\s+(\(?)(a|i)\)\s+(.+)$/.exec(paragraph);
  if (!open) return undefined;
  const [, lead, bracket, first, rest] = open as unknown as [string, string, string, string, string];
  const sequence = first === 'a' ? LETTERS : ROMANS;
  const items: { label: string; text: string }[] = [];
  let label = first;
  let text = rest;
  for (let n = 1; n < sequence.length; n++) {
    const marker = `${bracket ? '\\(' : ''}${escape(sequence[n]!)}\\)`;
    const next = new RegExp(`^(.*?[;,](?:\\s+(?:and|or))?)\\s+${marker}\\s+(.+)$`).exec(text);
    if (!next) break;
    items.push({ label, text: next[1]! });
    label = sequence[n]!;
    text = next[2]!;
  }
  if (items.length === 0) return undefined;
  items.push({ label, text });
  return { lead, items };
}
