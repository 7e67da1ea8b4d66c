/** Rejoining words hyphenated across line ends ("rel-" / "ationship") while keeping real hyphens ("well-being"). */
import { isEnglishWord } from '../search/english-words';

/** Prefixes written with a hyphen in British usage even when the joined word is also English. */
const HYPHENATED_PREFIXES = new Set(['co', 'non', 'self', 'ex', 'anti', 'cross', 'multi', 'semi', 'vice', 'sub']);

const COMPOUND_HEADS = new Set(['being', 'making', 'based', 'related', 'wide', 'led', 'free', 'time', 'term', 'up', 'out', 'party', 'group', 'member', 'members', 'officer', 'officers', 'owned', 'run', 'called', 'known']);

const WORD_BEFORE_HYPHEN = /(\p{L}+)-$/u;
const WORD_AFTER = /^(\p{L}+)/u;

export interface HyphenContext {
  /** The whole document's text in lower case, to see how it writes the word elsewhere. */
  corpus: string;
}

export function hyphenContext(documentText: string): HyphenContext {
  return { corpus: documentText.toLowerCase() };
}

/**
 * Joins `line` (ending in "word-") and `next`: "rel-" + "ationship is" -> "relationship is",
 * "well-" + "being" -> "well-being". The document's own spelling elsewhere decides first; then the
 * English word list.
 */
export function joinHyphenated(line: string, next: string, context: HyphenContext): string {
  const before = WORD_BEFORE_HYPHEN.exec(line)?.[1];
  const after = WORD_AFTER.exec(next)?.[1];
  if (!before || !after) return `${line}${next}`;
  const stem = line.slice(0, -1);
  // "day-to-" + "day": a compound already hyphenated keeps its hyphen at the break.
  if (line.slice(0, -1 - before.length).endsWith('-')) return `${line}${next}`;
  return keepsHyphen(before, after, context) ? `${line}${next}` : `${stem}${next}`;
}

function keepsHyphen(before: string, after: string, context: HyphenContext): boolean {
  const hyphenated = `${before}-${after}`.toLowerCase();
  const joined = `${before}${after}`.toLowerCase();
  const corpus = context.corpus;
  if (hasWord(corpus, hyphenated)) return true;
  if (hasWord(corpus, joined)) return false;
  const b = before.toLowerCase();
  const a = after.toLowerCase();
  if (HYPHENATED_PREFIXES.has(b) && isEnglishWord(a)) return true;
  // Both spellings are English ("well-being"/"wellbeing"): keep the hyphen only before the usual heads of a
  // compound; a split at a syllable ("brief-ings", "manage-ment", "comm-unity") is one word.
  if (isEnglishWord(joined) || isEnglishWord(joined.replace(/s$/, ''))) return COMPOUND_HEADS.has(a) && isEnglishWord(b);
  // Neither spelling is known: two real words make a compound ("decision-making"), else a split word.
  return isEnglishWord(b) && isEnglishWord(a) && a.length > 2;
}

function hasWord(corpus: string, word: string): boolean {
  for (let at = corpus.indexOf(word); at >= 0; at = corpus.indexOf(word, at + 1)) {
    if (!/\p{L}/u.test(corpus[at - 1] ?? '') && !/\p{L}/u.test(corpus[at + word.length] ?? '')) return true;
  }
  return false;
}
