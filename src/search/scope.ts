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
/** Additive smoothing of each class's token counts. */
const SMOOTHING = 0.5;

/** Learns the table from questions a protocol answers (`offTopic` false) and ones it must decline. */
export function learnScope(examples: readonly { question: string; offTopic: boolean }[], about: string, spell?: (w: string) => string): ScopeTable {
  const counts = [new Map<string, number>(), new Map<string, number>()];
  const n = [0, 0];
  for (const e of examples) {
    const k = e.offTopic ? 1 : 0;
    n[k]!++;
    for (const t of scopeTokens(e.question, spell)) counts[k]!.set(t, (counts[k]!.get(t) ?? 0) + 1);
  }
  const weights: Record<string, number> = {};
  const tokens = new Set([...counts[0]!.keys(), ...counts[1]!.keys()]);
  for (const t of [...tokens].sort()) {
    const [on, off] = [counts[0]!.get(t) ?? 0, counts[1]!.get(t) ?? 0];
    if (on + off < MIN_COUNT) continue;
    const w = Math.log((off + SMOOTHING) / (n[1]! + 1)) - Math.log((on + SMOOTHING) / (n[0]! + 1));
    weights[t] = Math.round(w * 1000) / 1000;
  }
  return { about, prior: Math.round(Math.log(Math.max(1, n[1]!) / Math.max(1, n[0]!)) * 1000) / 1000, weights };
}
