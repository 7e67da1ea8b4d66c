/**
 * The bot's own start-up (adapters/main.ts in a child process) against a PostgreSQL that accepts
 * connections and never answers: it gives up with a message naming DATABASE_URL, and a SIGTERM
 * while it waits ends it at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentServer, type LocalServer } from './stalling-servers';

const ROOT = path.join(__dirname, '..', '..');

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Milliseconds from the signal (or from the start, when none was sent) to the exit. */
  ms: number;
}

function startBot(databaseUrl: string, dataDir: string): { child: ChildProcess; ended: (from: () => number) => Promise<Ended> } {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'adapters', 'main.ts')], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, ended: async (from) => ({ ...(await exit), stderr, ms: (await exit).at - from() }) };
}

describe('start-up against a PostgreSQL that never answers', () => {
  let silent: LocalServer;
  let dir: string;
  const children: ChildProcess[] = [];
  beforeEach(async () => {
    silent = await silentServer();
    dir = mkdtempSync(path.join(tmpdir(), 'bot-stall-'));
  });
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await silent.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits within 30 s, non-zero, with one message naming DATABASE_URL', async () => {
    const started = Date.now();
    const { child, ended } = startBot(`postgres://bot:pw@127.0.0.1:${silent.port}/protocol`, dir);
    children.push(child);
    const result = await ended(() => started);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/DATABASE_URL/);
    expect(result.stderr).not.toContain(':pw@');
    if (process.env.SHOW_FIGURES) console.log(`start-up against a silent PostgreSQL gave up after ${result.ms} ms`);
    expect(result.ms).toBeLessThan(30_000);
  }, 45_000);

  it('ends within 5 s of a SIGTERM that arrives while it waits for the database', async () => {
    const { child, ended } = startBot(`postgres://bot@127.0.0.1:${silent.port}/protocol`, dir);
    children.push(child);
    await silent.firstConnection;
    const signalledAt = Date.now();
    child.kill('SIGTERM');
    const result = await ended(() => signalledAt);
    if (process.env.SHOW_FIGURES) console.log(`SIGTERM during start-up: exited ${result.ms} ms later (code ${result.code}, ${result.stderr.trim()})`);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 45_000);
});
