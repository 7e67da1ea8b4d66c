/**
 * A council's clause index: BM25 over stemmed words and lexicon concepts, headings weighted, with
 * fuse.js correcting misspelt words against the index vocabulary ("aks" -> "ask", "groop" -> "group").
 */
import Fuse from 'fuse.js';
import { compareIds, isWithin } from '../protocol/clause-id';
import { clauseBody, type Clause, type Protocol } from '../protocol/model';
import type { Lexicon } from './lexicon';
import type { SearchHints } from './search-hints';
import type { QuestionBank } from './question-bank';
import type { WordLink } from './word-links';
import { type SubjectKnowledge, buildSubjects } from './subjects';
import type { ScoredClause, SearchResult } from './search-result';
import { isEnglishWord } from './english-words';
import { type Party, termWeight } from './direction';
import { analyse } from './analyse';
import { editDistance } from './edit-distance';
import { type ClauseRoles, clauseRoles, questionRoles, roleFit, stageSteps } from './clause-roles';
import { type QuestionIntent, readIntent } from './question-intent';
import { findClauseRef } from './clause-number';
import { bearerFit, clauseBearer, questionBearer, ruleFit, setsRule } from './duty-bearer';
import { type Passage, questionWords, sentencesOf, togetherAmong, togetherness, usedTogether } from './proximity';
import { STOP_WORDS, stem, words } from './text';

/** Re-exported: callers read a text's search terms, and the result's types, from the index's module. */
export { analyse };
export type { ScoredClause, SearchResult };

interface Doc {
  clause: Clause;
  roles: ClauseRoles;
  /** Whose conduct it opens by setting out (duty-bearer.ts); and whether it lays down a rule. */
  bearer?: Party | undefined;
  rule: boolean;
  tf: Map<string, number>;
  length: number;
  /** BM25's length normalisation for it, K1 · (1 − B + B · length / mean length): set once the mean is known. */
  norm: number;
  /** Its sentences and list items, each as its search terms. */
  passages: Passage[];
  /**
   * The terms of the sub-heading it shares with its siblings, each with the siblings' mean term
   * factor: such a term says which sub-section, not which of its clauses (shareSectionTerms).
   */
  shared?: ReadonlyMap<string, number>;
}

const HEADING_WEIGHT = 2;
/**
 * Clause words that other councils' questions foretell from the question's words (word-links.ts) count at
 * this share of a word of the question's own; a clause word foretold by several question words counts for
 * their sum, up to FORETOLD_MAX. Chosen on the dev sets: 0.1 gained less, and 0.2 or more moved clauses
 * that the hand-tuned sets rank right.
 */
const FORETOLD_WEIGHT = 0.15;
const FORETOLD_MAX = 4;
const HINT_WEIGHT = 1.5;
/** Weight of a question borrowed from a like clause of another council, per unit of likeness (cosine). */
const BORROWED_WEIGHT = 0.5;
/** However many questions were asked about the clause it borrows from, a clause borrows at most this many asks' weight. */
const BORROWED_ASKS = 6;
/** A clause's weight for a subject it is linked to, per distinct term linking it (capped). */
const SUBJECT_WEIGHT = 1;
const SUBJECT_MAX_TERMS = 3;
/** How much a subject named in the question counts, relative to one of its words. */
const SUBJECT_QUERY_WEIGHT = 2;
/** How much a subject named only by people the question mentions counts ("the cabinet member"). */
const PEOPLE_SUBJECT = 0.5;
/** Words before the one a question opens on that leave it as who acts ("the", "one of our", "what does the"). */
const OPENING_WORDS: ReadonlySet<string> = new Set(
  `the a an my our one of this that their his her hi all what who how why when does do did is are was can could should would will has have must`.split(' '),
);
/** Extra weight for each further content word that named the subject (up to three). */
const SUBJECT_EXTRA_WORD = 0.3;
// Term saturation and length normalisation chosen on all eval sets together (cold, fresh, team):
// a long clause that uses a question's words several times is usually the one that deals with it.
const K1 = 1.8;
const B = 0.4;
const MAX_FUZZY_CACHE = 5000;
/** Fewest clauses under one sub-heading for its terms to be counted alike (shareSectionTerms). */
const MIN_SIBLINGS = 3;
/** Weight of the question's words found together in one sentence or item (proximity.ts), chosen on all eval sets. */
const PROXIMITY = 0.6;

/** How much more a clause under a section the question names counts ("what does section 3 say about groups"). */
const NAMED_SECTION = 2;

/** The subject of a first step having failed ("got nowhere", "what now"). */
const LATER_STAGE_SUBJECT = '@complaint-next-step';
/** The lexicon concept of political parties and groups: who a question is about, and often what too ("officers at our group"). */
const PARTY_CONCEPT = '#party';
/** Subjects about party groups themselves: their words name people (a group) and the matter at once. */
const GROUP_SUBJECTS: ReadonlySet<string> = new Set(['@political-groups', '@group-attendance', '@group-confidentiality', '@group-non-members', '@group-decisions']);
/** The lexicon concepts of the two sides a protocol is between: staff, and councillors (chairs and groups among them). */
const STAFF_CONCEPT = '#staff';
const MEMBER_CONCEPTS: ReadonlySet<string> = new Set(['#councillor', '#chair', PARTY_CONCEPT]);
/** The lexicon concept of complaining ("unhappy", "grievance", "fed up"). */
const COMPLAINT_CONCEPT = '#complaint';

export class ClauseIndex {
  private readonly docs: Doc[];
  private readonly df = new Map<string, number>();
  /** For each term, the clauses (by position in `docs`) that use it. */
  private readonly postings = new Map<string, number[]>();
  private readonly avgLength: number;
  private readonly knownWords: Set<string>;
  private readonly fuse: Fuse<string>;
  private readonly fuzzyCache = new Map<string, string | null>();
  private readonly termsCache = new Map<string, ReadonlySet<string>>();
  /** The council's own name ("Honiton Town Council"): naming it says nothing about which clause. */
  private readonly nameWords: ReadonlySet<string>;
  /** Words and concepts that the protocol's own text (not its hints) uses. */
  private readonly textTerms = new Set<string>();
  /** The clause words each question word foretells, learnt from other councils' questions. */
  private readonly links: ((questionStem: string) => readonly WordLink[]) | undefined;

  constructor(
    readonly protocol: Protocol,
    private readonly lexicon: Lexicon,
    hints: SearchHints = new Map(),
    private readonly subjects: SubjectKnowledge = buildSubjects({ subjects: {} }),
    bank?: QuestionBank,
  ) {
    const corpusWords = new Set<string>();
    const borrowed = bank?.borrow(protocol.id, protocol.clauses) ?? new Map();
    this.links = bank?.links(protocol.id);
    this.docs = protocol.clauses
      .filter((c) => c.text || c.items.length || c.tail)
      .map((clause) => {
        const tf = new Map<string, number>();
        const add = (text: string, weight: number) => {
          for (const w of words(text)) corpusWords.add(w);
          for (const t of analyse(text, lexicon)) tf.set(t, (tf.get(t) ?? 0) + weight);
        };
        const body = clauseBody(clause);
        add(clause.heading, HEADING_WEIGHT);
        add(body, 1);
        for (const t of analyse(`${clause.heading}\n${body}`, lexicon)) this.textTerms.add(t);
        for (const hint of hints.get(clause.id) ?? []) add(hint, HINT_WEIGHT);
        // How people asked about clauses like this one in other councils (question-bank.ts), unless
        // the council's own hints say how its members ask about this one.
        const asks = hints.has(clause.id) ? [] : (borrowed.get(clause.id) ?? []);
        const share = Math.min(1, BORROWED_ASKS / Math.max(1, asks.length));
        for (const ask of asks) add(ask.text, BORROWED_WEIGHT * ask.likeness * share);
        // The clause's own text links it to the subjects it deals with, in any council.
        for (const [token, n] of subjects.linkClause(clause.heading, body)) {
          tf.set(token, SUBJECT_WEIGHT * Math.min(n, SUBJECT_MAX_TERMS));
          this.textTerms.add(token);
        }
        // Direction tokens restate words already counted; they leave a clause's length as it was.
        let length = 0;
        for (const [t, v] of tf) if (!t.startsWith('~')) length += v;
        const items = clause.items.flatMap((i) => [i.text, ...(i.items ?? []).map((s) => s.text)]);
        const passages = [clause.text, ...items, clause.tail].flatMap(sentencesOf).map((t) => new Set(analyse(t, lexicon, { directed: false })));
        const [roles, bearer, rule] = [clauseRoles(body, clause.heading), clauseBearer(clause.text, clause.items[0]?.text), setsRule(body)];
        return { clause, tf, length, norm: 0, roles, passages, bearer, rule };
      });
    this.docs.forEach((d, i) => {
      for (const t of d.tf.keys()) {
        this.df.set(t, (this.df.get(t) ?? 0) + 1);
        const posting = this.postings.get(t);
        if (posting) posting.push(i);
        else this.postings.set(t, [i]);
      }
    });
    this.avgLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length);
    for (const d of this.docs) d.norm = K1 * (1 - B + (B * d.length) / this.avgLength);
    this.shareSectionTerms();
    // Words of the council's name that its clauses never use ("honiton", "tc" aside) carry no meaning.
    this.nameWords = new Set(words(protocol.name).filter((w) => !corpusWords.has(w)));
    for (const w of lexicon.vocabulary) corpusWords.add(w);
    for (const w of subjects.vocabulary) corpusWords.add(w);
    this.knownWords = new Set([...corpusWords].filter((w) => !STOP_WORDS.has(w)));
    this.fuse = new Fuse([...this.knownWords].filter((w) => w.length >= 3), {
      includeScore: true,
      threshold: 0.34,
      distance: 20,
      minMatchCharLength: 3,
    });
  }

  /** The search terms of a piece of clause text (words, concepts, word pairs and the subjects it is linked to). */
  termsOf(text: string): ReadonlySet<string> {
    // Clause text is fixed once loaded, so each piece is analysed once, on the first answer that needs it.
    let terms = this.termsCache.get(text);
    if (!terms) {
      terms = new Set([...analyse(text, this.lexicon), ...this.subjects.linkClause('', text).keys()]);
      this.termsCache.set(text, terms);
    }
    return terms;
  }

  /** Inverse document frequency of a term in this council's clauses (0 when absent). */
  idf(term: string): number {
    const n = this.df.get(term);
    if (!n) return 0;
    return Math.log(1 + (this.docs.length - n + 0.5) / (n + 0.5));
  }

  /** Ranks every clause with any matching term, best first; `intent` is the question's own reading, when the caller has it. */
  search(question: string, intent: QuestionIntent = readIntent(question)): SearchResult {
    const corrected = this.correctWords(question).filter((w) => !this.nameWords.has(w));
    const named = this.subjects.inQuestion(corrected);
    // The direction is read from the question's own words, not from asides in brackets: the core adds
    // its reading of the asker there ("(officers can expect from councillors)"), already counted as words.
    // "I" and "we" are the asker: a councillor unless they write as an officer.
    const aside = question.includes('(');
    const own = aside ? this.correctWords(question.replace(/\([^)]*\)/g, ' ')).filter((w) => !this.nameWords.has(w)) : corrected;
    const asker: Party = intent.officerVoice ? 'officer' : 'member';
    const directions = analyse(own.join(' '), this.lexicon, { asker }).filter((t) => t.startsWith('~'));
    const terms = [...analyse(corrected.join(' '), this.lexicon, { directed: false }), ...directions, ...named.subjects];
    const contentWords = corrected.filter((w) => !STOP_WORDS.has(w) && w.length > 1);
    const coveredWords = new Set(corrected.filter((_, i) => named.covered.has(i)));
    const known: string[] = [];
    const uncoveredTopics: string[] = [];
    const uncoveredConcepts = new Set<string>();
    // A word inside a fixed phrase ("with the office": the staff, not the building) names no topic of its own.
    const inPhrase = phraseWords(corrected, this.lexicon);
    for (const w of contentWords) {
      const s = stem(w);
      const concepts = this.lexicon.conceptsIn([s]);
      if (this.df.has(s) || concepts.some((c) => this.df.has(c)) || coveredWords.has(w)) known.push(w);
      const uncovered =
        this.textTerms.has(s) || inPhrase.has(w) ? [] : concepts.filter((c) => this.lexicon.topics.has(c) && !this.textTerms.has(c));
      if (uncovered.length) uncoveredTopics.push(w);
      uncovered.forEach((c) => uncoveredConcepts.add(c));
    }
    const unique = [...new Set(terms)];
    const aboutPeople = unique.some((t) => this.lexicon.relations.has(t));
    // A service named in a question about one of the protocol's matters ("slam the car park charges decision
    // on facebook": public criticism) is what the matter is about, not a request for the service.
    // So is asking how to pass a resident's service request on ("where do i log it?"): the members' enquiries route, named in more than a passing word.
    const routesEnquiry = (named.subjectWords.get(ENQUIRY_SUBJECT)?.size ?? 0) >= ENQUIRY_MIN_WORDS;
    const serviceRequest =
      unique.some((t) => this.lexicon.services.has(t)) && !aboutPeople && !routesEnquiry && !named.subjects.some((t) => SERVICE_NEUTRAL_SUBJECTS.has(t));
    const people = this.lexicon.relationPositions(corrected.map(stem));
    const mentionedOnly = this.mentionedOnly(corrected, people);
    // A subject named by more of the question's words ("keeps bringing her pay dispute to me") is surer;
    // one named only by someone the question mentions counts less, when the question names others too.
    const subjectWeight = (t: string) => {
      const at = [...(named.subjectWords.get(t) ?? [])].filter((i) => !STOP_WORDS.has(corrected[i]!));
      const byPeople = at.length && named.subjects.length > 1 && mentionedOnly(at) ? PEOPLE_SUBJECT : 1;
      return byPeople * SUBJECT_QUERY_WEIGHT * (1 + SUBJECT_EXTRA_WORD * Math.min(3, Math.max(0, at.length - 1)));
    };
    const matched = unique
      .filter((t) => this.df.has(t))
      .map((term) => ({ term, idf: this.idf(term), weight: term.startsWith('@') ? subjectWeight(term) : termWeight(term) }));
    // Siblings share most words; who raises the matter, whom it is about and its stage tell them apart.
    // Only when the question raises a matter: elsewhere a clause's complaint wording says nothing.
    const laterStage = named.subjects.includes(LATER_STAGE_SUBJECT);
    const raises = intent.escalation || intent.asksWho || laterStage || unique.includes(COMPLAINT_CONCEPT);
    const asked = raises ? questionRoles(question, intent.officerVoice, laterStage) : undefined;
    const bearer = questionBearer(aside ? question.replace(/\([^)]*\)/g, ' ') : question, asker);
    const section = this.namedSection(question);
    const base = this.scoreAll(matched);
    const foretold = this.foretoldScores(contentWords);
    const scored: { doc: Doc; score: number; foretold: number }[] = [];
    base.forEach((s, i) => {
      if (s <= 0) return;
      const doc = this.docs[i]!;
      const fit =
        (asked ? roleFit(doc.roles, asked) : 1) *
        bearerFit(doc.bearer, bearer) *
        ruleFit(doc.rule, intent.ownConduct) *
        (section?.(doc.clause.id) ? NAMED_SECTION : 1);
      const more = foretold?.[i] ?? 0;
      if (fit > 0) scored.push({ doc, score: (s + more) * fit, foretold: more * fit });
    });
    scored.sort((a, b) => b.score - a.score || compareIds(a.doc.clause.id, b.doc.clause.id));
    const hits: ScoredClause[] = scored.map(({ doc, score, foretold: f }) => ({ clause: doc.clause, score, foretold: f }));
    const topDoc = scored[0]?.doc;
    // Subjects the question names that no clause of this protocol deals with ("friends outside work"
    // where the protocol says nothing about relationships): their words are judged like uncovered topics.
    const uncoveredSubjects = named.subjects.filter((t) => !this.df.has(t) && this.subjects.distinct.has(t));
    const coveredSubjects = named.subjects.filter((t) => this.df.has(t));
    const positionsOf = (subjects: readonly string[]) => new Set(subjects.flatMap((t) => [...named.subjectWords.get(t)!]));
    const coveredPositions = positionsOf(coveredSubjects);
    const groupPositions = positionsOf(coveredSubjects.filter((t) => GROUP_SUBJECTS.has(t)));
    const uncoveredPositions = new Set(
      uncoveredSubjects.flatMap((t) => [...named.subjectWords.get(t)!]).filter((i) => !coveredPositions.has(i) && !STOP_WORDS.has(corrected[i]!)),
    );
    const topicWords = new Set(uncoveredTopics);
    // What the best clause scores on the rest of the question, leaving out the uncovered words.
    const scoreBeside = (left: (w: string, i: number) => boolean) =>
      topDoc ? this.score(topDoc, this.matchedTerms(corrected.filter(left))) : 0;
    const scoreBesideTopics =
      topicWords.size || uncoveredPositions.size ? scoreBeside((w, i) => !topicWords.has(w) && !uncoveredPositions.has(i)) : (scored[0]?.score ?? 0);
    // A neighbouring word the best clause itself uses beside the question's other words ("work outside … approved budgets") is its matter.
    const alongside = topDoc ? usedTogether(topDoc.passages, corrected.map(stem), matched) : new Set<number>();
    const scoreBesideNeighbours = named.neighbourWords.size ? scoreBeside((_, i) => !named.neighbourWords.has(i) || alongside.has(i)) : (scored[0]?.score ?? 0);
    for (const i of uncoveredPositions) if (!topicWords.has(corrected[i]!)) uncoveredTopics.push(corrected[i]!);
    return {
      hits,
      matched,
      queryTerms: unique.length,
      knownShare: contentWords.length ? known.length / contentWords.length : 0,
      contentWords,
      uncoveredTopics,
      uncoveredConcepts: [...uncoveredConcepts],
      serviceRequest,
      aboutPeople,
      scoreBesideTopics,
      scoreBesideNeighbours,
      neighbourWordCount: named.neighbourWords.size,
      subjectWordCount: [...coveredPositions].filter((i) => !named.neighbourWords.has(i)).length,
      // Who a question is about ("what's the chief executive paid") is not what it is about.
      // A party group a question is about ("the labour group want me at their meeting") is what it is about: political groups are a matter of the protocol's own.
      subjectTopicWordCount: [...coveredPositions].filter((i) => !named.neighbourWords.has(i) && (!people.has(i) || groupPositions.has(i))).length,
      uncoveredSubjects,
      subjects: coveredSubjects,
      ...stageSteps(this.docs, asked),
      hintsOnly: matched.every((m) => m.term.startsWith('~') || !this.textTerms.has(m.term)),
      neighbours: named.neighbours,
      neighbourPhrases: named.neighbourPhrases,
      unmatchedWords: topDoc ? this.unmatched(contentWords, topDoc) : contentWords,
    };
  }

  /**
   * A sub-heading shared by all its clauses ("Email", over 5.1.1-5.1.4) counts for none of them: they
   * count its terms alike, at their mean, so the clause repeating the sub-section's word most is not
   * thereby the one asked about, and the words the siblings do not share tell them apart. Only under
   * a sub-section, whose heading names one matter: a top-level section's heading ("Working
   * together") is broad, and its clauses' own use of its words says which of them deals with it.
   */
  private shareSectionTerms(): void {
    const sections = new Map<string, Doc[]>();
    const parents = new Map(this.protocol.clauses.map((c) => [c.id, c.parent]));
    for (const d of this.docs) {
      if (!d.clause.parent || !parents.get(d.clause.parent)) continue;
      const key = `${d.clause.parent}\u0000${d.clause.heading}`;
      const siblings = sections.get(key);
      if (siblings) siblings.push(d);
      else sections.set(key, [d]);
    }
    for (const siblings of sections.values()) {
      if (siblings.length < MIN_SIBLINGS) continue;
      const shared = new Map<string, number>();
      const heading = siblings[0]!.clause.heading;
      const headingTerms = new Set([...analyse(heading, this.lexicon), ...this.subjects.linkClause(heading, '').keys()]);
      for (const term of headingTerms) {
        if (!siblings.every((d) => d.tf.has(term))) continue;
        shared.set(term, siblings.reduce((s, d) => s + this.termFactor(d, d.tf.get(term)!), 0) / siblings.length);
      }
      if (shared.size) for (const d of siblings) d.shared = shared;
    }
  }

  /**
   * Whether some of the question's words (positions) are only someone it mentions: a subject named
   * by them alone ("ask the clerk for the figures", "the cabinet member's quote") is not what it asks
   * about. Not who it opens with, who acts in it ("the cabinet member keeps giving me jobs"); not a
   * party or group, often its matter ("officers at our group"); and not when it names both sides
   * ("how should councillors and staff get on"), whose dealings with each other are its matter.
   */
  private mentionedOnly(corrected: readonly string[], people: ReadonlySet<number>): (at: readonly number[]) => boolean {
    const concepts = (i: number) => this.lexicon.conceptsIn([stem(corrected[i]!)]);
    const sides = new Set([...people].flatMap(concepts).filter((c) => c === STAFF_CONCEPT || MEMBER_CONCEPTS.has(c)).map((c) => c === STAFF_CONCEPT));
    if (sides.size > 1) return () => false;
    const first = corrected.findIndex((w) => !OPENING_WORDS.has(w));
    const actor = new Set<number>();
    for (let i = first; i >= 0 && people.has(i); i++) actor.add(i);
    return (at) => at.every((i) => people.has(i) && !actor.has(i) && !concepts(i).includes(PARTY_CONCEPT));
  }

  /** BM25's saturating, length-normalised factor for a term a clause uses `f` times. */
  private termFactor(doc: Doc, f: number): number {
    return (f * (K1 + 1)) / (f + doc.norm);
  }

  /** The clauses under a section or clause the question names ("section 3 … about groups": 3, 3.1, 3(a)…), when this protocol has it. */
  private namedSection(question: string): ((id: string) => boolean) | undefined {
    if (!/\d/.test(question)) return undefined;
    const ref = findClauseRef(question);
    if (!ref) return undefined;
    const within = (id: string) => isWithin(id, ref.clause);
    return this.docs.some((d) => within(d.clause.id)) ? within : undefined;
  }

  /**
   * Each clause's score on the words other councils' questions foretell from this question's words: it
   * ranks clauses the question's own words already reach, in what people meant by them, and is never
   * evidence by itself that the protocol deals with the question (confidence.ts leaves it out).
   */
  private foretoldScores(contentWords: readonly string[]): Float64Array | undefined {
    if (!this.links) return undefined;
    const foretold = new Map<string, number>();
    for (const w of new Set(contentWords.map(stem))) {
      for (const l of this.links(w)) if (this.df.has(l.term)) foretold.set(l.term, (foretold.get(l.term) ?? 0) + l.weight);
    }
    if (!foretold.size) return undefined;
    const scores = new Float64Array(this.docs.length);
    this.addTermScores(
      scores,
      [...foretold].map(([term, weight]) => ({ term, idf: this.idf(term), weight: FORETOLD_WEIGHT * Math.min(FORETOLD_MAX, weight) })),
    );
    return scores;
  }

  /** The terms of some question words that this index holds, weighted as in search. */
  private matchedTerms(ws: readonly string[]): { term: string; idf: number; weight: number }[] {
    const terms = new Set([...analyse(ws.join(' '), this.lexicon), ...this.subjects.inQuestion(ws).subjects]);
    return [...terms]
      .filter((t) => this.df.has(t))
      .map((term) => ({ term, idf: this.idf(term), weight: term.startsWith('@') ? SUBJECT_QUERY_WEIGHT : termWeight(term) }));
  }

  /**
   * `score` for every clause at once, by each term's postings: only the clauses using a term are
   * visited, so a question costs what its terms occur, not clauses × terms. The sums are taken in the
   * same order as `score`'s, so each clause's score is exactly the same.
   */
  private scoreAll(terms: readonly { term: string; idf: number; weight?: number }[]): Float64Array {
    const scores = new Float64Array(this.docs.length);
    // Each clause's words of the question, most informative first, read from the postings; a clause
    // using fewer than two of them has no togetherness, and starts at 0 as `score`'s would.
    const { ranked, pairs } = questionWords(terms);
    const used: { term: string; w: number }[][] = [];
    for (const r of ranked) for (const i of this.postings.get(r.term) ?? []) (used[i] ??= []).push(r);
    used.forEach((u, i) => {
      scores[i] = PROXIMITY * togetherAmong(this.docs[i]!.passages, u, pairs);
    });
    this.addTermScores(scores, terms);
    return scores;
  }

  /** Adds each term's BM25 share to the score of every clause using it, read from the postings. */
  private addTermScores(scores: Float64Array, terms: Iterable<{ term: string; idf: number; weight?: number }>): void {
    for (const t of terms) for (const i of this.postings.get(t.term) ?? []) scores[i]! += this.termScore(this.docs[i]!, t);
  }

  /** BM25, and the question's words found together in one of the clause's sentences or items. */
  private score(doc: Doc, terms: readonly { term: string; idf: number; weight?: number }[]): number {
    let score = PROXIMITY * togetherness(doc.passages, terms, (t) => doc.tf.has(t));
    for (const t of terms) score += this.termScore(doc, t);
    return score;
  }

  /** One term's BM25 share of a clause's score (0 where the clause does not use it). */
  private termScore(doc: Doc, { term, idf, weight = 1 }: { term: string; idf: number; weight?: number }): number {
    const f = doc.tf.get(term);
    return f ? weight * idf * (doc.shared?.get(term) ?? this.termFactor(doc, f)) : 0;
  }

  private unmatched(contentWords: string[], doc: Doc): string[] {
    return contentWords.filter((w) => {
      const s = stem(w);
      return !doc.tf.has(s) && !this.lexicon.conceptsIn([s]).some((c) => doc.tf.has(c));
    });
  }

  /** The question's words, with misspelt ones replaced by their nearest known word. */
  private correctWords(question: string): string[] {
    return words(question)
      .map((w) => this.lexicon.spell(w))
      .map((w) =>
        STOP_WORDS.has(w) || this.knownWords.has(w) || w.length < 3 || /\d/.test(w) || isEnglishWord(w) ? w : (this.correct(w) ?? w),
      );
  }

  private correct(word: string): string | null {
    const cached = this.fuzzyCache.get(word);
    if (cached !== undefined) return cached;
    // Fuse finds candidates anywhere in a word; keep only a whole-word near miss (a typo, not a substring).
    // Typos rarely change the first letter, which also keeps "honiton" from becoming "monitor".
    const maxEdits = word.length <= 4 ? 1 : 2;
    const best = this.fuse
      .search(word, { limit: 20 })
      .map((r) => ({ item: r.item, edits: editDistance(word, r.item) }))
      .filter((c) => c.edits <= maxEdits && c.item[0] === word[0])
      .sort((a, b) => a.edits - b.edits)[0];
    const result = best ? best.item : null;
    if (this.fuzzyCache.size >= MAX_FUZZY_CACHE) this.fuzzyCache.clear();
    this.fuzzyCache.set(word, result);
    return result;
  }
}

/** The words of a question that sit inside one of the lexicon's fixed phrases. */
function phraseWords(ws: readonly string[], lexicon: Lexicon): Set<string> {
  const joined = lexicon.joinPhrases(ws);
  if (joined.length === ws.length) return new Set();
  const single = new Set(joined);
  return new Set(ws.filter((w) => !single.has(w)));
}

/** Subjects of the protocol's own that a question may raise about a service (criticising a decision on it in public). */
const SERVICE_NEUTRAL_SUBJECTS: ReadonlySet<string> = new Set(['@public-criticism']);
/** Members' enquiries and response times; and how many of the question's words must name it to route a service request. */
const ENQUIRY_SUBJECT = '@response';
const ENQUIRY_MIN_WORDS = 2;
