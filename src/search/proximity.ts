/**
 * Whether a clause uses the question's words together. Sibling clauses of one section share most
 * words; the one that answers usually puts the question's informative words in one sentence or list
 * item ("Responsibility for the operation of this Protocol lies with the Town Clerk"), where a
 * sibling only scatters them. This holds for any council's protocol, however it is worded, so it is
 * read from the clause's own sentences and items, not from any list of words.
 */

/** One sentence or list item's search terms (stems and concepts). */
export type Passage = ReadonlySet<string>;

/** Splits a clause's text into sentences; list items arrive already separate. */
export function sentencesOf(text: string): string[] {
  // Imported text keeps the document's line breaks, which fall mid-sentence.
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z("'\u2018\u201c])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The informative weight of the question's words a clause uses together in one passage, beyond the
 * single best of them (which plain word scoring already counts): 0 when no passage holds two. Words
 * alone count: a concept ("#staff") restates its word, and subjects, pairs and directions are read
 * elsewhere; a pair only says which words the question has side by side.
 */
export function togetherness(passages: readonly Passage[], matched: readonly { term: string; idf: number; weight?: number }[]): number {
  const pairs = new Set(matched.filter((m) => m.term.includes('>')).map((m) => m.term));
  const ranked = matched.filter((m) => !/^[@~#]|>/.test(m.term)).sort((a, b) => b.idf * (b.weight ?? 1) - a.idf * (a.weight ?? 1));
  let best = 0;
  for (const p of passages) {
    const counted: string[] = [];
    let sum = 0;
    for (const { term, idf, weight = 1 } of ranked) {
      if (!p.has(term)) continue;
      // Two words side by side in both ("head of service") are one phrase, already scored as a pair.
      const paired = (pair: string) => pairs.has(pair) && p.has(pair);
      if (counted.some((c) => paired(`${c}>${term}`) || paired(`${term}>${c}`))) continue;
      // The first (best) word is what plain scoring already counts; only the others are togetherness.
      if (counted.length) sum += idf * weight;
      counted.push(term);
    }
    if (sum > best) best = sum;
  }
  return best;
}

/** An informative word, as the confidence judge counts one (idf). */
const INFORMATIVE = 0.5;

/**
 * Positions of the question's stems that some passage uses together with another informative word of
 * the question.
 */
export function usedTogether(passages: readonly Passage[], stems: readonly string[], matched: readonly { term: string; idf: number }[]): Set<number> {
  const informative = new Set(matched.filter((m) => !/^[@~#]|>/.test(m.term) && m.idf >= INFORMATIVE).map((m) => m.term));
  const out = new Set<number>();
  stems.forEach((s, i) => {
    if (passages.some((p) => p.has(s) && [...informative].some((o) => o !== s && p.has(o)))) out.add(i);
  });
  return out;
}
