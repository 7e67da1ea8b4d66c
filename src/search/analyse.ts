/** A text's search terms: stems, lexicon concepts, ordered word pairs and direction tokens. */
import type { Lexicon } from './lexicon';
import { type Party, directionTokens } from './direction';
import { STOP_WORDS, stem, words } from './text';

const PAIR_WINDOW = 2;

/**
 * Stems, lexicon concepts and ordered word pairs. Concepts are found on all stems (phrases may span
 * stop words); stop words are then dropped. Pairs of nearby words ("officer>expect") tell
 * "officers can expect from councillors" from "councillors can expect from officers".
 */
export function analyse(text: string, lexicon: Lexicon, direction: { directed?: boolean; asker?: Party } = {}): string[] {
  const ws = lexicon.joinPhrases(words(text).map((w) => lexicon.spell(w)));
  const stems = ws.map(stem);
  const concepts = lexicon.conceptsIn(stems);
  const directions = direction.directed === false ? [] : directionTokens(ws, stems, lexicon, direction.asker);
  const kept = stems.filter((s, i) => !STOP_WORDS.has(ws[i]!) && s.length > 1);
  const pairs: string[] = [];
  for (let i = 0; i < kept.length; i++) {
    for (let k = 1; k <= PAIR_WINDOW && i + k < kept.length; k++) pairs.push(`${kept[i]}>${kept[i + k]}`);
  }
  return [...kept, ...concepts, ...pairs, ...directions];
}
