/**
 * The questions content/scope.json is learnt from (scripts/learn-scope.ts): every question set under
 * test/eval, where a question with an expected clause is about members and staff and one with none
 * must be declined, and the plain lists under content/scope-questions/. A folder holding a SEALED or a
 * KEPT-OUT file is left out (nobody may learn from a sealed set; a kept-out one measures the models), and
 * so is any set whose path contains one of `exclude` (a set kept apart to measure the model on questions
 * it never saw).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvalFile } from './eval-scorer';

export const SCOPE_QUESTIONS_DIR = 'scope-questions';
/** The folder of the question bank's own sets under test/eval. */
export const BANK_SETS = 'bank';
/** The two lists of questions, by whether they are about members and staff. */
const LISTS = { 'about-members-and-staff.txt': false, 'other-business.txt': true } as const;

export interface ScopeExample {
  question: string;
  offTopic: boolean;
}

/**
 * Marker files that keep a folder's sets out of what is learnt: SEALED (nobody has read them) and
 * KEPT-OUT (read and tuned on by hand, but kept out of the learnt models so that they still measure them).
 */
export const NOT_LEARNT_MARKERS = ['SEALED', 'KEPT-OUT'] as const;

/** Whether a folder holds one of these marker files. */
export function holdsMarker(dir: string, markers: readonly string[]): boolean {
  return markers.some((m) => existsSync(join(dir, m)));
}

/** Whether a folder's question sets are left out of what the learning scripts read. */
export function notLearnt(dir: string): boolean {
  return holdsMarker(dir, NOT_LEARNT_MARKERS);
}

/**
 * The question sets (`.jsonl`) under `dir`, in order, leaving out any folder that holds one of `markers`: by default
 * a SEALED or KEPT-OUT file (what the learning scripts read); eval-pools leaves out only SEALED ones.
 */
export function jsonlFiles(dir: string, markers: readonly string[] = NOT_LEARNT_MARKERS): string[] {
  if (!existsSync(dir) || holdsMarker(dir, markers)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const path = join(dir, f);
      if (statSync(path).isDirectory()) return jsonlFiles(path, markers);
      return f.endsWith('.jsonl') ? [path] : [];
    });
}

export function scopeExamples(evalDir: string, contentDir: string, exclude: readonly string[] = []): { examples: ScopeExample[]; sources: string[] } {
  // The question bank's sets (test/eval/bank) are all answerable questions written clause by clause:
  // they say how people ask about a clause, not how often a question is off the protocol's matter.
  const files = jsonlFiles(evalDir).filter((f) => !exclude.some((x) => f.includes(x)) && !f.includes(`${BANK_SETS}/`));
  const examples = files.flatMap((f) => parseEvalFile(readFileSync(f, 'utf8')).map((q) => ({ question: q.question, offTopic: q.expect.length === 0 })));
  const sources = [...files];
  for (const [name, offTopic] of Object.entries(LISTS)) {
    const path = join(contentDir, SCOPE_QUESTIONS_DIR, name);
    if (!existsSync(path) || exclude.some((x) => path.includes(x))) continue;
    sources.push(path);
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const question = line.trim();
      if (question && !question.startsWith('#')) examples.push({ question, offTopic });
    }
  }
  return { examples, sources };
}
