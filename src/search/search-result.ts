/** What a search of one council's clauses returns: the ranked clauses and what the confidence judge reads. */
import type { Clause } from '../protocol/model';
import type { Neighbour } from './subjects';

export interface ScoredClause {
  clause: Clause;
  score: number;
  /** The part of the score that came from words other councils' questions foretell, not the question's own words. */
  foretold?: number;
}

export interface SearchResult {
  hits: ScoredClause[];
  /** Query terms (stems and concepts) that matched at least one clause, with their idf. */
  matched: { term: string; idf: number; weight: number }[];
  /** Count of meaningful query terms (after stop words), before matching. */
  queryTerms: number;
  /** Share of the question's content words that this council's index knows (0..1; 0 when none). */
  knownShare: number;
  /** Content words of the question, after spelling and typo correction. */
  contentWords: string[];
  /**
   * Words naming a topic (a lexicon concept) that this council's protocol does not cover at all,
   * such as "gmail" where the protocol says nothing about email.
   */
  uncoveredTopics: string[];
  /** The lexicon topic concepts ("#email") of those words. */
  uncoveredConcepts: string[];
  /** Content words the best clause does not match (by word or concept). */
  unmatchedWords: string[];
  /** The best clause's score without the words of uncovered topics and subjects (equal to its score when there are none). */
  scoreBesideTopics: number;
  /** The best clause's score without the words naming neighbouring matters. */
  scoreBesideNeighbours: number;
  /** How many words name neighbouring matters, and how many other words name subjects this protocol covers. */
  neighbourWordCount: number;
  subjectWordCount: number;
  /** The same, leaving out words that name people ("chief executive", "councillor"). */
  subjectTopicWordCount: number;
  /** Subjects the question names that no clause of this protocol is linked to. */
  uncoveredSubjects: string[];
  /** The question mentions councillors, staff, chairs or party groups (a lexicon relation concept). */
  aboutPeople: boolean;
  /** A resident's service request (bins, council tax bill) with nothing about councillors or staff. */
  serviceRequest: boolean;
  /** Subjects the question names that this council's protocol covers (linked to at least one clause). */
  subjects: string[];
  /** Every word the question matched is known only from hints, not from the protocol's own text. */
  hintsOnly: boolean;
  /** Clauses setting out a step the asker says they already took without result (a first step, or the post they went to). */
  triedSteps: string[];
  /** Clauses only for a later stage ("If informal resolution fails…"), when the asker says a first step failed. */
  nextSteps: string[];
  /** Neighbouring matters (allowances, planning…) the question names. */
  neighbours: Neighbour[];
  /** The phrases that named each neighbouring matter, by its id. */
  neighbourPhrases: ReadonlyMap<string, ReadonlySet<string>>;
}
