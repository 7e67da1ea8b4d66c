/**
 * No Docker engine runs on CI machines, so the image's promises are held here by reading the
 * Dockerfile; scripts/ci-image-check.sh runs its build and start commands for real.
 */
import { readFileSync } from 'node:fs';

/** The Node.js line the image runs: the current LTS. Move it when a new LTS line starts. */
const CURRENT_LTS = 26;

interface Instruction {
  keyword: string;
  args: string;
}

/** Splits a Dockerfile into instructions (continuations joined, comments dropped) grouped by stage. */
function parseDockerfile(text: string): Instruction[][] {
  const stages: Instruction[][] = [];
  const joined = text.replace(/\\\r?\n/g, ' ');
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === 'FROM') stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

const stages = parseDockerfile(readFileSync('Dockerfile', 'utf8'));
const final = stages.at(-1) ?? [];
const all = stages.flat();
const argsOf = (stage: Instruction[], keyword: string) => stage.filter((i) => i.keyword === keyword).map((i) => i.args);
const execForm = (args: string): string[] => JSON.parse(args) as string[];

describe('the Dockerfile', () => {
  it('builds and runs on the current Node.js LTS, slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const from of argsOf(all, 'FROM')) expect(from).toMatch(new RegExp(`^node:${CURRENT_LTS}-slim(\\s|$)`));
    const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;
    const floor = Number(/^>=\s*(\d+)/.exec(engines)?.[1]);
    expect(floor).toBeLessThanOrEqual(CURRENT_LTS);
  });

  it('runs as a numeric non-root user', () => {
    const users = argsOf(final, 'USER');
    expect(users).toHaveLength(1);
    expect(users[0]).toMatch(/^[1-9]\d*(:\d+)?$/);
  });

  it('runs tini as PID 1 so signals reach node, and installs it', () => {
    const [entrypoint] = argsOf(final, 'ENTRYPOINT').map(execForm);
    expect(entrypoint?.[0]).toBe('/usr/bin/tini');
    expect(entrypoint?.[1]).toBe('--');
    expect(argsOf(final, 'RUN').some((run) => /apt-get install .*\btini\b/.test(run))).toBe(true);
  });

  /** A young generation large enough that answers rarely wait on garbage collection (bench/results.md). */
  const HEAP_FLAG = '--max-semi-space-size=32';

  it('starts the compiled bot, the file package.json names as main', () => {
    const [cmd] = argsOf(final, 'CMD').map(execForm);
    const main = (JSON.parse(readFileSync('package.json', 'utf8')) as { main: string }).main;
    expect(cmd).toEqual(['node', HEAP_FLAG, main]);
    expect(main).toBe('dist/adapters/main.js');
  });

  it('runs node with the heap the benchmark measured, wherever the bot is started', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['start', 'start:built', 'bench']) expect(scripts[name]!.split(' ').slice(0, 2)).toEqual(['node', HEAP_FLAG]);
  });

  it('checks readiness on /readyz', () => {
    const [health] = argsOf(final, 'HEALTHCHECK');
    expect(health).toMatch(/CMD .*\/readyz/);
  });

  it('keeps the database in the /data volume whatever the env file says', () => {
    expect(argsOf(final, 'VOLUME').join(' ')).toMatch(/"\/data"/);
    expect(argsOf(final, 'ENV').join(' ')).toMatch(/\bDATA_DIR=\/data\b/);
    // --env-file overrides ENV, so the entrypoint sets it again for every command.
    const [entrypoint] = argsOf(final, 'ENTRYPOINT').map(execForm);
    expect(entrypoint).toEqual(expect.arrayContaining(['env', 'DATA_DIR=/data', 'NODE_ENV=production']));
    expect(argsOf(final, 'RUN').some((run) => /chown 1000:1000 \/data/.test(run))).toBe(true);
  });

  it('holds no secrets and copies no .env', () => {
    const settings = [...argsOf(all, 'ENV'), ...argsOf(all, 'ARG')].join(' ');
    expect(settings).not.toMatch(/TOKEN|SECRET|PASSWORD|SLACK_|Microsoft|DATABASE_URL/i);
    for (const copy of argsOf(all, 'COPY')) expect(copy).not.toMatch(/\.env\b/);
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n').map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(['.env', 'data', 'node_modules', '.git']));
  });

  it('installs, builds and prunes in the build stage with the commands CI runs', () => {
    const npm = argsOf(stages[0]!, 'RUN').filter((run) => run.startsWith('npm '));
    expect(npm.join(' && ')).toMatch(/npm ci\b.*npm run build && npm prune --omit=dev/);
    const check = readFileSync('scripts/ci-image-check.sh', 'utf8');
    expect(check).toMatch(/grep -E '\^RUN npm '/);
    for (const copied of ['src', 'adapters', 'scripts']) expect(argsOf(stages[0]!, 'COPY')).toContain(`${copied} ./${copied}`);
  });
});
