/**
 * `npm run question-bank -- [--exclude <path part>,...] [--out <file>]`: writes content/question-bank.json
 * (src/search/question-bank.ts): for each clause of the shipped councils and of the councils under
 * test/eval and test/importer/corpus, its text, the questions asked about it in the question sets
 * under test/eval and, for the shipped councils, its hints. Sets under a folder holding a SEALED or KEPT-OUT file
 * are never read; `--exclude` leaves out sets whose path contains one of its parts, and the councils
 * of a folder named by it, to measure borrowing on councils and questions it never saw.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseEvalFile, type EvalQuestion } from '../src/evaluation/eval-scorer';
import { coldContentDir } from '../src/evaluation/cold-content';
import { importedContentDir } from '../src/evaluation/imported-content';
import { jsonlFiles, notLearnt } from '../src/evaluation/scope-training';
import { loadProtocols } from '../src/protocol/content-loader';
import type { Protocol } from '../src/protocol/model';
import { loadHints } from '../src/search/search-hints';
import { QUESTION_BANK_FILE, bankText, type QuestionBankFile } from '../src/search/question-bank';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { exclude: { type: 'string' }, out: { type: 'string' } } });
  const excluded = (values.exclude ?? '').split(',').filter(Boolean);
  const keep = (path: string) => !excluded.some((x) => path.includes(x));
  const questions: EvalQuestion[] = jsonlFiles('test/eval').filter(keep).flatMap((f) => parseEvalFile(readFileSync(f, 'utf8')));

  const protocols = new Map<string, Protocol>(loadProtocols('content'));
  const hints = new Map([...protocols.values()].map((p) => [p.id, loadHints('content', p)]));
  const temporary: string[] = [];
  const cold = coldContentDir('test/importer/corpus');
  temporary.push(cold.dir);
  for (const [id, p] of loadProtocols(cold.dir)) if (!protocols.has(id)) protocols.set(id, p);
  for (const folder of ['test/eval/new-councils', 'test/eval/round4/new-councils', 'test/eval/round5/new-councils'].filter(keep)) {
    if (notLearnt(folder)) continue;
    const imported = await importedContentDir(folder);
    temporary.push(imported.dir);
    for (const [id, p] of loadProtocols(imported.dir)) if (!protocols.has(id)) protocols.set(id, p);
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
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  const about = `written by scripts/build-question-bank.ts: ${clauses.length} clauses of ${new Set(clauses.map((c) => c.council)).size} councils`;
  const out = values.out ?? join('content', QUESTION_BANK_FILE);
  const body = clauses.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
  writeFileSync(out, `{\n  "about": ${JSON.stringify(about)},\n  "clauses": [\n${body}\n  ]\n}\n`);
  process.stdout.write(`question-bank: wrote ${out} (${about}, ${clauses.reduce((n, c) => n + c.asks.length, 0)} asks)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`question-bank: ${(err as Error).message}\n`);
  process.exit(1);
});
