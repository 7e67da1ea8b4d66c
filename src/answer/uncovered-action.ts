/**
 * What a question asks beside the matters its protocol covers: whether it asks to do the very thing
 * its protocol does not cover ("can I use my council laptop for campaign stuff?" where the protocol
 * says nothing about council resources; the rest of such a question, the campaign, only says what
 * for, so a clause matching it does not answer it), how a neighbouring matter's words weigh
 * against the rest of a question, and which neighbouring matters a protocol deals with itself.
 */
import type { Protocol } from '../protocol/model';
import type { SearchResult } from '../search/clause-index';
import { plain, type Neighbour, type SubjectKnowledge } from '../search/subjects';
import { clauseText } from './clause-text';
import type { Lexicon } from '../search/lexicon';
import { stem, words } from '../search/text';

/** "can I", "am I allowed to", "is it ok for officers to"…: the asker's own next action follows. */
const ASKS_MAY = /^(?:(?:so|and|but|quick one|quick question|hi|hello)\s+)?(?:can|could|may|should|shall|must|am|is it (?:ok|okay|alright|fine|allowed) (?:for|to)|are)\s+(?:i|we|councillors?|members?|officers?|staff|employees?|a councillor|an officer|the clerk|our group)\s+(?:allowed to\s+|permitted to\s+|meant to\s+|supposed to\s+|to\s+)?/;

/**
 * Actions the asker takes themselves with a thing, a place or people outside the council. Asking an
 * officer for something ("ask the clerk to email…") is the protocol's own matter, so it is not here.
 */
const OWN_ACTIONS = new Set(
  `use using borrow print photocopy copy talk speak chat go ring phone call text email post tweet publish share
  be become date socialise socialize take bring book hire visit give`.split(/\s+/),
);

/** Words the uncovered matter may sit after the action ("use my council laptop" is three). */
const ACTION_WINDOW = 4;

/** True when one of `uncoveredWords` is within a few words of the asker's own action. */
export function asksToDoUncovered(question: string, uncoveredWords: readonly string[]): boolean {
  if (!uncoveredWords.length) return false;
  const text = words(question).join(' ');
  const may = ASKS_MAY.exec(text);
  if (!may) return false;
  const rest = text.slice(may[0].length).split(' ');
  if (!OWN_ACTIONS.has(rest[0] ?? '')) return false;
  const uncovered = new Set(uncoveredWords);
  return rest.slice(0, ACTION_WINDOW + 1).some((w) => uncovered.has(w));
}

/** How much of a question is about a neighbouring matter, and how much of the rest the best clause itself answers. */
interface NeighbourWeight {
  /** Content words naming the neighbouring matter ("precept", "pay rise"). */
  neighbour: number;
  /**
   * Content words the best clause matches other than those and other than who the question is
   * about: "the clerk is only paid for 18 hours, how should I plan my requests?" has four (18, hours,
   * plan, requests) beside "paid"; "is the meeting quorate?" has only "meeting".
   */
  rest: number;
}

/**
 * Weighs a question's neighbouring words against what its best clause answers. Counted on the
 * clause's own matches rather than on the subjects the question names, so that a loose subject
 * phrase ("turn up", "my ward") does not outweigh the matter, nor a plain sentence that the clause
 * answers word for word lose to one neighbouring word.
 */
function neighbourWeight(result: SearchResult, lexicon: Lexicon, counted: (id: string) => boolean): NeighbourWeight {
  const named = phraseWords(result, counted);
  const isNeighbour = (w: string) => named.has(plain(w));
  return { neighbour: result.contentWords.filter(isNeighbour).length, rest: answeredBeside(result, lexicon, isNeighbour) };
}

/** The words of the phrases that named the neighbouring matters `counted` keeps. */
function phraseWords(result: SearchResult, counted: (id: string) => boolean): Set<string> {
  return new Set([...result.neighbourPhrases].filter(([id]) => counted(id)).flatMap(([, ps]) => [...ps].flatMap((p) => p.split(' '))));
}

/**
 * How many of a question's words name neighbouring matters its protocol covers itself ("the papers"
 * where the protocol has a media section): those words are the protocol's matter, not a neighbour's.
 */
export function coveredNeighbourWords(result: SearchResult, covered: (id: string) => boolean): number {
  const named = phraseWords(result, covered);
  const elsewhere = phraseWords(result, (id) => !covered(id));
  return Math.min(result.neighbourWordCount, [...named].filter((w) => !elsewhere.has(w)).length);
}

/**
 * How many more of the question's words than the neighbouring matter's the best clause must answer
 * itself when few subject words were named: a plain sentence the clause answers word for word is its matter.
 */
const NEIGHBOUR_REST_MARGIN = 2;

/** Whether the best clause itself answers clearly more of a question than the neighbouring matter's words say. */
export function restOutweighsNeighbour(result: SearchResult, lexicon: Lexicon, counted: (id: string) => boolean = () => true): boolean {
  const weight = neighbourWeight(result, lexicon, counted);
  return weight.rest >= weight.neighbour + NEIGHBOUR_REST_MARGIN;
}

/**
 * Whether the best clause answers more of a question than the words naming what its protocol lacks
 * ("can officers brief the lib dem group before cabinet?" where the protocol says nothing about
 * party groups: "brief" and "cabinet" are no more than "lib dem group").
 */
export function restOutweighsUncovered(result: SearchResult, lexicon: Lexicon): boolean {
  // Words of a lexicon topic the protocol never mentions ("email") are weighed by score in judgeConfidence.
  const uncovered = new Set(result.uncoveredTopics.filter((w) => !lexicon.conceptsIn([stem(w)]).some((c) => lexicon.topics.has(c))));
  return uncovered.size < MIN_UNCOVERED_WORDS || answeredBeside(result, lexicon, (w) => uncovered.has(w)) > uncovered.size;
}

/** Words naming a missing subject that make it a question's matter rather than an aside ("my wife", "in the pub"). */
const MIN_UNCOVERED_WORDS = 2;

/**
 * How many of a question's content words its best clause matches, other than the left-out ones and
 * the people the question is about.
 */
function answeredBeside(result: SearchResult, lexicon: Lexicon, leftOut: (word: string) => boolean): number {
  const content = result.contentWords;
  const people = peoplePositions(content, lexicon);
  const unmatched = new Set(result.unmatchedWords);
  return content.filter((w, i) => !leftOut(w) && !people.has(i) && !unmatched.has(w)).length;
}

/**
 * Whether a question about a subject its protocol lacks found its best clause only by the people it
 * names: "I'm going out with the deputy town clerk, do I need to tell anyone?" finds the clause on the
 * Deputy Town Clerk's duties, and nothing else in it. A question that also says a good deal the clause
 * does not match ("…draft a press release for our party on the finance committee") is searched as usual.
 */
export function foundOnlyByPeople(result: SearchResult, lexicon: Lexicon, bestClauseTerms: ReadonlySet<string>): boolean {
  // A subject the question names that the clause deals with ("a formal warning" and disciplinary action) is more than people.
  if (result.subjects.some((s) => bestClauseTerms.has(s))) return false;
  const content = result.contentWords;
  const people = peoplePositions(content, lexicon);
  const unmatched = new Set(result.unmatchedWords);
  const others = content.filter((_, i) => !people.has(i));
  return others.every((w) => unmatched.has(w)) && others.length <= MAX_OTHER_WORDS;
}

/** Words a question may say besides the people and the missing subject ("message staff on facebook messenger"). */
const MAX_OTHER_WORDS = 3;

/** Words that make a title of the person named after them ("deputy town clerk", "acting chief executive"). */
const TITLES = new Set(['deputy', 'assistant', 'vice', 'acting', 'interim', 'senior', 'junior', 'town', 'parish', 'city']);

/** Positions of the words naming people, with the titles before them. */
function peoplePositions(content: readonly string[], lexicon: Lexicon): Set<number> {
  const at = lexicon.relationPositions(content.map(stem));
  for (let i = content.length - 2; i >= 0; i--) if (at.has(i + 1) && TITLES.has(content[i]!)) at.add(i);
  return at;
}

/**
 * Neighbouring matters a protocol deals with itself: named in a heading, or in two or more clauses
 * (one passing mention, "members' interests" in a clause on something else, is not coverage).
 */
export function ownNeighbours(protocol: Protocol, subjects: SubjectKnowledge): Map<string, Set<string>> {
  const counts = new Map<string, number>();
  const phrases = new Map<string, Set<string>>();
  const note = (found: Map<string, Set<string>>, weight: (used: Set<string>, id: string) => number) => {
    for (const [id, used] of found) {
      counts.set(id, (counts.get(id) ?? 0) + weight(used, id));
      used.forEach((p) => (phrases.get(id) ?? phrases.set(id, new Set()).get(id)!).add(p));
    }
  };
  for (const c of protocol.clauses) {
    note(subjects.neighboursIn(c.heading), () => 2);
    // One clause naming the matter in several ways ("pay, grading or terms and conditions") deals with it,
    // and so does one naming a matter a protocol either has a provision on or not ("where a councillor
    // is related to the Clerk, or has a close friendship…") in words of its own, not one passing word ("…in the media").
    note(subjects.neighboursIn(clauseText(c)), (used, id) => (used.size >= 2 || namesTopicMatter(subjects, id, used) ? 2 : 1));
  }
  return new Map([...phrases].filter(([id]) => (counts.get(id) ?? 0) >= 2));
}

const ARTICLES = new Set(['the', 'a', 'an']);

/** A matter tied to a topic, named in a phrase of two or more words besides articles ("close friendship", not "the media"). */
function namesTopicMatter(subjects: SubjectKnowledge, id: string, used: ReadonlySet<string>): boolean {
  return subjects.topicNeighbours.has(id) && [...used].some((p) => p.split(' ').filter((w) => !ARTICLES.has(w)).length >= 2);
}

/**
 * Whether this council's protocol deals with a neighbouring matter as the question names it: it
 * must deal with the matter, and use one of the question's own phrases for it (a city protocol that
 * mentions its budget twice does not answer "how much is council tax going up?"). A matter tied to a
 * topic (the media, relationships with staff) is one a protocol either has a provision on or not:
 * dealing with it in any words covers it ("the Echo wants to interview me" where the protocol has a
 * clause on press enquiries).
 */
export function coversNeighbour(
  ownNeighbours: ReadonlyMap<string, ReadonlySet<string>>,
  neighbour: Pick<Neighbour, 'id' | 'topic'>,
  asked: ReadonlySet<string> | undefined,
): boolean {
  const own = ownNeighbours.get(neighbour.id);
  if (own === undefined) return false;
  return neighbour.topic !== undefined || [...(asked ?? [])].some((p) => own.has(p));
}

/** The lexicon concept of the people close to someone (a wife, a nephew, a friendship). */
const CLOSE_PEOPLE = '#friendship';

/**
 * Whether a question names a neighbouring matter only by someone close to the asker, one word each
 * ("can I tell my wife what was said in the closed session?"): whom it is about, not what. Such a
 * matter is the question's only when asked for itself ("my nephew got a job in…", see asksForNeighbour).
 */
export function namedOnlyByPeople(result: SearchResult, id: string, lexicon: Lexicon): boolean {
  const phrases = [...(result.neighbourPhrases.get(id) ?? [])];
  return phrases.length > 0 && phrases.every((p) => !p.includes(' ') && lexicon.conceptsIn([stem(p)]).includes(CLOSE_PEOPLE));
}

/** "can I", "how do I", "what": the openings that ask, before what is asked for. */
const OPENINGS = [
  // "can I claim…", "can my nephew…", "do I get expenses…", "can I put in a mileage claim…"
  String.raw`(?:can|could|may|should|do|must|shall|will)\s+(?:i|we|councillors?|members?|my|our)(?:\s+(?:get|put\s+in|submit|make|send|fill\s+in))?`,
  String.raw`(?:will|does|do|can)\s+(?:the\s+council|they)\s+pay(?:\s+for)?`,
  String.raw`how\s+(?:do|can|should|would|much|many)(?:\s+(?:i|we|councillors?|members?))?`,
  // "what's the mileage rate", "what are the sanctions" (not "what budget information can I see")
  // ("what's the" reads "what the" once the apostrophe's s is gone)
  String.raw`(?:whats?(?=\s+the\s)|what\s+is|what\s+are|what\s+sort\s+of|what\s+kind\s+of)`,
  // "what sanctions can the committee give" (the matter a word, asked about straight after)
  String.raw`what(?=\s+\S+\s+(?:can|could|will|would|do|does|might|should)\s)`,
  'who',
  String.raw`when\s+(?:is|are|do|does|will)`,
  String.raw`(?:am|are)\s+(?:i|we)\s+entitled\s+to`,
  // "is there a by-election…", "is the meeting quorate…", "my brother works in…"
  'is|are|was|were|will|does|did|my|our',
];
const ASKS_FOR = new RegExp(String.raw`^(?:(?:so|and|but|quick one|quick question|hi|hello)\s+)?(?:${OPENINGS.join('|')})\s+`);

/** Words after the opening within which the matter must start: at once ("claim mileage", "much s106 money"). */
const ASKED_WITHIN = 1;

/**
 * Whether a question asks for a neighbouring matter itself, straight after its opening: "can I
 * claim mileage for going to a meeting in my ward?", "what sanctions can the standards committee
 * give?", "my nephew just got a job in the parking team". The rest only says what for or where, so
 * the subjects it names do not make it the protocol's matter.
 */
export function asksForNeighbour(question: string, phrases: ReadonlySet<string>): boolean {
  if (!phrases.size) return false;
  const text = words(question).join(' ');
  const opening = ASKS_FOR.exec(text);
  if (!opening) return false;
  const rest = text.slice(opening[0].length).split(' ').filter((w) => !SKIPPED.has(w)).map(plain);
  const starts = [...phrases].map((p) => p.split(' '));
  for (let i = 0; i < Math.min(ASKED_WITHIN, rest.length); i++) {
    if (starts.some((p) => p.every((w, j) => rest[i + j] === w))) return true;
  }
  return false;
}

/**
 * The neighbouring matter is only what people talk about ("factual questions on the budget", "what i reckon about
 * the budget", "brief the group on the precept"): every phrase naming it follows "on", "about", "over" or the like.
 */
export function talkedAbout(question: string, phrases: ReadonlySet<string>): boolean {
  if (!phrases.size) return false;
  const ws = words(question).map(plain);
  let found = 0;
  for (const phrase of phrases) {
    const p = phrase.split(' ');
    for (let i = 0; i + p.length <= ws.length; i++) {
      if (!p.every((w, j) => ws[i + j] === w)) continue;
      found++;
      let k = i - 1;
      while (k >= 0 && TOPIC_FILLERS.has(ws[k]!)) k--;
      if (k < 0 || !TOPIC_PREPOSITIONS.has(ws[k]!)) return false;
    }
  }
  return found > 0;
}

const TOPIC_PREPOSITIONS = new Set(['on', 'about', 'over', 're', 'regarding', 'around', 'concerning']);
const TOPIC_FILLERS = new Set(['the', 'our', 'their', 'his', 'her', 'this', 'that', 'a', 'next', 'years', 'year', 'new', 'draft', 'whole']);

/** Words before the matter that do not change what is asked ("can I just claim", "my little brother"). */
const SKIPPED = new Set(['there', 'any', 'just', 'actually', 'really', 'still', 'the', 'a', 'an', 'my', 'our', 'little', 'older', 'younger', 'big', 'eldest', 'youngest', 'own']);
