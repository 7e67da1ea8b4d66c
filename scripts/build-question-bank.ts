/**
 * `npm run question-bank -- [--exclude <path part>,...] [--out <file>]`: writes content/question-bank.json
 * (src/search/question-bank.ts), as src/evaluation/question-bank-build.ts builds it. `--exclude` leaves out
 * sets whose path contains one of its parts, and the councils of a folder named by it, to measure borrowing
 * on councils and questions it never saw.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildQuestionBank, questionBankJson } from '../src/evaluation/question-bank-build';
import { QUESTION_BANK_FILE } from '../src/search/question-bank';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { exclude: { type: 'string' }, out: { type: 'string' } } });
  const bank = await buildQuestionBank((values.exclude ?? '').split(',').filter(Boolean));
  const out = values.out ?? join('content', QUESTION_BANK_FILE);
  writeFileSync(out, questionBankJson(bank));
  process.stdout.write(`question-bank: wrote ${out} (${bank.about}, ${bank.clauses.reduce((n, c) => n + c.asks.length, 0)} asks)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`question-bank: ${(err as Error).message}\n`);
  process.exit(1);
});
