/**
 * How people asked about clauses like this one, in other councils. Every council's protocol says
 * much the same things in its own words, and the questions people ask about a provision are alike
 * whoever's protocol holds it. The bank (content/question-bank.json, written by
 * scripts/build-question-bank.ts) keeps, for clauses of the shipped councils and the evaluation
 * councils, the questions asked about each and its hints; a council's clause borrows those of the
 * few bank clauses whose text is most like its own, as light hints. A council never borrows from
 * itself: its own questions are what it is measured on.
 */
import { z } from 'zod';
import { readOptionalJson } from './knowledge-file';
import { clauseBody, type Clause } from '../protocol/model';
import { bankTerms, learnWordLinks, type WordLink } from './word-links';

export const QUESTION_BANK_FILE = 'question-bank.json';

const bankSchema = z.strictObject({
  about: z.string(),
  clauses: z.array(z.strictObject({ council: z.string(), clause: z.string(), text: z.string(), asks: z.array(z.string()) })),
});
export type QuestionBankFile = z.output<typeof bankSchema>;

/** How many bank clauses a clause borrows from, and how like its text theirs must be (cosine); chosen with the bank built without each of five sets in turn. */
const BORROW_FROM = 1;
const MIN_LIKENESS = 0.35;

interface Entry {
  council: string;
  asks: string[];
  vector: Map<string, number>;
}

export interface QuestionBank {
  /** Each clause's borrowed asks, with how like the clause the one they came from is. */
  borrow(councilId: string, clauses: readonly Clause[]): Map<string, { text: string; likeness: number }[]>;
  /** The clause words each question word foretells (word-links.ts), learnt from every other council's asks. */
  links(councilId: string): (questionStem: string) => readonly WordLink[];
}

/** A clause's words as the bank compares them: its heading, text, items (nested ones too) and tail. */
export function bankText(clause: Clause): string {
  return [clause.heading, clauseBody(clause)].join('\n');
}


export function questionBank(file: QuestionBankFile): QuestionBank {
  const df = new Map<string, number>();
  const raw = file.clauses.map((c) => ({ council: c.council, asks: c.asks, terms: bankTerms(c.text) }));
  for (const r of raw) for (const t of new Set(r.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = raw.length;
  const vectorOf = (terms: readonly string[]) => {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, f] of tf) {
      const w = (1 + Math.log(f)) * Math.log(1 + n / (1 + (df.get(t) ?? 0)));
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  };
  const entries: Entry[] = raw.map((r) => ({ council: r.council, asks: r.asks, vector: vectorOf(r.terms) }));
  const postings = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const t of e.vector.keys()) {
      const p = postings.get(t);
      if (p) p.push(i);
      else postings.set(t, [i]);
    }
  });
  let links: ReturnType<typeof learnWordLinks> | undefined;
  return {
    links(councilId) {
      links ??= learnWordLinks(file);
      return links(councilId);
    },
    borrow(councilId, clauses) {
      const out = new Map<string, { text: string; likeness: number }[]>();
      for (const clause of clauses) {
        const v = vectorOf(bankTerms(bankText(clause)));
        const sims = new Map<number, number>();
        for (const [t, w] of v) for (const i of postings.get(t) ?? []) sims.set(i, (sims.get(i) ?? 0) + w * entries[i]!.vector.get(t)!);
        const best = [...sims]
          .filter(([i, s]) => s >= MIN_LIKENESS && entries[i]!.council !== councilId)
          .sort((a, b) => b[1] - a[1])
          .slice(0, BORROW_FROM);
        if (best.length) out.set(clause.id, best.flatMap(([i, s]) => entries[i]!.asks.map((text) => ({ text, likeness: s }))));
      }
      return out;
    },
  };
}

/** The bank in `dir`, if it has one (optional: without it clauses borrow nothing). */
export function loadQuestionBank(dir: string): QuestionBank | undefined {
  const file = readOptionalJson(dir, QUESTION_BANK_FILE, bankSchema);
  return file && questionBank(file);
}
