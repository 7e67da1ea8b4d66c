/**
 * Council-independent knowledge of what member/officer protocols cover (content/subjects.yaml): the
 * subjects, the words a protocol's own text uses for each (to link any council's clauses to them when
 * content loads) and the words people use when they ask; and the neighbouring matters a protocol does
 * not cover, with where to look instead.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readKnowledgeFile } from './knowledge-file';
import { stem, words } from './text';

const terms = z.array(z.string().trim().min(1)).default([]);

const subjectsSchema = z.strictObject({
  subjects: z.record(
    z.string().regex(/^[a-z][a-z-]*$/, 'subject ids are lower-case words'),
    // `quiet`: clause terms too ambiguous to name the subject in a question ("visiting" one's ward is
    // not visiting the offices): they link clauses like `clause` terms and are not asked with.
    // `not`: phrases in which the subject's words do not name it in a question ("the office staff" are people, not the offices).
    z.strictObject({ clause: terms, quiet: terms, with: terms, ask: terms, not: terms, min: z.number().int().min(1).default(1), distinct: z.boolean().default(false) }),
  ),
  neighbours: z
    .record(
      z.string().regex(/^[a-z][a-z-]*$/, 'neighbour ids are lower-case words'),
      // `not`: phrases whose words never name the matter ("head of paid service" is not about pay).
      z.strictObject({ name: z.string().min(1), where: z.string().min(1), topic: z.string().optional(), ask: terms, not: terms }),
    )
    .default({}),
});

export interface Neighbour {
  id: string;
  /** What the matter is, as it reads after "Your protocol doesn't cover …". */
  name: string;
  /** Where the answer is instead. */
  where: string;
  /** The lexicon topic (without "#") this entry stands for, when a protocol never mentions it. */
  topic?: string;
}

export interface QuestionSubjects {
  /** Subject tokens ("@political-groups"), once each. */
  subjects: string[];
  /** Neighbouring matters named, once each. */
  neighbours: Neighbour[];
  /** Positions of the words that a subject or neighbour phrase covered. */
  covered: Set<number>;
  /** Positions of the words of each subject named. */
  subjectWords: Map<string, Set<number>>;
  /** Positions of the words naming neighbouring matters. */
  neighbourWords: Set<number>;
  /** The phrases that named each neighbouring matter, by its id ("staff-terms" -> {"pay rise"}). */
  neighbourPhrases: Map<string, Set<string>>;
}

export interface SubjectKnowledge {
  /** Subject tokens a clause is linked to, with the number of distinct clause terms it uses (heading terms count twice). */
  linkClause(heading: string, body: string): Map<string, number>;
  /** Subjects and neighbouring matters a question's (spelling-corrected) words name. */
  inQuestion(questionWords: readonly string[]): QuestionSubjects;
  /** The first neighbouring matter, in the file's order, standing for one of these lexicon topics. */
  neighbourForTopics(topics: readonly string[]): Neighbour | undefined;
  /** The neighbouring matters a protocol's own text talks about (so it may cover them after all), each with the phrases used. */
  neighboursIn(text: string): Map<string, Set<string>>;
  /** Subject tokens marked distinct: a protocol either deals with them or not. */
  readonly distinct: ReadonlySet<string>;
  /** Neighbouring matters tied to a lexicon topic (relatives, the media): one a protocol either has a provision on or not. */
  readonly topicNeighbours: ReadonlySet<string>;
  /** Every raw word the subjects know, for typo correction. */
  readonly vocabulary: readonly string[];
}

export const SUBJECTS_FILE = 'subjects.yaml';

/** A token for a subject id, kept apart from lexicon concepts ("#") and stems. */
export const subjectToken = (id: string): string => `@${id}`;

interface Phrase {
  stems: string[];
  key: string;
}
type Match = { phrase: Phrase; positions: number[] };

/** Neighbouring matters match on words with a plural "s" dropped, not stems: "allowances" is not "allowed". */
export const plain = (w: string): string => (w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w);

/** Notes the phrase a match used for its neighbouring matter, by the matter's id. */
function notePhrase(byId: Map<string, Set<string>>, { phrase }: Match): string {
  const id = phrase.key.slice(1);
  byId.set(id, (byId.get(id) ?? new Set<string>()).add(phrase.stems.join(' ')));
  return id;
}

/** Words a question may add inside one of the subjects' phrases. */
const PHRASE_GAP = 1;

/** Words people drop into a phrase without changing it ("what does the clerk actually do"). */
const FILLERS = new Set(['actually', 'even', 'just', 'really', 'exactly', 'basically', 'ever', 'still', 'please', 'pls', 'supposedly', 'honestly', 'genuinely']);

/** A question's words without fillers, with the position each kept word had. */
function withoutFillers(ws: readonly string[]): { kept: string[]; at: number[] } {
  const kept: string[] = [];
  const at: number[] = [];
  ws.forEach((w, i) => {
    if (FILLERS.has(w)) return;
    kept.push(w);
    at.push(i);
  });
  return { kept, at };
}

/** Phrases indexed by first stem, longest first, so "party group" wins over "party". */
class PhraseMatcher {
  private readonly byFirst = new Map<string, Phrase[]>();

  constructor(private readonly norm: (word: string) => string = stem) {}

  add(term: string, key: string): void {
    const stems = words(term).map(this.norm);
    if (!stems.length) return;
    const list = this.byFirst.get(stems[0]!) ?? [];
    list.push({ stems, key });
    list.sort((a, b) => b.stems.length - a.stems.length);
    this.byFirst.set(stems[0]!, list);
  }

  /** Where the phrase being tried has matched so far; reused so that a failed try allocates nothing. */
  private readonly scratch: number[] = [];

  /**
   * Every occurrence of a phrase in the stems, with the positions it covers. With `gap`, one extra
   * word may sit inside a phrase of three or more words ("tell the grounds lads to" for "tell the lads
   * to"); two-word phrases stay exact, or "our scout group" would be "our group". Runs on every
   * search, so only a phrase that matches allocates (its positions and the result entry).
   */
  matches(stems: readonly string[], gap = 0): Match[] {
    const found: Match[] = [];
    const at = this.scratch;
    for (let i = 0; i < stems.length; i++) {
      const list = this.byFirst.get(stems[i]!);
      if (list === undefined) continue;
      for (const phrase of list) {
        const n = phrase.stems.length;
        if (i + n > stems.length) continue;
        let pos = i;
        let skipped = 0;
        let k = 1;
        for (; k < n; k++) {
          if (stems[pos + 1] === phrase.stems[k]) pos += 1;
          else if (skipped < gap && n >= 3 && stems[pos + 2] === phrase.stems[k]) {
            pos += 2;
            skipped++;
          } else break;
          at[k] = pos;
        }
        if (k < n) continue;
        const positions = new Array<number>(n);
        positions[0] = i;
        for (let j = 1; j < n; j++) positions[j] = at[j]!;
        found.push({ phrase, positions });
      }
    }
    return found;
  }
}

/**
 * Phrase matches without those lying wholly inside a longer phrase of another, distinct subject: in
 * "talk to the papers" the media phrase holds "papers", which is not then the council's papers as well.
 * Other subjects share words freely ("a councillor shouted at me" is a grievance and bullying both).
 */
function outermost(found: Match[], distinct: ReadonlySet<string>): Match[] {
  // Most questions hold no phrase of a distinct subject longer than one word: nothing to drop.
  if (!found.some((o) => o.positions.length > 1 && distinct.has(o.phrase.key))) return found;
  return found.filter(
    (m) =>
      !found.some(
        (o) =>
          distinct.has(o.phrase.key) &&
          o.phrase.key !== m.phrase.key &&
          o.positions.length > m.positions.length &&
          m.positions.every((p) => o.positions.includes(p)),
      ),
  );
}

/** Matches without those that use a word of a `not` phrase of the same subject or matter. */
function withoutNot(found: Match[], not: PhraseMatcher, ws: readonly string[]): Match[] {
  const nots = found.length ? not.matches(ws) : [];
  if (!nots.length) return found;
  const excluded = new Set<string>();
  for (const { phrase, positions } of nots) positions.forEach((p) => excluded.add(`${phrase.key}@${p}`));
  return found.filter(({ phrase, positions }) => !positions.some((p) => excluded.has(`${phrase.key}@${p}`)));
}

export function loadSubjects(contentDir: string): SubjectKnowledge {
  const file = join(contentDir, SUBJECTS_FILE);
  if (!existsSync(file)) return buildSubjects({ subjects: {}, neighbours: {} });
  return buildSubjects(readKnowledgeFile(file, subjectsSchema));
}

export function buildSubjects(data: z.input<typeof subjectsSchema>): SubjectKnowledge {
  const { subjects, neighbours } = subjectsSchema.parse(data);
  const inClauses = new PhraseMatcher();
  const inQuestions = new PhraseMatcher();
  const neighbourTerms = new PhraseMatcher(plain);
  const vocabulary = new Set<string>();
  const mins = new Map<string, number>();
  const needsWith = new Set<string>();
  const inClausesWith = new PhraseMatcher();
  const notInQuestions = new PhraseMatcher();
  const distinct = new Set(Object.entries(subjects).filter(([, s]) => s.distinct).map(([id]) => subjectToken(id)));
  for (const [id, s] of Object.entries(subjects)) {
    const token = subjectToken(id);
    mins.set(token, s.min);
    for (const t of [...s.clause, ...s.quiet]) inClauses.add(t, token);
    for (const t of s.with) inClausesWith.add(t, token);
    if (s.with.length) needsWith.add(token);
    for (const t of s.not) notInQuestions.add(t, token);
    // A clause term that links only with others (min > 1 or `with`, like "the protocol" or "chief
    // executive") says nothing on its own in a question.
    for (const t of s.min > 1 || s.with.length ? s.ask : [...s.clause, ...s.ask]) {
      inQuestions.add(t, token);
      words(t).forEach((w) => vocabulary.add(w));
    }
  }
  const neighbourList: Neighbour[] = Object.entries(neighbours).map(([id, n]) => ({
    id,
    name: n.name,
    where: n.where,
    ...(n.topic ? { topic: n.topic } : {}),
  }));
  const byId = new Map(neighbourList.map((n) => [n.id, n]));
  const notNeighbour = new PhraseMatcher(plain);
  for (const [id, n] of Object.entries(neighbours)) {
    for (const t of n.ask) {
      neighbourTerms.add(t, `!${id}`);
      words(t).forEach((w) => vocabulary.add(w));
    }
    for (const t of n.not) notNeighbour.add(t, `!${id}`);
  }
  /** Neighbour phrases in some plain words, leaving out those inside a `not` phrase of the same matter. */
  const neighbourMatches = (plainWords: readonly string[]) => withoutNot(neighbourTerms.matches(plainWords), notNeighbour, plainWords);

  return {
    vocabulary: [...vocabulary],
    distinct,
    linkClause(heading, body) {
      const found = new Map<string, Set<string>>();
      const count = (text: string, weight: number) => {
        for (const { phrase } of inClauses.matches(words(text).map(stem))) {
          const seen = found.get(phrase.key) ?? new Set<string>();
          // Distinct terms, heading terms twice: a heading saying "Political Groups" is a strong link.
          seen.add(phrase.stems.join(' '));
          if (weight > 1) seen.add(`^${phrase.stems.join(' ')}`);
          found.set(phrase.key, seen);
        }
      };
      count(heading, 2);
      count(body, 1);
      // A subject with `with` terms ("attend" with "group") links only where the clause uses both kinds.
      const withFound = new Set<string>();
      for (const { phrase } of inClausesWith.matches(words(`${heading}\n${body}`).map(stem))) withFound.add(phrase.key);
      const links = new Map<string, number>();
      for (const [token, seen] of found) {
        if (seen.size >= (mins.get(token) ?? 1) && (!needsWith.has(token) || withFound.has(token))) links.set(token, seen.size);
      }
      return links;
    },
    inQuestion(all) {
      const { kept: questionWords, at: positionOf } = withoutFillers(all);
      const subjectsFound = new Set<string>();
      const neighboursFound = new Map<string, Neighbour>();
      const covered = new Set<number>();
      const subjectWords = new Map<string, Set<number>>();
      const neighbourWords = new Set<number>();
      const neighbourPhrases = new Map<string, Set<string>>();
      const stems = questionWords.map(stem);
      for (const { phrase, positions } of outermost(withoutNot(inQuestions.matches(stems, PHRASE_GAP), notInQuestions, stems), distinct)) {
        const words = subjectWords.get(phrase.key) ?? new Set<number>();
        for (const p of positions) {
          covered.add(positionOf[p]!);
          words.add(positionOf[p]!);
        }
        subjectWords.set(phrase.key, words);
        subjectsFound.add(phrase.key);
      }
      for (const match of neighbourMatches(questionWords.map(plain))) {
        for (const p of match.positions) {
          covered.add(positionOf[p]!);
          neighbourWords.add(positionOf[p]!);
        }
        neighboursFound.set(match.phrase.key, byId.get(notePhrase(neighbourPhrases, match))!);
      }
      return { subjects: [...subjectsFound], neighbours: [...neighboursFound.values()], covered, subjectWords, neighbourWords, neighbourPhrases };
    },
    topicNeighbours: new Set(neighbourList.filter((n) => n.topic !== undefined).map((n) => n.id)),
    neighbourForTopics: (topics) => neighbourList.find((n) => n.topic !== undefined && topics.includes(n.topic)),
    neighboursIn(text) {
      const found = new Map<string, Set<string>>();
      for (const match of neighbourMatches(words(text).map(plain))) notePhrase(found, match);
      return found;
    },
  };
}
