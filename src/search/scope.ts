/**
 * Whether a question is about how councillors and staff work together at all, read from how it is
 * worded, for every council at once: "what's the procedure for co-opting a new councillor?", "does
 * the council have a cctv policy?" and "can the council give money to the twinning association?" are
 * about the council's other business, however many of their words a protocol happens to use.
 *
 * The model (content/scope.json) is a naive Bayes log-odds table over the question's words and word
 * pairs, learnt by scripts/learn-scope.ts from questions people asked that a protocol answers and
 * ones it must decline. It only says how a question is worded; whether this council's protocol
 * deals with the matter is still decided by the search and the core.
 */
import { z } from 'zod';
import { readOptionalJson } from './knowledge-file';
import { stem, words } from './text';

export const SCOPE_FILE = 'scope.json';

const scopeSchema = z.strictObject({
  about: z.string(),
  prior: z.number(),
  weights: z.record(z.string(), z.number()),
});
export type ScopeTable = z.output<typeof scopeSchema>;

export interface ScopeModel {
  /** Log-odds that the question is about something other than members and staff working together. */
  offTopicOdds(question: string): number;
}

/** A question's tokens: its words' stems and each pair of neighbouring stems. */
export function scopeTokens(question: string, spell: (w: string) => string = (w) => w): string[] {
  // Numbers ("clause 3.2", "section 137") say nothing of what is asked about.
  const stems = words(question)
    .filter((w) => !/^\d+$/.test(w))
    .map((w) => stem(spell(w)));
  const pairs = stems.slice(1).map((s, i) => `${stems[i]}_${s}`);
  return [...new Set([...stems, ...pairs])];
}

export function scopeModel(table: ScopeTable, spell?: (w: string) => string): ScopeModel {
  const weights = new Map(Object.entries(table.weights));
  const odds = (text: string) => {
    let sum = table.prior;
    for (const t of scopeTokens(text, spell)) sum += weights.get(t) ?? 0;
    return sum;
  };
  return {
    // A question put after some context ("when is the lights switch-on? want to put it in my newsletter")
    // is judged by its own sentence as well: the context's words do not make it the protocol's matter.
    offTopicOdds(question) {
      const asked = question.split(/(?<=[.?!])\s+/).filter((s) => s.trim().endsWith('?'));
      const whole = odds(question);
      return asked.length && asked[0] !== question.trim() ? Math.max(whole, ...asked.map(odds)) : whole;
    },
  };
}

/** The model in `dir`, if the folder has one (it is optional: without it no question is judged by its wording alone). */
export function loadScope(dir: string, spell?: (w: string) => string): ScopeModel | undefined {
  const table = readOptionalJson(dir, SCOPE_FILE, scopeSchema);
  return table && scopeModel(table, spell);
}

/** The table as content/scope.json holds it: one token a line, so that a change reads as a diff. */
export function scopeJson(table: ScopeTable): string {
  const lines = Object.entries(table.weights).map(([t, w]) => `    ${JSON.stringify(t)}: ${w}`);
  return `{\n  "about": ${JSON.stringify(table.about)},\n  "prior": ${table.prior},\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`;
}

/** Fewest questions a token must occur in to be kept. */
const MIN_COUNT = 2;
/** L2 penalty on the weights, in the units of one question's loss. */
const L2 = 1;
/** Passes over the questions, each one step of AdaGrad on the mean log loss. */
const EPOCHS = 300;
const LEARNING_RATE = 0.5;

/**
 * Learns the table from questions a protocol answers (`offTopic` false) and ones it must decline: a
 * logistic regression over the tokens, so that the prior plus the weights of a question's tokens is its
 * log-odds of being about other business. (Naive Bayes, used before, counted each token as if it were
 * independent evidence and drove long questions to extreme odds either way.) Deterministic: the same
 * questions give the same table.
 */
export function learnScope(examples: readonly { question: string; offTopic: boolean }[], about: string, spell?: (w: string) => string): ScopeTable {
  const docs = examples.map((e) => ({ tokens: scopeTokens(e.question, spell), y: e.offTopic ? 1 : 0 }));
  const counts = new Map<string, number>();
  for (const d of docs) for (const t of d.tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  const vocabulary = [...counts]
    .filter(([, n]) => n >= MIN_COUNT)
    .map(([t]) => t)
    .sort();
  const index = new Map(vocabulary.map((t, i) => [t, i]));
  const rows = docs.map((d) => ({ features: d.tokens.flatMap((t) => (index.has(t) ? [index.get(t)!] : [])), y: d.y }));
  const weights = new Float64Array(vocabulary.length);
  const squares = new Float64Array(vocabulary.length).fill(1e-8);
  let bias = 0;
  let biasSquares = 1e-8;
  const n = Math.max(1, rows.length);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const gradient = new Float64Array(vocabulary.length);
    let biasGradient = 0;
    for (const { features, y } of rows) {
      let z = bias;
      for (const f of features) z += weights[f]!;
      const error = 1 / (1 + Math.exp(-z)) - y;
      for (const f of features) gradient[f]! += error;
      biasGradient += error;
    }
    for (let f = 0; f < weights.length; f++) {
      const g = gradient[f]! / n + (L2 / n) * weights[f]!;
      squares[f]! += g * g;
      weights[f]! -= (LEARNING_RATE / Math.sqrt(squares[f]!)) * g;
    }
    const g = biasGradient / n;
    biasSquares += g * g;
    bias -= (LEARNING_RATE / Math.sqrt(biasSquares)) * g;
  }
  const table: Record<string, number> = {};
  vocabulary.forEach((t, f) => {
    const w = Math.round(weights[f]! * 1000) / 1000;
    if (w !== 0) table[t] = w;
  });
  return { about, prior: Math.round(bias * 1000) / 1000, weights: table };
}
