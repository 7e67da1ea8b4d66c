/**
 * Section 2: start-up, i.e. loadCore over every council in content/, each run in a fresh child
 * process so module state and the JIT start cold, as they do when the bot starts. Baseline: reading
 * and YAML-parsing the same files in the same kind of fresh process.
 */
import { join } from 'node:path';
import { runInChild } from './child-process';
import type { SectionReport } from './report';
import { CONTENT_DIR, DEFAULT_COUNCIL } from './seed-content';
import { median, formatMs, formatRatio } from './stats';
import type { StartupArgs, StartupResult } from './startup-child';

const RUNS = 5;
const CHILD = join(__dirname, 'startup-child.ts');
const CHILD_TIMEOUT_MS = 30_000;

export const STARTUP_TITLE = '2. Start-up';

export async function measureStartup(): Promise<SectionReport> {
  const run = (mode: StartupArgs['mode']) =>
    runInChild<StartupResult>(CHILD, { mode, contentDir: CONTENT_DIR, defaultCouncil: DEFAULT_COUNCIL } satisfies StartupArgs, { timeoutMs: CHILD_TIMEOUT_MS });
  const core: StartupResult[] = [];
  const parse: StartupResult[] = [];
  // Interleaved, so a burst of load from a neighbour on this machine hits both.
  for (let i = 0; i < RUNS; i++) {
    core.push(await run('core'));
    parse.push(await run('parse'));
  }
  const profile = await run('profile');
  const cold = median(core.map((r) => r.coldMs));
  const warm = median(core.map((r) => r.warmMs ?? Number.NaN));
  const floor = median(parse.map((r) => r.coldMs));
  const first = core[0]!;
  return {
    title: STARTUP_TITLE,
    method: `loadCore(content/, '${DEFAULT_COUNCIL}') timed in ${RUNS} fresh child processes (modules already required; the clock covers reading, YAML parsing, zod validation and building every council's index); median reported.`,
    rows: [
      {
        measure: `loadCore, cold (${first.councils} councils, ${first.clauses} clauses)`,
        target: 'none set',
        measured: `median ${formatMs(cold)} (runs: ${core.map((r) => formatMs(r.coldMs)).join(', ')})`,
        baseline: `read + YAML parse only: median ${formatMs(floor)} (${formatRatio(cold / floor)})`,
        verdict: 'report only',
      },
      {
        measure: 'first question after start-up',
        target: '—',
        measured: `median ${formatMs(median(core.map((r) => r.firstAskMs ?? Number.NaN)))}`,
        baseline: '—',
        verdict: 'report only',
      },
      {
        measure: 'loadCore again in the same process (warm JIT)',
        target: '—',
        measured: `median ${formatMs(warm)}`,
        baseline: '—',
        verdict: 'report only',
      },
    ],
    notes: [
      'The first question loads the English word list typo correction consults (lazily, by design), so the first user after a start pays for it.',
      `Where a cold loadCore spends its time (CPU profile, one extra child): ${(profile.hot ?? []).join('; ')}.`,
    ],
  };
}
