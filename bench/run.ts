/**
 * `npm run bench`: measures every section in one run, each figure beside a baseline taken in the
 * same run, and writes the tables to stdout and bench/results.md. `--only <section>` runs one
 * section and prints it without touching results.md. Timings never fail the process: a missed
 * target is reported, and only a crash of the bench itself exits non-zero.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANSWER_LATENCY_TITLE, measureAnswerLatency } from './answer-latency';
import { STARTUP_TITLE, measureStartup } from './startup';
import { BROADCAST_TITLE, measureBroadcast } from './broadcast';
import { HTTP_TITLE, measureHttp } from './http-throughput';
import { MEMORY_TITLE, measureMemory } from './memory';
import { notMeasured, renderReport, type SectionReport } from './report';

interface Section {
  name: string;
  title: string;
  run(): Promise<SectionReport>;
}

const SECTIONS: Section[] = [
  { name: 'latency', title: ANSWER_LATENCY_TITLE, run: measureAnswerLatency },
  { name: 'startup', title: STARTUP_TITLE, run: measureStartup },
  { name: 'http', title: HTTP_TITLE, run: measureHttp },
  { name: 'broadcast', title: BROADCAST_TITLE, run: measureBroadcast },
  { name: 'memory', title: MEMORY_TITLE, run: measureMemory },
];

const RESULTS_FILE = join(__dirname, 'results.md');

async function main(argv: string[]): Promise<void> {
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
  const chosen = only ? SECTIONS.filter((s) => s.name === only) : SECTIONS;
  if (chosen.length === 0) {
    console.error(`Unknown section "${only}". Sections: ${SECTIONS.map((s) => s.name).join(', ')}.`);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const reports: SectionReport[] = [];
  for (const section of chosen) {
    console.error(`bench: ${section.title}…`);
    const t0 = performance.now();
    try {
      reports.push(await section.run());
    } catch (err) {
      reports.push(notMeasured(section.title, (err instanceof Error ? err.message : String(err)).split('\n')[0]!));
      console.error(err);
    }
    console.error(`bench: ${section.title} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const report = renderReport(reports, performance.now() - started, only);
  process.stdout.write(report);
  if (!only) {
    writeFileSync(RESULTS_FILE, report);
    console.error(`bench: written to ${RESULTS_FILE}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
