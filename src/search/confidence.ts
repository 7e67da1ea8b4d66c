/**
 * Decides whether the best match is good enough to present as the answer. Showing an unrelated
 * clause confidently is the worst failure, so the bar is: the question must be mostly in words this
 * protocol uses, must not be about a topic the protocol never covers, and the best clause must
 * score clearly on at least one informative word.
 */
import type { SearchResult } from './clause-index';

export const CONFIDENCE = Object.freeze({
  /** Minimum BM25 score of the best clause. */
  minScore: 2.5,
  /** The same, when the question names no subject and no people and matched only hint words. */
  minScoreHintsOnly: 4,
  /** At least one matched word or concept must be at least this informative (idf). */
  minTermIdf: 0.5,
  /**
   * When the question names a topic the protocol's text never mentions, the minimum the best clause
   * must score on the rest of the question.
   */
  minScoreBesideUncoveredTopic: 7,
  /** Minimum share of the question's content words that the council's index knows. */
  minKnownShare: 0.15,
  /** The same, for questions of four content words or fewer. */
  minKnownShareShort: 0.5,
});

export interface Confidence {
  confident: boolean;
  reason: string;
  /** The lexicon topics (without "#") that the protocol never mentions, when that is why. */
  uncoveredTopics?: string[];
}

export function judgeConfidence(result: SearchResult): Confidence {
  const top = result.hits[0];
  if (!top) return { confident: false, reason: 'no clause matched' };
  if (result.serviceRequest) return { confident: false, reason: 'a service request, not a protocol question' };
  if (result.uncoveredTopics.length && result.scoreBesideTopics < CONFIDENCE.minScoreBesideUncoveredTopic) {
    const topics = result.uncoveredConcepts.map((c) => c.replace(/^#/, ''));
    return { confident: false, reason: `topic not covered: ${result.uncoveredTopics.join(', ')}`, uncoveredTopics: topics };
  }
  // A short question mostly in words this protocol never uses ("lorem ipsum dolor sit") is not about it.
  const minShare = result.contentWords.length <= 4 ? CONFIDENCE.minKnownShareShort : CONFIDENCE.minKnownShare;
  if (result.knownShare < minShare) return { confident: false, reason: 'mostly unknown words' };
  if (!result.matched.some((m) => !m.term.includes('>') && m.idf >= CONFIDENCE.minTermIdf)) {
    return { confident: false, reason: 'only common words matched' };
  }
  // A one- or two-word query ("training", "political groups") scores low but is clear when all of it matched.
  const shortAndMatched = result.contentWords.length <= 2 && result.unmatchedWords.length === 0;
  // Words other councils' questions foretell help choose among clauses, but are no evidence that the protocol deals with the question.
  const literal = top.score - (top.foretold ?? 0);
  if (literal < CONFIDENCE.minScore && !shortAndMatched) return { confident: false, reason: 'best score too low' };
  // Hints are a council's guesses at how people ask; a match on them alone, with nothing naming the
  // protocol's matters or people ("is it going to snow this weekend" -> "rings me at weekends"), is weak evidence.
  const bare = result.hintsOnly && !result.aboutPeople && !result.subjects.length;
  if (bare && literal < CONFIDENCE.minScoreHintsOnly) return { confident: false, reason: 'only hint words matched' };
  return { confident: true, reason: 'ok' };
}
