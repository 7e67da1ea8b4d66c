/**
 * Which way a relation between councillors and staff runs: "officers can expect from councillors" is
 * not "councillors can expect from officers", though the two share every word. For a verb such as
 * "expect", the nearest party named before it and the nearest after it give a token
 * ("~expect:officer>member"), and each side alone gives a half token, so a question naming one side
 * ("what can staff expect") still points one way. Clauses and questions are read alike.
 */
import type { Lexicon } from './lexicon';

export type Party = 'member' | 'officer';

/** Verb stems whose direction matters, as the stemmer leaves them. */
const DIRECTED = new Set(['expect']);
/** Other ways of saying it, when "from" follows: "what do officers get from councillors". */
const EXPECTS_FROM = new Map([
  ['get', 'expect'],
  ['receiv', 'expect'],
  ['deserv', 'expect'],
]);
/** How many words before and after the verb the parties may sit. */
const BEFORE = 4;
const AFTER = 6;
/** A direction comes as up to three tokens (both sides and each alone); together they count about as one word. */
const DIRECTION_WEIGHT = 0.5;
/** The lexicon concepts naming the two parties of the protocol. */
const STAFF_CONCEPT = '#staff';
const MEMBER_CONCEPTS = ['#councillor', '#chair'];
const FIRST_PERSON = new Set(['i', 'we', 'me', 'us']);

/** The other party of the two a protocol has. */
export const otherParty = (p: Party): Party => (p === 'member' ? 'officer' : 'member');

/** The query weight of a search term: direction tokens count less, the rest as one. */
export const termWeight = (term: string): number => (term.startsWith('~') ? DIRECTION_WEIGHT : 1);

/** The party a word names: a member of staff ("clerk", "member of staff") or a councillor ("members"). */
function partyOf(ws: readonly string[], stems: readonly string[], i: number, lexicon: Lexicon, asker?: Party): Party | undefined {
  if (ws[i] === 'member' && ws[i + 1] === 'of' && ws[i + 2] === 'staff') return 'officer';
  if (asker && FIRST_PERSON.has(ws[i]!)) return asker;
  const concepts = lexicon.conceptsIn([stems[i]!]);
  if (concepts.includes(STAFF_CONCEPT)) return 'officer';
  if (MEMBER_CONCEPTS.some((c) => concepts.includes(c))) return 'member';
  return undefined;
}

/**
 * Direction tokens for a text's words (after spelling and phrase joining) and their stems; in a
 * question, `asker` is the party "I" and "we" stand for.
 */
export function directionTokens(ws: readonly string[], stems: readonly string[], lexicon: Lexicon, asker?: Party): string[] {
  const partyAt = (i: number) => partyOf(ws, stems, i, lexicon, asker);
  const tokens: string[] = [];
  for (let i = 0; i < stems.length; i++) {
    const verb = DIRECTED.has(stems[i]!) ? stems[i]! : stems[i + 1] === 'from' ? EXPECTS_FROM.get(stems[i]!) : undefined;
    if (!verb) continue;
    let from: Party | undefined;
    let to: Party | undefined;
    for (let k = i - 1; k >= Math.max(0, i - BEFORE) && !from; k--) from = partyAt(k);
    for (let k = i + 1; k <= Math.min(stems.length - 1, i + AFTER) && !to; k++) to = partyAt(k);
    // A protocol has two parties: "All Councillors can expect:" is from officers, "what is expected of the clerk" by members.
    if (from && !to) to = otherParty(from);
    else if (to && !from) from = otherParty(to);
    if (from) tokens.push(`~${verb}:${from}>`);
    if (to) tokens.push(`~${verb}:>${to}`);
    if (from && to) tokens.push(`~${verb}:${from}>${to}`);
  }
  return tokens;
}
