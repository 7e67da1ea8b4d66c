import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hits, parseEvalFile, runEval } from '../../src/evaluation/eval-scorer';
import { loadCore } from '../../src/protocol-core';

const core = loadCore('content', 'model');

describe('eval scoring', () => {
  it('counts an id as a hit when it is the expected clause or inside it', () => {
    expect(hits('2.4', '2.4')).toBe(true);
    expect(hits('2.4.1', '2.4')).toBe(true);
    expect(hits('3.1(e)', '3.1')).toBe(true);
    expect(hits('2.41', '2.4')).toBe(false);
    expect(hits('3.1', '3.1(e)')).toBe(false);
  });

  it('scores top-1, top-3 and off-topic rejection', () => {
    const { summary } = runEval(core, [
      { council: 'hexham', question: 'clause 2.4', expect: ['2.4'] },
      { council: 'hexham', question: 'clause 2.4', expect: ['5.3'] },
      { council: 'model', question: 'recipe for lemon drizzle cake', expect: [] },
    ]);
    expect(summary.overall).toMatchObject({ questions: 3, answerable: 2, top1: 1, offTopic: 1, offTopicRejected: 1 });
    expect(summary.councils.hexham?.top1Rate).toBe(0.5);
    expect(summary.misses).toHaveLength(1);
  });

  it('names the line of a malformed question file', () => {
    expect(() => parseEvalFile('{"council":"model","question":"x","expect":[]}\nnot json')).toThrow('line 2');
    expect(() => parseEvalFile('{"council":"model","question":"x"}')).toThrow(/line 1: expect/);
  });
});

describe('the team question set (regression gate)', () => {
  const questions = parseEvalFile(readFileSync('test/eval/questions.jsonl', 'utf8'));

  it('has enough realistic questions of every kind', () => {
    expect(questions.length).toBeGreaterThanOrEqual(120);
    expect(questions.filter((q) => q.expect.length === 0).length).toBeGreaterThanOrEqual(10);
    expect(new Set(questions.map((q) => q.council))).toEqual(new Set(['hexham', 'model', 'bfstc', 'borough', 'honiton']));
  });

  it('keeps its scores from regressing', () => {
    const { summary } = runEval(core, questions);
    // Floors sit just under the scores measured when they were set (96.3% / 99.4% / 24 of 25).
    expect(summary.overall.top1Rate).toBeGreaterThanOrEqual(0.95);
    expect(summary.overall.top3Rate).toBeGreaterThanOrEqual(0.98);
    expect(summary.overall.rejectionRate).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    // file, top-1, top-3 and rejection floors, just under what was measured when they were set:
    // validation 92.4% / 96.6% / 32 of 32; holdout 85.0% / 96.7% / 29 of 30.
    ['validation.jsonl', 0.9, 0.95, 0.96],
    ['holdout.jsonl', 0.83, 0.95, 0.93],
  ])('keeps its scores on %s, written apart from the tuning', (file, top1, top3, rejection) => {
    const { summary } = runEval(core, parseEvalFile(readFileSync(`test/eval/${file}`, 'utf8')));
    expect(summary.overall.top1Rate).toBeGreaterThanOrEqual(top1);
    expect(summary.overall.top3Rate).toBeGreaterThanOrEqual(top3);
    expect(summary.overall.rejectionRate).toBeGreaterThanOrEqual(rejection);
  });
});

describe('command line', () => {
  const tsx = require.resolve('tsx/cli');

  it('npm run ask --json prints one JSON object of the documented shape', () => {
    const out = execFileSync(process.execPath, [tsx, 'scripts/ask.ts', '--council', 'hexham', '--json', 'clause 5.3'], { encoding: 'utf8' });
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed)).toEqual(expect.arrayContaining(['council', 'question', 'confident', 'clauses', 'escalation']));
    expect(parsed).toMatchObject({ council: 'hexham', question: 'clause 5.3', confident: true });
    expect(parsed.clauses[0]).toMatchObject({ id: '5.3', heading: 'When Things go Wrong' });
    expect(typeof parsed.escalation.text).toBe('string');
    expect(Array.isArray(parsed.escalation.steps)).toBe(true);
  });

  it('npm run ask rejects an unknown council and role with a message', () => {
    const run = (args: string[]) => {
      try {
        execFileSync(process.execPath, [tsx, 'scripts/ask.ts', ...args], { encoding: 'utf8', stdio: 'pipe' });
        return '';
      } catch (err) {
        return String((err as { stderr: string }).stderr);
      }
    };
    expect(run(['--council', 'atlantis', 'hello'])).toMatch(/Unknown council "atlantis"/);
    expect(run(['--role', 'mayor', 'hello'])).toMatch(/unknown role "mayor"/);
  });

  it('npm run eval --json prints results and a summary', () => {
    const out = execFileSync(process.execPath, [tsx, 'scripts/eval.ts', '--json', 'test/eval/questions.jsonl'], { encoding: 'utf8' });
    const parsed = JSON.parse(out);
    expect(parsed.results[0]).toEqual(
      expect.objectContaining({ council: expect.any(String), question: expect.any(String), ids: expect.any(Array), confident: expect.any(Boolean), escalation: expect.any(String) }),
    );
    expect(parsed.summary.overall.questions).toBe(parsed.results.length);
  });
});
