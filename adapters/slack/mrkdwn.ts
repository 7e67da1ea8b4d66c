/**
 * Slack mrkdwn text, both ways. Inbound, `plainFromSlack` turns what Slack sends (`&amp;` for &,
 * `<@U123|name>` for a mention) into the plain text the user meant. Outbound, everything a user
 * (or the content files) wrote goes through `escapeMrkdwn`, so nothing they typed can become a
 * `<!channel>` or `<@U123>` that pings anyone. Also Block Kit's size limits.
 */

/** Block Kit limits we write against (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = Object.freeze({
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  contextText: 2000,
  optionText: 75,
  messageBlocks: 50,
  viewBlocks: 100,
  actionsElements: 25,
  /** chat.postMessage `text` is truncated by Slack past 40,000; keep fallbacks well inside it. */
  fallbackText: 3000,
});

/**
 * What the user typed, from Slack's encoding of it: mentions, channels and links as readable text
 * (`@name`, `#general`, `@channel`, the link's label), then `&lt;` `&gt;` `&amp;` decoded.
 */
export function plainFromSlack(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_all, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!')) {
        if (label) return label;
        return `@${target.slice(1).split('^')[0]}`;
      }
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Escapes the three characters Slack treats as control sequences in message text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts plain text to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Escapes then truncates, never leaving half an entity (`&am…`) at the cut. */
export function escapeAndTruncate(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let cut = max - 1;
  const amp = escaped.lastIndexOf('&', cut);
  if (amp >= 0 && amp > cut - 5 && escaped.indexOf(';', amp) >= cut) cut = amp;
  return `${escaped.slice(0, cut).trimEnd()}…`;
}

/** A user id we can safely put inside `<@…>`; anything else is shown escaped. */
export function userMention(userId: string): string {
  return /^[UW][A-Z0-9]{1,20}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/** A channel id we can safely put inside `<#…>`. */
export function channelMention(channelId: string): string {
  return /^[CGD][A-Z0-9]{1,20}$/.test(channelId) ? `<#${channelId}>` : escapeMrkdwn(channelId);
}

/** Plain text as an escaped mrkdwn block quote, one `>` per line. */
export function quote(text: string): string {
  return escapeMrkdwn(text)
    .split('\n')
    .map((line) => `>${line ? ` ${line}` : ''}`)
    .join('\n');
}

/**
 * Splits mrkdwn into pieces of at most `max` characters for consecutive section blocks: at line
 * breaks where possible, else at a space, never inside an entity. Quoted lines continued onto a
 * new piece keep their `>`.
 */
export function splitMrkdwn(text: string, max: number = LIMITS.sectionText): string[] {
  const pieces: string[] = [];
  let current = '';
  const push = () => {
    if (current) pieces.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    push();
    if (line.length <= max) {
      current = line;
      continue;
    }
    const prefix = line.startsWith('> ') ? '> ' : '';
    let rest = line;
    while (rest.length > max) {
      const cut = safeCut(rest, max);
      pieces.push(rest.slice(0, cut).trimEnd());
      rest = prefix + rest.slice(cut).trimStart();
    }
    current = rest;
  }
  push();
  return pieces.length ? pieces : [''];
}

/** Where to cut `text` so the first piece fits in `max`: the last space, and not inside `&…;`. */
function safeCut(text: string, max: number): number {
  let cut = text.lastIndexOf(' ', max);
  if (cut < max / 2) cut = max;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && cut - amp < 6 && !text.slice(amp, cut).includes(';')) cut = amp;
  return Math.max(1, cut);
}
