/**
 * `npm run learn-scope -- [--exclude <path part>,...] [--out <file>]`: learns content/scope.json (see
 * src/search/scope.ts) from the questions in src/evaluation/scope-training.ts: the question sets
 * under test/eval and the lists under content/scope-questions/. `--exclude` leaves out sets whose
 * path contains one of its parts, to measure the model on questions it never saw.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scopeExamples } from '../src/evaluation/scope-training';
import { loadLexicon } from '../src/search/lexicon';
import { SCOPE_FILE, learnScope, scopeJson } from '../src/search/scope';

function main(): void {
  const { values } = parseArgs({ options: { exclude: { type: 'string' }, out: { type: 'string' } } });
  const { examples, sources } = scopeExamples('test/eval', 'content', (values.exclude ?? '').split(',').filter(Boolean));
  const lexicon = loadLexicon('content');
  const about = `learnt by scripts/learn-scope.ts from ${examples.length} questions in ${sources.length} files`;
  const table = learnScope(examples, about, (w) => lexicon.spell(w));
  const out = values.out ?? join('content', SCOPE_FILE);
  writeFileSync(out, scopeJson(table));
  process.stdout.write(`learn-scope: wrote ${out} (${Object.keys(table.weights).length} tokens, ${about})\n`);
}

main();
