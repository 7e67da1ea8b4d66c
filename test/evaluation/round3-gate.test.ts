/**
 * Regression gate for the sets of issue 10's third round: the dev sets tuned on, the decline sets, and
 * (once scored at the end, and so spent) the sealed sets and the four new councils. Councils outside
 * content/ are imported from their own documents, as a new council would be. Floors sit just under the
 * scores measured when they were set (recorded in test/eval/FIRST-TOUCH.md and HELDOUT.md).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { importedContentDir } from '../../src/evaluation/imported-content';
import { parseEvalFile, runEval, type EvalQuestion } from '../../src/evaluation/eval-scorer';
import type { ProtocolCore } from '../../src/core';
import { loadCore } from '../../src/protocol-core';

const read = (file: string): EvalQuestion[] => parseEvalFile(readFileSync(`test/eval/${file}`, 'utf8'));

interface Floors {
  top1: number;
  top3: number;
  declined: number;
  escalation: number;
}

const floors = (top1: number, top3: number, declined: number, escalation: number): Floors => ({ top1, top3, declined, escalation });

/** file, hints?, floors (measured at the end of round 3, 30 Nov 2026, in the comment). */
const SHIPPED: [string, boolean, Floors][] = [
  ['round3/dev-five.jsonl', false, floors(0.83, 0.95, 0.99, 0.99)], // 83.3 / 95.2 / 36 of 36 / 5 of 5
  ['round3/dev-five.jsonl', true, floors(0.96, 0.97, 0.99, 0.99)], // 96.4 / 97.6 / 36 of 36 / 5 of 5
  ['round3/declines-dev-five.jsonl', false, floors(0.99, 0.99, 0.96, 0.99)], // 100 / 100 / 26 of 27
  ['round3/sealed-five.jsonl', false, floors(0.8, 0.96, 0.86, 0.75)], // 80.7 / 96.5 / 20 of 23 / 3 of 4
  ['round3/sealed-five.jsonl', true, floors(0.87, 0.96, 0.86, 0.75)], // 87.7 / 96.5 / 20 of 23 / 3 of 4
  ['sealed-five.jsonl', false, floors(0.7, 0.87, 0.89, 0.75)], // 71.0 / 87.1 / 17 of 19 / 3 of 4
  ['sealed-five.jsonl', true, floors(0.87, 0.96, 0.89, 0.75)], // 87.1 / 96.8 / 17 of 19 / 3 of 4
];

/** corpus folder, files, floors: councils imported from their own documents. */
const IMPORTED: [string, string[], Floors][] = [
  ['test/importer/corpus', ['round3/dev-cold.jsonl'], floors(0.79, 0.91, 0.97, 0.99)], // 79.6 / 91.8 / 41 of 42 / 21 of 21
  ['test/importer/corpus', ['round3/declines-dev.jsonl'], floors(0.88, 0.92, 0.9, 0.99)], // 88.1 / 92.9 / 107 of 118
  ['test/importer/corpus', ['round3/sealed-cold.jsonl'], floors(0.73, 0.86, 0.87, 0.87)], // 73.1 / 86.6 / 29 of 33 / 14 of 16
  ['test/eval/new-councils', newCouncilFiles(), floors(0.53, 0.77, 0.89, 0.85)], // 53.4 / 77.7 / 26 of 29 / 17 of 20
];

function newCouncilFiles(): string[] {
  return readdirSync('test/eval/new-councils')
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => `new-councils/${f}`);
}

function expectFloors(core: ProtocolCore, questions: EvalQuestion[], floors: Floors): void {
  const { summary } = runEval(core, questions);
  expect(summary.overall.top1Rate).toBeGreaterThanOrEqual(floors.top1);
  expect(summary.overall.top3Rate).toBeGreaterThanOrEqual(floors.top3);
  expect(summary.overall.rejectionRate).toBeGreaterThanOrEqual(floors.declined);
  expect(summary.overall.escalationRate).toBeGreaterThanOrEqual(floors.escalation);
}

describe('round 3 sets on the shipped councils', () => {
  const withHints = loadCore('content', 'model');
  const withoutHints = loadCore('content', 'model', { hints: false });
  it.each(SHIPPED)('%s (hints: %s) keeps its scores', (file, hints, floors) => {
    expectFloors(hints ? withHints : withoutHints, read(file), floors);
  });
});

describe('round 3 sets on councils imported from their own documents', () => {
  const cores = new Map<string, ProtocolCore>();
  beforeAll(async () => {
    for (const corpus of new Set(IMPORTED.map(([dir]) => dir))) {
      const { dir } = await importedContentDir(corpus);
      const first = read(IMPORTED.find(([d]) => d === corpus)![1][0]!)[0]!.council;
      cores.set(corpus, loadCore(dir, first, { hints: false, knowledgeDir: 'content' }));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.each(IMPORTED)('%s: %j keeps its scores', (corpus, files, floors) => {
    expect(files.length).toBeGreaterThan(0);
    expectFloors(cores.get(corpus)!, files.flatMap(read), floors);
  });
});
