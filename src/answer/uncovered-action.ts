/**
 * What a question asks beside the matters its protocol covers: whether it asks to do the very thing
 * its protocol does not cover ("can I use my council laptop for campaign stuff?" where the protocol
 * says nothing about council resources; the rest of such a question, the campaign, only says what
 * for, so a clause matching it does not answer it), and how a neighbouring matter's words weigh
 * against the rest of a question.
 */
import type { SearchResult } from '../search/clause-index';
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

/** Neighbouring matters match on words with a plural "s" dropped (as in search/subjects.ts). */
const plain = (w: string): string => (w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w);

/** How much of a question is about a neighbouring matter, and how much of the rest the best clause itself answers. */
export interface NeighbourWeight {
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
export function neighbourWeight(result: SearchResult, lexicon: Lexicon): NeighbourWeight {
  const named = new Set([...result.neighbourPhrases.values()].flatMap((ps) => [...ps].flatMap((p) => p.split(' '))));
  const content = result.contentWords;
  const people = lexicon.relationPositions(content.map(stem));
  const unmatched = new Set(result.unmatchedWords);
  let neighbour = 0;
  let rest = 0;
  content.forEach((w, i) => {
    if (named.has(plain(w))) neighbour++;
    else if (!people.has(i) && !unmatched.has(w)) rest++;
  });
  return { neighbour, rest };
}
