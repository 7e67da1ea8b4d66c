/**
 * `npm run eval-pools -- --out <file>`: answers every unsealed question set under test/eval (the shipped councils
 * without hints, every other council imported from its own document) and writes one JSON line a question.
 * `npm run eval-pools -- --compare <before> <after>`: lists, set by set, the questions a change gained and lost.
 * Sealed folders are never read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { answerPools, comparePools, type PoolRow } from '../src/evaluation/eval-pools';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { out: { type: 'string' }, compare: { type: 'boolean', default: false } },
  });
  if (values.compare) {
    const [before, after] = positionals.map(readRows);
    if (!before || !after) throw new Error('--compare needs two files written by --out');
    let gained = 0;
    let lost = 0;
    for (const change of comparePools(before, after)) {
      gained += change.gained.length;
      lost += change.lost.length;
      process.stdout.write(`${change.set}: +${change.gained.length} -${change.lost.length}\n`);
      for (const r of [...change.gained, ...change.lost]) {
        process.stdout.write(`  ${r.right ? '+' : '-'} [${r.council}] ${r.question.replace(/\s+/g, ' ').slice(0, 140)} (expect ${JSON.stringify(r.expect)}, now ${JSON.stringify(r.ids.slice(0, 3))})\n`);
      }
    }
    process.stdout.write(`gained ${gained}, lost ${lost}\n`);
    return;
  }
  if (!values.out) throw new Error('give --out <file>, or --compare <before> <after>');
  const rows = await answerPools('test/eval', 'content', 'test/importer/corpus');
  writeFileSync(values.out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const sets = new Map<string, { n: number; right: number }>();
  for (const r of rows) {
    const s = sets.get(r.set) ?? { n: 0, right: 0 };
    s.n++;
    if (r.right) s.right++;
    sets.set(r.set, s);
  }
  for (const [set, s] of sets) process.stdout.write(`${set}: ${s.right}/${s.n} right\n`);
  process.stdout.write(`wrote ${rows.length} questions to ${values.out}\n`);
}

function readRows(file: string): PoolRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PoolRow);
}

main().catch((err: unknown) => {
  process.stderr.write(`eval-pools: ${(err as Error).message}\n`);
  process.exit(1);
});
