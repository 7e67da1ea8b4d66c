/**
 * Section 5: memory, in a fresh child process run with --expose-gc so that readings follow full
 * collections. Baselines from the same process: resident memory before any content is loaded, and
 * heap used after the first 1,000 questions.
 */
import { join } from 'node:path';
import { runInChild } from './child-process';
import type { MemoryArgs, MemoryResult } from './memory-child';
import { verdict, type SectionReport } from './report';
import { CONTENT_DIR } from './seed-content';
import { formatMb } from './stats';

const CHILD = join(__dirname, 'memory-child.ts');
const EARLY = 1_000;
const LATE = 100_000;
const TARGET = { growthBytes: 5 * 1024 * 1024, growthShare: 0.1 };

export const MEMORY_TITLE = '5. Memory';

export async function measureMemory(): Promise<SectionReport> {
  const r = await runInChild<MemoryResult>(CHILD, { contentDir: CONTENT_DIR, checkpoints: [1, EARLY, LATE] } satisfies MemoryArgs, {
    nodeArgs: ['--expose-gc'],
    timeoutMs: 120_000,
  });
  const first = r.heapAt.find((h) => h.questions === 1)!;
  const early = r.heapAt.find((h) => h.questions === EARLY)!;
  const late = r.heapAt.find((h) => h.questions === LATE)!;
  const growth = late.heapUsed - early.heapUsed;
  const share = growth / early.heapUsed;
  return {
    title: MEMORY_TITLE,
    method: `one fresh child process (node --expose-gc, tsx); every reading after two full collections; the eval questions asked round-robin across all councils, ${(r.typoShare * 100).toFixed(0)}% of them with a fresh typo.`,
    rows: [
      {
        measure: 'RSS after loading every council',
        target: 'none set',
        measured: `${formatMb(r.rssAfterLoad)} (+${formatMb(r.rssAfterLoad - r.rssBeforeLoad)} for the content and indexes; heap used ${formatMb(r.heapAfterLoad)})`,
        baseline: `${formatMb(r.rssBeforeLoad)} before loading (modules required)`,
        verdict: 'report only',
      },
      {
        measure: `Heap used after ${LATE.toLocaleString('en-GB')} questions`,
        target: `growth < ${formatMb(TARGET.growthBytes)} or < ${TARGET.growthShare * 100}%`,
        measured: `${formatMb(late.heapUsed)} (${growth >= 0 ? '+' : ''}${formatMb(growth)}, ${(share * 100).toFixed(1)}%)`,
        baseline: `${formatMb(early.heapUsed)} after ${EARLY.toLocaleString('en-GB')} questions`,
        verdict: verdict(growth < TARGET.growthBytes || share < TARGET.growthShare),
      },
    ],
    notes: [
      `The first question loads the English word list that typo correction consults: heap ${formatMb(r.heapAfterLoad)} → ${formatMb(first.heapUsed)}, RSS ${formatMb(r.rssAfterLoad)} → ${formatMb(first.rss)}.`,
      `RSS after ${LATE.toLocaleString('en-GB')} questions: ${formatMb(late.rss)}; the questions took ${(late.elapsedMs / 1000).toFixed(1)} s in all (${((late.elapsedMs / LATE) * 1000).toFixed(0)} µs each on average, typos included).`,
      'Typos fill each council index\'s fuzzy-correction cache, which is bounded (5,000 words, then cleared), so some growth there is by design.',
    ],
  };
}
