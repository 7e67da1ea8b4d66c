/** Comparing two runs of every unsealed set question by question, and never reading a sealed folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { comparePools, unsealedSets, type PoolRow } from '../../src/evaluation/eval-pools';

const row = (set: string, question: string, right: boolean): PoolRow => ({ set, council: 'model', question, expect: ['1.1'], ids: [], confident: right, right });

describe('comparePools', () => {
  it('lists, set by set, what a change gained and what it lost, and nothing that stayed the same', () => {
    const before = [row('a.jsonl', 'q1', false), row('a.jsonl', 'q2', true), row('b.jsonl', 'q3', true), row('b.jsonl', 'q4', true)];
    const after = [row('a.jsonl', 'q1', true), row('a.jsonl', 'q2', true), row('b.jsonl', 'q3', false), row('b.jsonl', 'q4', true)];
    const changes = comparePools(before, after);
    expect(changes.map((c) => [c.set, c.gained.map((r) => r.question), c.lost.map((r) => r.question)])).toEqual([
      ['a.jsonl', ['q1'], []],
      ['b.jsonl', [], ['q3']],
    ]);
  });

  it('tells the same question in two sets apart', () => {
    const changes = comparePools([row('a.jsonl', 'q', true), row('b.jsonl', 'q', true)], [row('a.jsonl', 'q', true), row('b.jsonl', 'q', false)]);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.set).toBe('b.jsonl');
  });
});

describe('unsealedSets', () => {
  it('finds every question set except those in a sealed folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pools-'));
    try {
      for (const d of ['open', 'kept', 'sealed', 'sealed/inner']) mkdirSync(join(dir, d), { recursive: true });
      writeFileSync(join(dir, 'top.jsonl'), '');
      writeFileSync(join(dir, 'open', 'a.jsonl'), '');
      writeFileSync(join(dir, 'kept', 'KEPT-OUT'), '');
      writeFileSync(join(dir, 'kept', 'b.jsonl'), '');
      writeFileSync(join(dir, 'sealed', 'SEALED'), '');
      writeFileSync(join(dir, 'sealed', 'c.jsonl'), '');
      writeFileSync(join(dir, 'sealed', 'inner', 'd.jsonl'), '');
      expect(unsealedSets(dir).map((f) => f.slice(dir.length + 1))).toEqual(['kept/b.jsonl', 'open/a.jsonl', 'top.jsonl']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
