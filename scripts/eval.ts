/**
 * `npm run eval -- [--json] [--misses] [--no-hints] [--content <dir>] [--cold <corpus dir>] <file.jsonl>...`:
 * scores evaluation files against the content. `--no-hints` ignores content/hints/ (what a newly
 * imported council gets); `--content` reads councils from another folder; `--cold` scores councils
 * of an importer corpus (`<dir>/<id>/expected.yaml`), with the shared knowledge from content/;
 * `--imported` imports each corpus council's own document (`<dir>/<id>/protocol.*`) instead, as a
 * new council would, and scores what the importer made of it.
 */
import { readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { coldContentDir } from '../src/evaluation/cold-content';
import { importedContentDir } from '../src/evaluation/imported-content';
import { formatSummary, parseEvalFile, runEval } from '../src/evaluation/eval-scorer';
import { loadCore } from '../src/protocol-core';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      misses: { type: 'boolean', default: false },
      'no-hints': { type: 'boolean', default: false },
      content: { type: 'string' },
      cold: { type: 'string' },
      imported: { type: 'string' },
    },
  });
  const files = positionals.length ? positionals : ['test/eval/questions.jsonl'];
  const config = loadConfig(process.env);
  let questions = files.flatMap((f) => parseEvalFile(readFileSync(f, 'utf8')));
  const councilIds = [...new Set(questions.map((q) => q.council))];
  const imported = values.imported ? await importedContentDir(values.imported, councilIds) : undefined;
  // A council whose document the importer refuses has no answers at all: said apart, its questions not scored.
  for (const { id, message } of imported?.failed ?? []) {
    const n = questions.filter((q) => q.council === id).length;
    process.stderr.write(`eval: ${id} did not import (${n} questions not scored): ${message}\n`);
    questions = questions.filter((q) => q.council !== id);
  }
  const cold = imported ? imported.dir : values.cold ? coldContentDir(values.cold, councilIds).dir : undefined;
  const contentDir = cold ?? values.content ?? config.contentDir;
  let core;
  try {
    core = loadCore(contentDir, questions[0]?.council ?? config.council, { hints: !values['no-hints'], knowledgeDir: config.contentDir });
  } finally {
    if (cold) rmSync(cold, { recursive: true, force: true });
  }
  const { results, summary } = runEval(core, questions);
  if (values.json) {
    const { misses: _misses, ...rest } = summary;
    process.stdout.write(`${JSON.stringify({ results, summary: rest })}\n`);
    return;
  }
  process.stdout.write(`${formatSummary(summary)}\n`);
  if (values.misses) {
    for (const m of summary.misses) {
      process.stdout.write(`MISS [${m.council}] ${m.question}\n    expect ${JSON.stringify(m.expect)} got ${JSON.stringify(m.ids)} confident=${m.confident}\n`);
      if (m.escalation) process.stdout.write(`    escalation ${m.escalation.replace(/\n/g, ' | ')}\n`);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`eval: ${(err as Error).message}\n`);
  process.exit(1);
});
