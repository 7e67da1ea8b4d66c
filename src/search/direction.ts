/**
 * Which way a relation between councillors and staff runs: "officers can expect from councillors" is
 * not "councillors can expect from officers", though the two share every word. For a verb such as
 * "expect", the nearest party named before it and the nearest after it give a token
 * ("~expect:officer>member"), and each side alone gives a half token, so a question naming one side
 * ("what can staff expect") still points one way. Clauses and questions are read alike.
 */
export type Party = 'member' | 'officer';

/** Verb stems whose direction matters, as the stemmer leaves them. */
const DIRECTED = new Set(['expect']);
/** How many words before and after the verb the parties may sit. */
const BEFORE = 4;
const AFTER = 6;

/**
 * Direction tokens for a text's words; `partyAt(i)` is the party the i-th word names (a councillor
 * or a member of staff), if any.
 */
export function directionTokens(stems: readonly string[], partyAt: (i: number) => Party | undefined): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < stems.length; i++) {
    if (!DIRECTED.has(stems[i]!)) continue;
    let from: Party | undefined;
    let to: Party | undefined;
    for (let k = i - 1; k >= Math.max(0, i - BEFORE) && !from; k--) from = partyAt(k);
    for (let k = i + 1; k <= Math.min(stems.length - 1, i + AFTER) && !to; k++) to = partyAt(k);
    const verb = `~${stems[i]}`;
    if (from) tokens.push(`${verb}:${from}>`);
    if (to) tokens.push(`${verb}:>${to}`);
    if (from && to) tokens.push(`${verb}:${from}>${to}`);
  }
  return tokens;
}
