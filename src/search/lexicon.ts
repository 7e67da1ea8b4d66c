/**
 * The domain lexicon (content/lexicon.yaml): words councillors and officers use for the same thing.
 * Each concept adds one shared token wherever any of its terms appears, in clauses and in questions,
 * so "gmail" finds the clause about email and "Labour group" the one about political groups.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError } from '../errors';
import { readKnowledgeFile } from './knowledge-file';
import { stem, words } from './text';

const lexiconSchema = z.strictObject({
  topics: z.array(z.string()).default([]),
  services: z.array(z.string()).default([]),
  relations: z.array(z.string()).default([]),
  phrases: z.array(z.string().trim().min(1)).default([]),
  spellings: z.record(z.string().regex(/^[a-z']+$/, 'spelling variants are single lower-case words'), z.string().regex(/^[a-z']+$/)).default({}),
  concepts: z.record(
    z.string().regex(/^[a-z][a-z-]*$/, 'concept names are lower-case words'),
    z.array(z.string().trim().min(1)).min(1, 'a concept needs at least one term'),
  ),
});

export interface Lexicon {
  /** Joins fixed phrases into one word ("term of office" -> "termofoffice") so their parts don't match alone. */
  joinPhrases(words: readonly string[]): string[];
  /** The usual spelling of a word ("councilor" -> "councillor"), or the word itself. */
  spell(word: string): string;
  /** Concept tokens for a sequence of stems, one per phrase occurrence. */
  conceptsIn(stems: readonly string[]): string[];
  /** Positions of the stems that name people (a relation concept: "chief executive", "cllr", "party group"). */
  relationPositions(stems: readonly string[]): Set<number>;
  /** Concept tokens ("#email") that name a topic a protocol may not cover at all. */
  readonly topics: ReadonlySet<string>;
  /** Concept tokens of residents' service requests (bins, potholes), out of scope on their own. */
  readonly services: ReadonlySet<string>;
  /** Concept tokens that mark a question about councillors and staff. */
  readonly relations: ReadonlySet<string>;
  /** Every raw word the lexicon knows, for fuzzy correction of typos. */
  readonly vocabulary: readonly string[];
}

export const LEXICON_FILE = 'lexicon.yaml';

export function loadLexicon(contentDir: string): Lexicon {
  const file = join(contentDir, LEXICON_FILE);
  const { concepts, spellings, topics, services, relations, phrases } = readKnowledgeFile(file, lexiconSchema);
  for (const [list, names] of Object.entries({ topics, services, relations })) {
    const unknown = names.find((t) => !(t in concepts));
    if (unknown) throw new ContentError(file, `${list}: "${unknown}" is not one of the concepts`);
  }
  return buildLexicon(concepts, { spellings, topics, services, relations, phrases });
}

/** Builds a lexicon from concept -> terms; terms may be phrases ("political group"). */
export function buildLexicon(
  concepts: Record<string, string[]>,
  options: { spellings?: Record<string, string>; topics?: string[]; services?: string[]; relations?: string[]; phrases?: string[] } = {},
): Lexicon {
  const { spellings = {}, topics = [], services = [], relations = [], phrases = [] } = options;
  const tokens = (names: string[]) => new Set(names.map((t) => `#${t}`));
  const fixed = phrases.map((p) => words(p)).filter((p) => p.length > 1);
  // Phrases indexed by their first stem, longest first, so "deputy clerk" wins over "clerk".
  const byFirst = new Map<string, { stems: string[]; concept: string }[]>();
  const vocabulary = new Set<string>();
  for (const [concept, terms] of Object.entries(concepts)) {
    for (const term of terms) {
      const termWords = words(term);
      termWords.forEach((w) => vocabulary.add(w));
      const stems = termWords.map(stem);
      if (stems.length === 0) continue;
      const list = byFirst.get(stems[0]!) ?? [];
      list.push({ stems, concept: `#${concept}` });
      byFirst.set(stems[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);

  for (const [variant, usual] of Object.entries(spellings)) vocabulary.add(variant).add(usual);
  const spelling = new Map(Object.entries(spellings));
  const relationTokens = tokens(relations);
  return {
    spell: (word) => spelling.get(word) ?? word,
    joinPhrases(ws) {
      if (!fixed.length) return [...ws];
      const out: string[] = [];
      for (let i = 0; i < ws.length; i++) {
        const phrase = fixed.find((p) => p.every((w, k) => ws[i + k] === w));
        if (phrase) {
          out.push(phrase.join(''));
          i += phrase.length - 1;
        } else out.push(ws[i]!);
      }
      return out;
    },
    topics: tokens(topics),
    services: tokens(services),
    relations: relationTokens,
    vocabulary: [...vocabulary],
    relationPositions(stems) {
      const at = new Set<number>();
      for (let i = 0; i < stems.length; i++) {
        for (const c of byFirst.get(stems[i]!) ?? []) {
          if (relationTokens.has(c.concept) && c.stems.every((s, k) => stems[i + k] === s)) c.stems.forEach((_, k) => at.add(i + k));
        }
      }
      return at;
    },
    conceptsIn(stems) {
      const found: string[] = [];
      for (let i = 0; i < stems.length; i++) {
        const candidates = byFirst.get(stems[i]!);
        if (!candidates) continue;
        const seen = new Set<string>();
        for (const c of candidates) {
          if (seen.has(c.concept)) continue;
          if (c.stems.every((s, k) => stems[i + k] === s)) {
            found.push(c.concept);
            seen.add(c.concept);
          }
        }
      }
      return found;
    },
  };
}
