/**
 * Child process for section 5, run with --expose-gc: resident memory before and after loading every
 * council, then heap used (after full collections) once 1,000 and once 100,000 questions have been
 * asked. One question in ten carries a fresh typo, so the questions keep changing as real ones do
 * and the fuzzy-correction caches fill as they would in a long-running bot.
 */
import { loadCore } from '../src/protocol-core';
import { runAsChild } from './child-process';
import { DEFAULT_COUNCIL, evalQuestions } from './seed-content';

export interface MemoryArgs {
  contentDir: string;
  checkpoints: number[];
}

export interface MemoryResult {
  rssBeforeLoad: number;
  rssAfterLoad: number;
  heapAfterLoad: number;
  /** Heap used after a full collection, at each checkpoint (questions asked so far). */
  heapAt: { questions: number; heapUsed: number; rss: number; elapsedMs: number }[];
  typoShare: number;
}

const TYPO_EVERY = 10;

runAsChild<MemoryArgs, MemoryResult>(({ contentDir, checkpoints }) => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const settle = () => {
    gc();
    gc();
    return process.memoryUsage();
  };
  const questions = evalQuestions();
  const rssBeforeLoad = settle().rss;
  const core = loadCore(contentDir, DEFAULT_COUNCIL);
  const loaded = settle();
  // Start at a question in words, not a clause number, so the first reading includes typo correction's word list.
  const start = Math.max(0, questions.findIndex((q) => !/\d/.test(q.question)));
  const heapAt: MemoryResult['heapAt'] = [];
  const started = performance.now();
  let asked = 0;
  for (const checkpoint of checkpoints) {
    for (; asked < checkpoint; asked++) {
      const q = questions[(start + asked) % questions.length]!;
      const text = asked % TYPO_EVERY === TYPO_EVERY - 1 ? withTypo(q.question, asked) : q.question;
      core.ask({ council: q.council, role: asked % 2 ? 'officer' : 'councillor', text });
    }
    const m = settle();
    heapAt.push({ questions: asked, heapUsed: m.heapUsed, rss: m.rss, elapsedMs: performance.now() - started });
  }
  return { rssBeforeLoad, rssAfterLoad: loaded.rss, heapAfterLoad: loaded.heapUsed, heapAt, typoShare: 1 / TYPO_EVERY };
});

/** A letter slipped into the question's longest word, different for each `n`. */
function withTypo(question: string, n: number): string {
  const words = question.split(' ');
  const longest = words.reduce((best, w, i) => (w.length > words[best]!.length ? i : best), 0);
  const word = words[longest]!;
  const at = 1 + (Math.floor(n / 26) % Math.max(1, word.length - 1));
  words[longest] = `${word.slice(0, at)}${String.fromCharCode(97 + (n % 26))}${word.slice(at)}`;
  return words.join(' ');
}
