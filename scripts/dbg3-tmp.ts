import { readFileSync } from 'node:fs';
import { coldContentDir } from '../src/evaluation/cold-content';
import { parseEvalFile } from '../src/evaluation/eval-scorer';
import { loadCore } from '../src/protocol-core';
const files = process.argv.slice(2);
const qs = files.flatMap((f) => parseEvalFile(readFileSync(f, 'utf8')));
const cold = files.some((f) => f.includes('/cold/'));
const dir = cold ? coldContentDir('/tmp/corpus/test/importer/corpus').dir : 'content';
const core = loadCore(dir, qs[0]!.council, { hints: false, knowledgeDir: 'content' });
for (const q of qs) {
  if (q.expect.length) continue;
  const a = core.ask({ council: q.council, role: q.role ?? 'councillor', text: q.question });
  if (a.confident) console.log(`[${q.council}] ${q.question.replace(/\n/g, ' | ').slice(0, 140)} -> ${a.clauses.map((c) => c.id).join(',')}`);
}
