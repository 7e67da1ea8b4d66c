/**
 * The bench report: one table per section (target, measured value, baseline, pass/fail) and a note
 * on method, as markdown for stdout and bench/results.md.
 */
import { cpus, loadavg } from 'node:os';

export type Verdict = 'pass' | 'FAIL' | 'report only' | 'not measured';

export interface Row {
  measure: string;
  target: string;
  measured: string;
  baseline: string;
  verdict: Verdict;
}

export interface SectionReport {
  title: string;
  /** One line: how the figures were taken. */
  method: string;
  rows: Row[];
  /** Extra lines under the table: diagnosis, counts, caveats. */
  notes: string[];
}

/** pass/FAIL for a check; `report only` when there is no target to judge against. */
export function verdict(ok: boolean | undefined): Verdict {
  if (ok === undefined) return 'report only';
  return ok ? 'pass' : 'FAIL';
}

/** A section that could not run: why, in the table itself, so the report is still complete. */
export function notMeasured(title: string, reason: string): SectionReport {
  return {
    title,
    method: 'not measured',
    rows: [{ measure: title, target: '—', measured: `not measured: ${reason}`, baseline: '—', verdict: 'not measured' }],
    notes: [],
  };
}

export function renderReport(sections: SectionReport[], runMs: number, only?: string): string {
  const cpu = cpus();
  const lines = [
    '# Benchmark results',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Node: ${process.version} (${process.platform} ${process.arch})`,
    `- CPUs: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}; load average at the end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
    `- Run: \`npm run bench${only ? ` -- --only ${only}` : ''}\`, ${(runMs / 1000).toFixed(0)} s in all. The machine is shared and noisy: compare each figure with the baseline measured beside it in the same run, not with other runs.`,
    '',
  ];
  for (const s of sections) lines.push(...renderSection(s), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderSection(s: SectionReport): string[] {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `## ${s.title}`,
    '',
    `Method: ${s.method}`,
    '',
    '| Measure | Target | Measured | Baseline | Result |',
    '| --- | --- | --- | --- | --- |',
    ...s.rows.map((r) => `| ${[r.measure, r.target, r.measured, r.baseline, r.verdict].map(cell).join(' | ')} |`),
    ...(s.notes.length ? ['', ...s.notes.map((n) => `- ${n}`)] : []),
  ];
}
