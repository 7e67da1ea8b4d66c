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

interface Term {
  term: string;
  idf: number;
  weight?: number;
}

interface Prepared {
  /** The question's words alone, most informative first, with their weight. */
  ranked: { term: string; w: number }[];
  /** Pairs of words the question has side by side. */
  pairs: ReadonlySet<string>;
}

// One search scores every clause with the same terms: they are prepared once, not once per clause.
const prepared = new WeakMap<readonly Term[], Prepared>();

/** The question's words, most informative first, and its word pairs: what `togetherAmong` takes. */
export function questionWords(matched: readonly Term[]): Prepared {
  let p = prepared.get(matched);
  if (!p) {
    // Words alone count: a concept ("#staff") restates its word, and subjects, pairs and directions are read elsewhere.
    const ranked = matched
      .filter((m) => !/^[@~#]|>/.test(m.term))
      .map((m) => ({ term: m.term, w: m.idf * (m.weight ?? 1) }))
      .sort((a, b) => b.w - a.w);
    p = { ranked, pairs: new Set(matched.filter((m) => m.term.includes('>')).map((m) => m.term)) };
    prepared.set(matched, p);
  }
  return p;
}

/**
 * The informative weight of the question's words a clause uses together in one passage, beyond the
 * single best of them (which plain word scoring already counts): 0 when no passage holds two. `has`
 * says whether the clause uses a term at all, so most clauses are passed over at once.
 */
export function togetherness(passages: readonly Passage[], matched: readonly Term[], has: (term: string) => boolean = () => true): number {
  const { ranked, pairs } = questionWords(matched);
  let n = 0;
  for (const r of ranked) if (has(r.term)) n++;
  if (n < 2) return 0;
  return togetherAmong(passages, ranked.filter((r) => has(r.term)), pairs);
}

/**
 * `togetherness` for a clause whose words of the question (`used`, in `questionWords` order) are
 * already known, as a search over every clause knows them from its postings.
 */
export function togetherAmong(passages: readonly Passage[], used: readonly { term: string; w: number }[], pairs: ReadonlySet<string>): number {
  if (used.length < 2) return 0;
  let best = 0;
  for (const p of passages) {
    const counted: string[] = [];
    let sum = 0;
    for (const { term, w } of used) {
      if (!p.has(term)) continue;
      // Two words side by side in both ("head of service") are one phrase, already scored as a pair.
      if (pairs.size && counted.some((c) => (pairs.has(`${c}>${term}`) && p.has(`${c}>${term}`)) || (pairs.has(`${term}>${c}`) && p.has(`${term}>${c}`)))) continue;
      // The first (best) word is what plain scoring already counts; only the others are togetherness.
      if (counted.length) sum += w;
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
