/**
 * The protocol inside an email's text: a clerk pastes it into a message or forwards a message holding it.
 * Left out, each with a note: the messages quoted or forwarded around it (Outlook's "From: … Sent: …" block,
 * "-----Original Message-----", "On … wrote:", lines quoted with ">"), the covering note before the
 * protocol's title, the sign-off and signature after it, and confidentiality disclaimers.
 */
import { classifyLine, looksLikeHeading } from './line-patterns';

export interface EmailText {
  lines: string[];
  notes: string[];
}

/** A quoted or forwarded message's first line. */
const QUOTE_MARKERS = [/^-{2,}\s*(?:original message|forwarded message|message d'origine)\s*-{2,}$/i, /^begin forwarded message:$/i, /^_{8,}$/, /^On\b.{4,300}\bwrote:$/];
const HEADER_FIELD = /^\*?(?:from|sent|date|to|cc|bcc|subject|reply-to|importance)\s*:/i;
const SIGN_OFF = /^(?:(?:kind|best|warm|warmest|many|with (?:kind|best)|yours)\s+)?(?:regards|wishes|thanks|thank you)\b[\s\w,.!]{0,40}$|^(?:thanks|thank you|cheers|yours (?:sincerely|faithfully|truly))[,.!]?$/i;
const SIG_SEPARATOR = /^--\s?$/;
const SENT_FROM = /^(?:sent from (?:my )?(?:iphone|ipad|android|samsung|mobile|outlook|mail for windows)|get outlook for (?:ios|android))\b/i;
const GREETING = /^(?:dear|hi|hello|good (?:morning|afternoon|evening)|morning|afternoon)\b|^all,?$/i;
const DISCLAIMER =
  /\b(?:intended (?:solely |only )?for the (?:use of the )?(?:named )?(?:addressee|recipient|individual|person)|intended recipient|received this (?:e-?mail|message|communication) in error|this (?:e-?mail|message) and any (?:attachments?|files)|may contain (?:confidential|privileged)|confidential and may be (?:legally )?privileged|originated from outside|has been scanned for viruses|views expressed in this (?:e-?mail|message)|disclaimer)\b/i;

interface Segment {
  /** The marker and header lines that open a quoted or forwarded message ([] for the top message). */
  header: string[];
  lines: string[];
}

const isFirstClause = (line: string) => {
  const c = classifyLine(line);
  return c.kind === 'number' && (c.id === '1' || c.id === '1.1') && (c.style === 'dotted' || c.rest !== '');
};
const nonBlank = (lines: readonly string[]) => lines.filter((l) => l.trim() !== '');
const quote = (lines: readonly string[]) => `"${nonBlank(lines).join(' / ').slice(0, 120)}"`;

/** The protocol's lines from an email's text, and what was left out. */
export function protocolFromEmailText(text: readonly string[]): EmailText {
  const notes: string[] = [];
  const quoted = text.filter((l) => /^\s*>/.test(l));
  // A protocol that only arrives quoted (a reply written above it) is read from the quoted lines.
  const unquote = quoted.length > 0 && !text.some((l) => !/^\s*>/.test(l) && isFirstClause(l.trim())) && quoted.some((l) => isFirstClause(l.replace(/^(?:\s*>)+\s?/, '').trim()));
  let lines = unquote ? text.map((l) => l.replace(/^(?:\s*>)+\s?/, '')) : text.filter((l) => !/^\s*>/.test(l));
  if (!unquote && nonBlank(quoted).length) notes.push(`Left out ${nonBlank(quoted).length} line(s) quoted from an earlier message (starting ">"): ${quote(quoted)}.`);
  lines = lines.map((l) => l.trimEnd());

  const segments = splitMessages(lines);
  const at = Math.max(0, segments.findIndex((s) => s.lines.some((l) => isFirstClause(l.trim()))));
  segments.forEach((s, i) => {
    if (i === at || nonBlank([...s.header, ...s.lines]).length === 0) return;
    const what = i < at ? 'the message above the one holding the protocol' : 'the earlier message quoted below the protocol';
    notes.push(`Left out ${what} (${nonBlank([...s.header, ...s.lines]).length} line(s)): ${quote([...s.header, ...s.lines])}. Check none of it is protocol text.`);
  });
  const chosen = segments[at]!;
  if (chosen.header.length) notes.push(`Read the protocol from a forwarded or quoted message; left out its ${nonBlank(chosen.header).length} header line(s): ${quote(chosen.header)}.`);
  const body = trimMessage(chosen.lines, notes);
  return { lines: body, notes };
}

/** The text split into the top message and each quoted or forwarded message after it, their header blocks apart. */
function splitMessages(lines: readonly string[]): Segment[] {
  const segments: Segment[] = [{ header: [], lines: [] }];
  for (let i = 0; i < lines.length; ) {
    const length = markerLength(lines, i);
    if (length === 0) {
      segments.at(-1)!.lines.push(lines[i]!);
      i++;
      continue;
    }
    segments.push({ header: lines.slice(i, i + length), lines: [] });
    i += length;
  }
  return segments;
}

/** How many lines open a quoted or forwarded message at `i` (its marker and header fields); 0 for none. */
function markerLength(lines: readonly string[], i: number): number {
  const line = lines[i]!.trim();
  const twoLine = /^On\b/.test(line) && /\bwrote:$/.test(lines[i + 1]?.trim() ?? '') ? 2 : 0;
  const marker = QUOTE_MARKERS.some((m) => m.test(line)) ? 1 : twoLine;
  if (marker) {
    let start = i + marker;
    while (start < lines.length && lines[start]!.trim() === '' && start - i < marker + 2) start++;
    const n = headerFields(lines, start);
    if (n > 0) return start + n - i;
    // A rule of underscores opens Outlook's header block; without one it is only a rule.
    return /^_+$/.test(line) ? 0 : marker;
  }
  // Outlook's block without a rule: "From:" then "Sent:"/"Date:" and "To:"/"Subject:".
  if (/^\*?from\s*:/i.test(line)) {
    const n = headerFields(lines, i);
    const block = lines.slice(i, i + n).map((l) => l.trim().toLowerCase());
    if (n >= 3 && block.some((l) => /^\*?(?:sent|date)\s*:/.test(l)) && block.some((l) => /^\*?(?:to|subject)\s*:/.test(l))) return n;
  }
  return 0;
}

/** How many header field lines ("From: …", "Sent: …", with their folded lines) start at `from`. */
function headerFields(lines: readonly string[], from: number): number {
  let end = from;
  while (end < lines.length && end - from < 12 && (HEADER_FIELD.test(lines[end]!.trim()) || (end > from && /^\s+\S/.test(lines[end]!)))) end++;
  return end - from;
}

/** The message holding the protocol without its covering note, sign-off, signature and disclaimers. */
function trimMessage(lines: readonly string[], notes: string[]): string[] {
  const first = lines.findIndex((l) => isFirstClause(l.trim()));
  if (first < 0) return [...lines];
  const before = lines.slice(0, first).filter((l) => !SENT_FROM.test(l.trim()));
  // Banners and disclaimers before the protocol ("CAUTION: This email originated from outside…").
  const banners = new Set(blocksOf(before).filter((b) => DISCLAIMER.test(b.text)).flatMap((b) => range(b.start, b.end)));
  if (banners.size) notes.push(`Left out ${banners.size} line(s) of email disclaimer before the protocol: ${quote(before.filter((_, i) => banners.has(i)))}.`);
  const head = before.filter((_, i) => !banners.has(i));
  const cover = coverEnd(head);
  if (cover > 0) {
    const left = head.slice(0, cover);
    notes.push(`Left out the email's covering note before the protocol's title (${nonBlank(left).length} line(s)): ${quote(left)}. Check none of it is protocol text.`);
  }
  return [...head.slice(cover), ...trimTail(lines.slice(first), notes)];
}

const range = (start: number, end: number) => Array.from({ length: end - start }, (_, k) => start + k);

const headingLike = (line: string) => looksLikeHeading(line.trim(), Infinity) && !GREETING.test(line.trim()) && !SIGN_OFF.test(line.trim()) && !/@|https?:/.test(line);

/**
 * Where the protocol's own lines start before its first clause, so the email's covering note is the lines
 * above: the title (a heading naming the protocol, else the run of headings just above the first clause)
 * with the headings over it (the council's name). 0 unless the note can be told apart from the protocol's
 * preamble: it opens with a greeting, or a heading names the protocol below it.
 */
function coverEnd(head: readonly string[]): number {
  const titled = head.findIndex((l) => headingLike(l) && /\bprotocol\b/i.test(l));
  let title = titled >= 0 ? titled : head.length;
  for (let i = title - 1; i >= 0; i--) {
    const line = head[i]!;
    if (line.trim() === '') continue;
    // The name under a sign-off ("Thanks / Jane") is the covering note's.
    const above = head.slice(0, i).reverse().find((l) => l.trim() !== '');
    if (!headingLike(line) || (above !== undefined && SIGN_OFF.test(above.trim()))) break;
    title = i;
  }
  const greeted = GREETING.test(head.find((l) => l.trim() !== '')?.trim() ?? '');
  return title > 0 && nonBlank(head.slice(0, title)).length > 0 && (greeted || titled >= 0) ? title : 0;
}

/** After the first clause: the sign-off, signature and disclaimer that end the message. */
function trimTail(lines: readonly string[], notes: string[]): string[] {
  const signOff = lines.findIndex((l, i) => i > 0 && (SIGN_OFF.test(l.trim()) || SIG_SEPARATOR.test(l) || SENT_FROM.test(l.trim())));
  // A disclaimer ends the message: a block of its words with no clause after it.
  const parts = blocksOf(lines);
  const disclaimer = parts.find((p, k) => p.start > 0 && DISCLAIMER.test(p.text) && parts.slice(k).every((q) => !q.numbered))?.start ?? -1;
  const cut = [signOff, disclaimer].filter((n) => n > 0).reduce((a, b) => Math.min(a, b), lines.length);
  const legalFrom = disclaimer >= cut ? disclaimer : lines.length;
  const signature = lines.slice(cut, legalFrom);
  const legal = lines.slice(legalFrom);
  if (nonBlank(signature).length) notes.push(`Left out the email's sign-off and signature (${nonBlank(signature).length} line(s)): ${quote(signature)}. Check none of it is protocol text.`);
  if (nonBlank(legal).length) notes.push(`Left out the email's disclaimer (${nonBlank(legal).length} line(s)): ${quote(legal)}.`);
  return lines.slice(0, cut);
}

/** The blocks of lines between blank lines: where each starts and ends, its text, whether it opens with a number. */
function blocksOf(lines: readonly string[]): { start: number; end: number; text: string; numbered: boolean }[] {
  const out: { start: number; end: number; text: string; numbered: boolean }[] = [];
  lines.forEach((l, i) => {
    if (l.trim() === '') return;
    const last = out.at(-1);
    if (last && last.end === i) {
      last.text += ` ${l.trim()}`;
      last.end = i + 1;
    } else out.push({ start: i, end: i + 1, text: l.trim(), numbered: classifyLine(l.trim()).kind === 'number' });
  });
  return out;
}
