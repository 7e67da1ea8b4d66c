/**
 * Which clause words a question's words foretell, learnt from the question bank: every ask there was
 * asked about a known clause, so over thousands of asks in many councils "nephew" goes with clauses
 * saying "relative", "gmail" with "email account", "snotty" with "courtesy". A word links to the clause
 * words found with it far more often than chance (lift), discounted while the evidence is thin. A council
 * never learns from its own asks: they are what it is measured on, as with borrowing.
 */
import type { QuestionBankFile } from './question-bank';
import { STOP_WORDS, stem, words } from './text';

export interface WordLink {
  term: string;
  /** Log-lift, discounted for few asks: how much more often the clause word goes with the question word than with any ask. */
  weight: number;
}

/** A question word links only once this many asks (in other councils) used it... */
const MIN_ASKS = 3;
/** ...and only to clause words that at least this many of those asks' clauses used. */
const MIN_PAIRED = 2;
/** k / (k + SHRINK): two asks' worth of a pairing counts half. */
const SHRINK = 2;
/** The strongest few links of each question word; the rest are mostly chance. */
const TOP_LINKS = 3;

/** Stemmed content words, as the bank compares texts. */
export const bankTerms = (text: string): string[] =>
  words(text)
    .filter((w) => !STOP_WORDS.has(w) && w.length > 2 && !/^\d+$/.test(w))
    .map(stem);

interface Counts {
  asks: number;
  /** Asks using each question word. */
  byWord: Map<string, number>;
  /** Asks whose clause uses each clause word. */
  byClauseWord: Map<string, number>;
  /** Asks using the question word whose clause uses the clause word. */
  paired: Map<string, Map<string, number>>;
}

const emptyCounts = (): Counts => ({ asks: 0, byWord: new Map(), byClauseWord: new Map(), paired: new Map() });
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

function count(into: Counts, askTerms: ReadonlySet<string>, clauseTerms: ReadonlySet<string>): void {
  into.asks++;
  for (const c of clauseTerms) bump(into.byClauseWord, c);
  for (const q of askTerms) {
    bump(into.byWord, q);
    let m = into.paired.get(q);
    if (!m) into.paired.set(q, (m = new Map()));
    for (const c of clauseTerms) bump(m, c);
  }
}

/** The bank's word links, for each council without its own asks. */
export function learnWordLinks(file: QuestionBankFile): (councilId: string) => (questionStem: string) => readonly WordLink[] {
  const entries = file.clauses.map((e) => ({ council: e.council, clauseTerms: new Set(bankTerms(e.text)), asks: e.asks.map((a) => new Set(bankTerms(a))) }));
  const countOf = (keep: (council: string) => boolean): Counts => {
    const counts = emptyCounts();
    for (const e of entries) if (keep(e.council)) for (const ask of e.asks) count(counts, ask, e.clauseTerms);
    return counts;
  };
  const all = countOf(() => true);
  return (councilId) => {
    // Only the councils loaded need their own counts, to take out of the whole bank's.
    const own = countOf((c) => c === councilId);
    const asks = all.asks - own.asks;
    const less = (m: Map<string, number>, ownM: Map<string, number> | undefined, k: string) => (m.get(k) ?? 0) - (ownM?.get(k) ?? 0);
    // Bounded by the bank's own vocabulary: a word no ask used is never cached.
    const cache = new Map<string, readonly WordLink[]>();
    return (q) => {
      const cached = cache.get(q);
      if (cached) return cached;
      const paired = all.paired.get(q);
      if (!paired) return [];
      const withWord = less(all.byWord, own.byWord, q);
      const links: WordLink[] = [];
      if (withWord >= MIN_ASKS) {
        const ownPaired = own.paired.get(q);
        for (const c of paired.keys()) {
          const k = less(paired, ownPaired, c);
          if (k < MIN_PAIRED) continue;
          const lift = k / withWord / (less(all.byClauseWord, own.byClauseWord, c) / asks);
          const weight = Math.log(lift) * (k / (k + SHRINK));
          if (weight > 0) links.push({ term: c, weight });
        }
      }
      const top = links.sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term)).slice(0, TOP_LINKS);
      cache.set(q, top);
      return top;
    };
  };
}
