/**
 * Whether a question asks to do the very thing its protocol does not cover: "can I use my council
 * laptop for campaign stuff?" where the protocol says nothing about council resources, or "can I talk
 * to the press about…?" where it says nothing about the media. The rest of such a question (the
 * campaign, the speed cameras) only says what for, so a clause matching it does not answer it.
 */
import { words } from '../search/text';

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
