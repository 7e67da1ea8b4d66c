/**
 * What content/question-bank.json holds (scripts/build-question-bank.ts writes it): for each clause of the
 * shipped councils and of the councils under test/eval and test/importer/corpus, its text, the questions
 * asked about it in the question sets under test/eval and, for the shipped councils, its hints. Sets under
 * a folder holding a SEALED or KEPT-OUT file are never read; `excluded` leaves out sets whose path contains
 * one of its parts, and the councils of a folder named by it.
 */
import { readFileSync, rmSync } from 'node:fs';
import { parseEvalFile, type EvalQuestion } from './eval-scorer';
import { coldContentDir } from './cold-content';
import { importedContentDir } from './imported-content';
import { jsonlFiles, notLearnt } from './scope-training';
import { loadProtocols } from '../protocol/content-loader';
import type { Protocol } from '../protocol/model';
import { loadHints } from '../search/search-hints';
import { bankText, type QuestionBankFile } from '../search/question-bank';

/** The folders of councils imported from their own documents whose clauses the bank holds. */
const IMPORTED_FOLDERS = ['test/eval/new-councils', 'test/eval/round4/new-councils', 'test/eval/round5/new-councils'];

export async function buildQuestionBank(excluded: readonly string[] = []): Promise<QuestionBankFile> {
  const keep = (path: string) => !excluded.some((x) => path.includes(x));
  const questions: EvalQuestion[] = jsonlFiles('test/eval').filter(keep).flatMap((f) => parseEvalFile(readFileSync(f, 'utf8')));

  const protocols = new Map<string, Protocol>(loadProtocols('content'));
  const hints = new Map([...protocols.values()].map((p) => [p.id, loadHints('content', p)]));
  const temporary: string[] = [];
  try {
    const cold = coldContentDir('test/importer/corpus');
    temporary.push(cold.dir);
    for (const [id, p] of loadProtocols(cold.dir)) if (!protocols.has(id)) protocols.set(id, p);
    for (const folder of IMPORTED_FOLDERS.filter(keep)) {
      if (notLearnt(folder)) continue;
      const imported = await importedContentDir(folder);
      temporary.push(imported.dir);
      for (const [id, p] of loadProtocols(imported.dir)) if (!protocols.has(id)) protocols.set(id, p);
    }
  } finally {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  }

  const asks = new Map<string, Set<string>>();
  const add = (council: string, clause: string, text: string) => {
    const key = `${council}\u0000${clause}`;
    const set = asks.get(key) ?? new Set<string>();
    set.add(text);
    asks.set(key, set);
  };
  for (const q of questions) {
    const p = protocols.get(q.council);
    if (!p) continue;
    for (const e of q.expect) {
      const id = e.replace(/\(.*$/, '');
      if (p.clauses.some((c) => c.id === id)) add(q.council, id, q.question);
    }
  }
  for (const [council, h] of hints) for (const [clause, phrases] of h) for (const phrase of phrases) add(council, clause, phrase);

  const clauses: QuestionBankFile['clauses'] = [];
  for (const [key, set] of [...asks].sort(([a], [b]) => a.localeCompare(b))) {
    const [council, clause] = key.split('\u0000') as [string, string];
    const found = protocols.get(council)!.clauses.find((c) => c.id === clause);
    if (found) clauses.push({ council, clause, text: bankText(found), asks: [...set].sort() });
  }
  const about = `written by scripts/build-question-bank.ts: ${clauses.length} clauses of ${new Set(clauses.map((c) => c.council)).size} councils`;
  return { about, clauses };
}

/** The file as content/question-bank.json holds it: one clause a line, so that a change reads as a diff. */
export function questionBankJson(bank: QuestionBankFile): string {
  const body = bank.clauses.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
  return `{\n  "about": ${JSON.stringify(bank.about)},\n  "clauses": [\n${body}\n  ]\n}\n`;
}
