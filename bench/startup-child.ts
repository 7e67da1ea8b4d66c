/**
 * Child process for section 2: times one cold start-up in fresh module state. `core` runs loadCore
 * (read, parse and validate every council, lexicon and hints file, and build every index), asks
 * the first question, then runs loadCore once more warm; `parse` only reads and YAML-parses the same files, the floor start-up cannot go
 * below; `profile` runs loadCore under the CPU profiler. Modules are required before the clock
 * starts: the figure is start-up work, not require().
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadCore } from '../src/protocol-core';
import { runAsChild } from './child-process';
import { describeHot, hotFunctions } from './cpu-profile';

export interface StartupArgs {
  mode: 'core' | 'parse' | 'profile';
  contentDir: string;
  defaultCouncil: string;
}

export interface StartupResult {
  coldMs: number;
  /** `core` only: the same loadCore again in the same process. */
  warmMs?: number;
  /** `core` only: the first question asked after start-up. */
  firstAskMs?: number;
  councils?: number;
  clauses?: number;
  /** `profile` only. */
  hot?: string[];
}

const FIRST_QUESTION = 'can I ask the clerk to deliver my campaign leaflets';

runAsChild<StartupArgs, StartupResult>(async ({ mode, contentDir, defaultCouncil }) => {
  if (mode === 'parse') {
    const t0 = performance.now();
    for (const dir of ['councils', 'hints']) {
      for (const f of readdirSync(join(contentDir, dir)).filter((n) => /\.ya?ml$/.test(n))) parse(readFileSync(join(contentDir, dir, f), 'utf8'));
    }
    parse(readFileSync(join(contentDir, 'lexicon.yaml'), 'utf8'));
    return { coldMs: performance.now() - t0 };
  }
  if (mode === 'profile') {
    const hot = await hotFunctions(() => loadCore(contentDir, defaultCouncil), 4);
    return { coldMs: Number.NaN, hot: hot.map(describeHot) };
  }
  const t0 = performance.now();
  const core = loadCore(contentDir, defaultCouncil);
  const coldMs = performance.now() - t0;
  // The first question pays for what loads lazily (the English word list typo correction uses).
  const t1 = performance.now();
  core.ask({ council: defaultCouncil, role: 'councillor', text: FIRST_QUESTION });
  const firstAskMs = performance.now() - t1;
  const t2 = performance.now();
  loadCore(contentDir, defaultCouncil);
  const warmMs = performance.now() - t2;
  const councils = core.councils();
  return { coldMs, warmMs, firstAskMs, councils: councils.length, clauses: councils.reduce((n, c) => n + core.protocol(c.id).clauses.length, 0) };
});
