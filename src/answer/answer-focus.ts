/**
 * The exact item or sentence of a long clause or list that answers the question: each item (and
 * nested item) or sentence is scored on the question's matched terms, and the best leads the answer
 * when it clearly beats the rest.
 */
import type { AnswerFocus } from './answer-model';
import type { Clause } from '../protocol/model';
import type { ClauseIndex, SearchResult } from '../search/clause-index';

interface Unit {
  itemId?: string;
  text: string;
}

/** A clause without a list is "long" from this many characters and sentences on. */
const LONG_TEXT = 600;
const MIN_SENTENCES = 3;

export function focusOf(clause: Clause, result: SearchResult, index: ClauseIndex): AnswerFocus | undefined {
  const units = unitsOf(clause);
  if (units.length < 2) return undefined;
  const scored = units
    .map((unit) => {
      const terms = index.termsOf(unit.text);
      let score = 0;
      for (const m of result.matched) if (terms.has(m.term)) score += m.weight * m.idf;
      return { unit, score };
    })
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score <= 0) return undefined;
  // Two neighbouring items that both answer ("may invite the clerk to attend" and "the clerk will
  // advise all other members that an officer has attended") lead together, in the document's order.
  if (second && second.score >= TOGETHER * best.score && best.unit.itemId && second.unit.itemId) {
    const [first, last] = [best.unit, second.unit].sort((a, b) => units.indexOf(a) - units.indexOf(b)) as [Unit, Unit];
    if (units.indexOf(last) - units.indexOf(first) === 1) {
      return { clauseId: clause.id, itemId: first.itemId!, throughItemId: last.itemId!, text: `${first.text}\n${last.text}` };
    }
  }
  if (second && best.score <= second.score) return undefined;
  return { clauseId: clause.id, ...(best.unit.itemId ? { itemId: best.unit.itemId } : {}), text: best.unit.text };
}

/** How close the second item's score must be to the best's for the two neighbours to lead together. */
const TOGETHER = 0.8;

function unitsOf(clause: Clause): Unit[] {
  const units: Unit[] = [];
  const sentences = (text: string) => text.split(/(?<=[.;:!?])\s+(?=[A-Z(])/).map((s) => s.trim()).filter((s) => s.length > 20);
  if (clause.items.length) {
    for (const item of clause.items) {
      units.push({ itemId: item.id, text: item.text });
      for (const sub of item.items ?? []) units.push({ itemId: sub.id, text: sub.text });
    }
    // A long introduction before the list can itself be the answer, a sentence at a time.
    if (clause.text.length > LONG_TEXT) units.push(...sentences(clause.text).map((text) => ({ text })));
    return units;
  }
  const text = [clause.text, clause.tail].filter(Boolean).join(' ');
  const parts = sentences(text);
  return text.length > LONG_TEXT && parts.length >= MIN_SENTENCES ? parts.map((t) => ({ text: t })) : [];
}
