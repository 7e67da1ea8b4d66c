/**
 * Text for Adaptive Cards and Teams messages. Teams renders a markdown subset in TextBlocks and
 * message text, and turns `<at>…</at>` into mentions; text a user typed is shown through
 * `neutralise` so it can neither ping anyone nor become a link or formatting.
 */

/** Limits we write against; Teams rejects activities over about 28 KB. */
export const CARD_LIMITS = Object.freeze({
  /** Per TextBlock of echoed user text. */
  echoedText: 1000,
  /** An Action.Submit title. */
  buttonTitle: 60,
  /** Whole CSV per message before it is split. */
  messageText: 20_000,
});

const LOOKALIKES: Record<string, string> = {
  '<': '‹',
  '>': '›',
  '[': '⁅',
  ']': '⁆',
  '*': '∗',
  _: '‗',
  '`': 'ˋ',
  '#': '＃',
  '|': '│',
  '~': '∼',
};

/**
 * Shows user text as text: markup characters become look-alikes, so `<at>Everyone</at>`,
 * `[click](https://…)`, `**bold**` and HTML tags are displayed, not interpreted.
 */
export function neutralise(text: string, max: number = CARD_LIMITS.echoedText): string {
  const cleaned = text
    .replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, (entity) => entity.replace('&', '＆'))
    .replace(/[<>[\]*_`#|~]/g, (c) => LOOKALIKES[c] ?? c);
  return truncate(cleaned, max);
}

/** Cuts text to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/**
 * The words a user typed, from a Teams message: the bot's own mention already removed, other
 * mentions reduced to the name, a few HTML entities Teams sends decoded, whitespace tidied.
 */
export function plainMessageText(text: string): string {
  return text
    .replace(/<at>(.*?)<\/at>/gi, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&amp;/gi, '&')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

/** Text as a markdown code block that cannot be closed early by the content. */
export function codeBlock(text: string): string {
  return `\`\`\`\n${text.replace(/```/g, 'ˋˋˋ')}\n\`\`\``;
}
