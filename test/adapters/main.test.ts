import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = resolve(__dirname, '../..');
const CONTENT = join(ROOT, 'content');
const TSX = require.resolve('tsx/cjs');

/**
 * Runs the real entry point (as `npm start` does) in `cwd`, so a `.env` there is read as it would
 * be from a checkout, with the given environment and stdin.
 */
function runBot(
  cwd: string,
  env: Record<string, string>,
  options: { stdin?: string; onStdout?: (all: string, child: { kill(signal: NodeJS.Signals): void }) => void } = {},
): Promise<Run> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, ['-r', TSX, join(ROOT, 'adapters/main.ts')], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CONTENT_DIR: CONTENT, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      options.onStdout?.(stdout, child);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolvePromise({ code, stdout, stderr }));
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
  });
}

/** Start-up errors are one plain line: no stack trace, no wrapped detail. */
function expectOneLine(stderr: string): void {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('the entry point', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'main-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the terminal chat when no chat platform is configured', async () => {
    const run = await runBot(dir, { DATA_DIR: join(dir, 'data'), COUNCIL: 'hexham' }, { stdin: 'clause 5.3\n/quit\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Hexham Town Council: protocol guidance/);
    expect(run.stdout).toMatch(/If a Councillor is dissatisfied with the conduct/);
  });

  it('opens the terminal chat with .env.example copied unchanged to .env', async () => {
    copyFileSync(join(ROOT, '.env.example'), join(dir, '.env'));
    const run = await runBot(dir, {}, { stdin: '2.4\n/quit\n' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/protocol guidance/);
    expect(run.stdout).toMatch(/Clause 2\.4/);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT: expected a whole number from 0 to 65535, got "abc"$/],
    [{ COUNCIL: 'nowhere' }, /^COUNCIL: no council "nowhere" in .*content\/councils \(known: .*hexham.*model.*\)$/],
    [{ CONTENT_DIR: '/no/such/folder' }, /^CONTENT_DIR: no folder "\/no\/such\/folder"/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /^SLACK_SIGNING_SECRET: expected/],
    [{ MicrosoftAppType: 'Sometimes', MicrosoftAppId: 'id', MicrosoftAppPassword: 'p' }, /^MicrosoftAppType: expected one of MultiTenant, SingleTenant, UserAssignedMSI, got "Sometimes"$/],
  ])('refuses %j in one line naming the variable', async (env, line) => {
    const run = await runBot(dir, { DATA_DIR: join(dir, 'data'), ...env }, { stdin: '' });
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd()).toMatch(line);
    expectOneLine(run.stderr);
  });

  it('refuses a DATA_DIR it cannot create, naming it', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const run = await runBot(dir, { DATA_DIR: join(file, 'data') }, { stdin: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^DATA_DIR: cannot create or write to the folder ".*a-file\/data"/);
    expectOneLine(run.stderr);
  });

  it('says plainly when PORT is already in use', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const run = await runBot(dir, { DATA_DIR: join(dir, 'data'), TEAMS_ALLOW_UNAUTHENTICATED: 'true', HOST: '127.0.0.1', PORT: String(port) });
      expect(run.code).toBe(2);
      expect(run.stderr.trimEnd()).toBe(`PORT ${port} is already in use on 127.0.0.1 (expected a free port)`);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('refuses a malformed content file, naming the file and the clause, without a stack trace', async () => {
    const content = join(dir, 'content');
    cpSync(CONTENT, content, { recursive: true });
    writeFileSync(
      join(content, 'councils', 'model.yaml'),
      'id: model\nname: Model\ntitle: T\nsource: s\nescalation:\n  councillor: {steps: [{to: Clerk, when: always}]}\n  officer: {steps: [{to: Clerk, when: always}]}\nclauses:\n  - id: "1"\n    heading: One\n  - id: "1"\n    text: again\n',
    );
    const run = await runBot(dir, { DATA_DIR: join(dir, 'data'), CONTENT_DIR: content }, { stdin: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/councils\/model\.yaml \(clause 1\): duplicate clause id/);
    expectOneLine(run.stderr);
  });

  it('serves /readyz over HTTP when a platform is configured and exits 0 on SIGTERM', async () => {
    let readiness: Promise<number> | undefined;
    const run = await runBot(
      dir,
      { DATA_DIR: join(dir, 'data'), TEAMS_ALLOW_UNAUTHENTICATED: 'TRUE', HOST: '127.0.0.1', PORT: '0' },
      {
        onStdout: (all, child) => {
          const ready = /"port":(\d+)[^\n]*"msg":"bot ready"/.exec(all);
          if (ready && !readiness) {
            readiness = fetch(`http://127.0.0.1:${ready[1]}/readyz`).then((r) => r.status);
            readiness.finally(() => child.kill('SIGTERM')).catch(() => undefined);
          }
        },
      },
    );
    expect(await readiness).toBe(200);
    expect(run.code).toBe(0);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const run = await runBot(
      dir,
      { DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'info' },
      { onStdout: (all, child) => /> $/.test(all) && child.kill('SIGTERM') },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/stopped/);
  });
});
