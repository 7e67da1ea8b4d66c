/**
 * Section 1: how long the core takes to answer one question, in process. Every eval question is
 * asked many times, each call timed on its own and interleaved with the same question put to a
 * MiniSearch BM25 index over the same clauses, so noise on this shared machine hits both alike.
 * Then the same on synthetic protocols of 125 to 1,000 clauses, to show how the cost grows.
 */
import type { EvalQuestion } from '../src/evaluation/eval-scorer';
import { createProtocolCore, loadCore } from '../src/protocol-core';
import { loadSubjects } from '../src/search/subjects';
import { Bm25Baseline } from './bm25-baseline';
import { describeHot, hotFunctions } from './cpu-profile';
import { verdict, type Row, type SectionReport } from './report';
import { CONTENT_DIR, DEFAULT_COUNCIL, evalQuestions, seedCouncils } from './seed-content';
import { Samples, formatMs, formatRatio } from './stats';
import { syntheticProtocol } from './synthetic-protocol';

const SEED = { warmupRounds: 20, rounds: 200 };
/** Synthetic sizes; each is measured for at most `budgetMs` (but at least `minRounds` rounds). */
const SCALE = { sizes: [125, 250, 500, 1000], warmupRounds: 1, minRounds: 2, maxRounds: 30, budgetMs: 2000 };
const TARGET = { seedP99Ms: 2, seedRatio: 3, largeP99Ms: 10, largeSize: 1000 };
const LOOKUP_KINDS = new Set(['lookup', 'unknown-clause']);

export const ANSWER_LATENCY_TITLE = '1. Answer latency (in process)';

interface Timed {
  /** Per question (same order as the questions): every timed call, ms. */
  core: Samples[];
  bm25: Samples[];
  /** The kind of answer the core gave each question (answer, no-match, lookup, unknown-clause…). */
  kinds: string[];
  rounds: number;
}

export async function measureAnswerLatency(): Promise<SectionReport> {
  const questions = evalQuestions();
  const seed = measureSeedCouncils(questions);
  const scale = await measureScale(questions, seed.freeText);
  return {
    title: ANSWER_LATENCY_TITLE,
    method:
      'each call to `core.ask` timed with performance.now(), interleaved call by call with MiniSearch (BM25, fields heading + text, fuzzy 0.2, prefix) on the same question and clauses; the core keeps its fuzzy-correction cache warm across rounds, as in a running bot.',
    rows: [...seed.rows, ...scale.rows],
    notes: [...seed.notes, ...scale.notes],
  };
}

/** The five real councils, each question asked of its own council. */
function measureSeedCouncils(questions: EvalQuestion[]): { rows: Row[]; notes: string[]; freeText: EvalQuestion[] } {
  const core = loadCore(CONTENT_DIR, DEFAULT_COUNCIL);
  const baselines = new Map(core.councils().map((c) => [c.id, new Bm25Baseline(core.protocol(c.id))]));
  const ask = (q: EvalQuestion) => core.ask({ council: q.council, role: 'councillor', text: q.question }).kind;
  const search = (q: EvalQuestion) => baselines.get(q.council)!.search(q.question);
  timeQuestions(questions, ask, search, { rounds: SEED.warmupRounds });
  const seed = timeQuestions(questions, ask, search, { rounds: SEED.rounds });

  const rows: Row[] = [];
  const councils = [...new Set(questions.map((q) => q.council))];
  for (const council of [...councils, 'all five']) {
    const picked = questions.flatMap((q, i) => (council === 'all five' || q.council === council ? [i] : []));
    rows.push(seedRow(council, picked.length, pool(seed.core, picked), pool(seed.bm25, picked)));
  }
  const notes: string[] = [];
  const slowest = slowestByMedian(questions, seed)[0];
  if (slowest) notes.push(`Seed protocols: slowest question by median was "${slowest.text}" (${slowest.council}, ${slowest.kind}): p50 ${formatMs(slowest.p50)}.`);
  notes.push(`Seed protocols: ${questions.length} questions × ${seed.rounds} rounds after ${SEED.warmupRounds} warm-up rounds; ${pool(seed.core, questions.map((_, i) => i)).length} timed calls each for the core and for BM25.`);
  return { rows, notes, freeText: questions.filter((_, i) => !LOOKUP_KINDS.has(seed.kinds[i]!)) };
}

/** Synthetic protocols of growing size, every question asked of each; profiled at the largest. */
async function measureScale(questions: EvalQuestion[], freeText: EvalQuestion[]): Promise<{ rows: Row[]; notes: string[] }> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const { councils: sources, lexicon } = seedCouncils();
  const all = questions.map((_, i) => i);
  for (const size of SCALE.sizes) {
    const synthetic = syntheticProtocol(sources, size);
    const scaled = createProtocolCore({
      protocols: new Map([['synthetic', synthetic.protocol]]),
      lexicon,
      // The shared subjects every council gets; the synthetic protocol's clauses are linked to them on load.
      subjects: loadSubjects(CONTENT_DIR),
      hints: new Map([['synthetic', synthetic.hints]]),
      defaultCouncil: 'synthetic',
    });
    const bm25 = new Bm25Baseline(synthetic.protocol);
    const ask = (q: EvalQuestion) => scaled.ask({ council: 'synthetic', role: 'councillor', text: q.question }).kind;
    const search = (q: EvalQuestion) => bm25.search(q.question);
    // Warm-up fills this index's fuzzy-correction cache; clause-number questions never use it.
    timeQuestions(freeText, ask, search, { rounds: SCALE.warmupRounds });
    const timed = timeQuestions(questions, ask, search, { rounds: SCALE.maxRounds, minRounds: SCALE.minRounds, budgetMs: SCALE.budgetMs });
    rows.push(scaleRow(size, timed.rounds, pool(timed.core, all), pool(timed.bm25, all)));
    if (size !== TARGET.largeSize) continue;

    const words = all.filter((i) => !LOOKUP_KINDS.has(timed.kinds[i]!));
    const numbers = all.filter((i) => LOOKUP_KINDS.has(timed.kinds[i]!));
    rows.push(partRow(`${size} clauses: free-text questions only (${words.length})`, pool(timed.core, words), pool(timed.bm25, words)));
    rows.push(partRow(`${size} clauses: clause-number questions only (${numbers.length})`, pool(timed.core, numbers), pool(timed.bm25, numbers)));
    const worst = slowestByMedian(questions, timed).slice(0, 3);
    notes.push(`${size} clauses, slowest questions by median: ${worst.map((w) => `"${w.text}" (${w.kind}) ${formatMs(w.p50)}`).join('; ')}.`);
    const hot = await hotFunctions(() => worst.forEach((w) => ask(questions[w.index]!)));
    notes.push(`CPU profile of those ${worst.length} questions at ${size} clauses: ${hot.map(describeHot).join('; ')}.`);
  }
  notes.push(
    `Synthetic protocols are built from the five councils' real clauses (headings, opening sentences, lists and hints mixed; sections of 6-30 clauses, some numbered to three levels), seeded, and validated by the content loader; the same ${questions.length} questions are asked of each.`,
  );
  return { rows, notes };
}

/** Times every question `rounds` times (fewer if `budgetMs` runs out after `minRounds`). */
function timeQuestions(
  questions: EvalQuestion[],
  ask: (q: EvalQuestion) => string,
  search: (q: EvalQuestion) => unknown,
  plan: { rounds: number; minRounds?: number; budgetMs?: number },
): Timed {
  const n = questions.length;
  const timed: Timed = { core: questions.map(() => new Samples(plan.rounds)), bm25: questions.map(() => new Samples(plan.rounds)), kinds: [], rounds: 0 };
  const started = performance.now();
  for (let round = 0; round < plan.rounds; round++) {
    if (plan.budgetMs !== undefined && round >= (plan.minRounds ?? 1) && performance.now() - started > plan.budgetMs) break;
    for (let k = 0; k < n; k++) {
      // Start each round at a different question, and swap which system goes first, so neither
      // always runs on a cache the other just warmed.
      const i = (k + round) % n;
      const q = questions[i]!;
      const coreFirst = (round + k) % 2 === 0;
      if (!coreFirst) timeOne(timed.bm25[i]!, () => search(q));
      timed.kinds[i] = timeOne(timed.core[i]!, () => ask(q));
      if (coreFirst) timeOne(timed.bm25[i]!, () => search(q));
    }
    timed.rounds = round + 1;
  }
  return timed;
}

function timeOne<T>(into: Samples, work: () => T): T {
  const t0 = performance.now();
  const result = work();
  into.push(performance.now() - t0);
  return result;
}

function pool(perQuestion: Samples[], indices: number[]): Samples {
  const all = new Samples();
  for (const i of indices) for (const v of perQuestion[i]!.values()) all.push(v);
  return all;
}

function slowestByMedian(questions: EvalQuestion[], timed: Timed) {
  return questions
    .map((q, index) => ({ index, text: q.question, council: q.council, kind: timed.kinds[index] ?? '?', p50: timed.core[index]!.p(50) }))
    .sort((a, b) => b.p50 - a.p50);
}

const pair = (s: Samples) => `p50 ${formatMs(s.p(50))} · p99 ${formatMs(s.p(99))}`;

function seedRow(council: string, count: number, core: Samples, bm25: Samples): Row {
  const p99 = core.p(99);
  const ratio = p99 / bm25.p(99);
  return {
    measure: `${council} (${count} questions)`,
    target: `p99 ≤ ${TARGET.seedRatio}x BM25 p99 and < ${TARGET.seedP99Ms} ms`,
    measured: `${pair(core)} (${formatRatio(ratio)} BM25)`,
    baseline: pair(bm25),
    verdict: verdict(ratio <= TARGET.seedRatio && p99 < TARGET.seedP99Ms),
  };
}

function scaleRow(size: number, rounds: number, core: Samples, bm25: Samples): Row {
  const judged = size === TARGET.largeSize;
  return {
    measure: `synthetic, ${size} clauses (${rounds} rounds)`,
    target: judged ? `p99 < ${TARGET.largeP99Ms} ms` : '—',
    measured: `${pair(core)} (${formatRatio(core.p(99) / bm25.p(99))} BM25)`,
    baseline: pair(bm25),
    verdict: verdict(judged ? core.p(99) < TARGET.largeP99Ms : undefined),
  };
}

function partRow(measure: string, core: Samples, bm25: Samples): Row {
  return { measure, target: '—', measured: core.length ? pair(core) : 'none asked', baseline: bm25.length ? pair(bm25) : '—', verdict: 'report only' };
}
