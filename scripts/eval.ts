/** `npm run eval -- [--json] [--misses] <file.jsonl>`: scores an evaluation file against the content. */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config';
import { formatSummary, parseEvalFile, runEval } from '../src/evaluation/eval-scorer';
import { loadCore } from '../src/protocol-core';

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const showMisses = args.includes('--misses');
  const file = args.find((a) => !a.startsWith('--')) ?? 'test/eval/questions.jsonl';
  const config = loadConfig(process.env);
  const core = loadCore(config.contentDir, config.council);
  const { results, summary } = runEval(core, parseEvalFile(readFileSync(file, 'utf8')));
  if (json) {
    const { misses: _misses, ...rest } = summary;
    process.stdout.write(`${JSON.stringify({ results, summary: rest })}\n`);
    return;
  }
  process.stdout.write(`${formatSummary(summary)}\n`);
  if (showMisses) {
    for (const m of summary.misses) {
      process.stdout.write(`MISS [${m.council}] ${m.question}\n    expect ${JSON.stringify(m.expect)} got ${JSON.stringify(m.ids)} confident=${m.confident}\n`);
    }
  }
}

try {
  main();
} catch (err) {
  process.stderr.write(`eval: ${(err as Error).message}\n`);
  process.exit(1);
}
