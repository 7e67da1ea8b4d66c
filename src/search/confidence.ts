/**
 * Decides whether the best match is good enough to present as the answer. Showing an unrelated
 * clause confidently is the worst failure, so the bar is: some informative word of the question
 * must match, and the best clause must score clearly.
 */
import type { ClauseIndex, SearchResult } from './clause-index';

export const CONFIDENCE = Object.freeze({
  /** Minimum BM25 score of the best clause. */
  minScore: 2.0,
  /** At least one matched term must be at least this informative (idf). */
  minTermIdf: 0.9,
});

export function judgeConfidence(result: SearchResult, _index: ClauseIndex): { confident: boolean; reason: string } {
  const top = result.hits[0];
  if (!top) return { confident: false, reason: 'no clause matched' };
  if (!result.matched.some((m) => m.idf >= CONFIDENCE.minTermIdf)) return { confident: false, reason: 'only common words matched' };
  if (top.score < CONFIDENCE.minScore) return { confident: false, reason: 'best score too low' };
  return { confident: true, reason: 'ok' };
}
