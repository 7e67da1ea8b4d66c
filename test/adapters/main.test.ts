import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real entry point (as `npm start` does) with the given environment and stdin. */
function runBot(env: Record<string, string>, options: { stdin?: string; signalAfter?: RegExp } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', 'adapters/main.ts'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (options.signalAfter?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
  });
}

describe('the entry point', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'main-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the terminal chat when no chat platform is configured', async () => {
    const run = await runBot({ DATA_DIR: dir, COUNCIL: 'hexham' }, { stdin: 'clause 5.3\n/quit\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Hexham Town Council: protocol guidance/);
    expect(run.stdout).toMatch(/If a Councillor is dissatisfied with the conduct/);
  });

  it('refuses to start with an unknown council, naming it', async () => {
    const run = await runBot({ DATA_DIR: dir, COUNCIL: 'atlantis' }, { stdin: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Unknown council "atlantis"\. Known councils: bfstc, borough, hexham, honiton, model/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses to start with a malformed content file, naming the file and the clause', async () => {
    const content = join(dir, 'content');
    cpSync('content', content, { recursive: true });
    writeFileSync(
      join(content, 'councils', 'model.yaml'),
      'id: model\nname: Model\ntitle: T\nsource: s\nescalation:\n  councillor: {steps: [{to: Clerk, when: always}]}\n  officer: {steps: [{to: Clerk, when: always}]}\nclauses:\n  - id: "1"\n    heading: One\n  - id: "1"\n    text: again\n',
    );
    const run = await runBot({ DATA_DIR: dir, CONTENT_DIR: content }, { stdin: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/councils\/model\.yaml \(clause 1\): duplicate clause id/);
  });

  it('refuses contradictory configuration, naming the variable', async () => {
    const run = await runBot({ DATA_DIR: dir, SLACK_BOT_TOKEN: 'xoxb-1' }, { stdin: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/SLACK_SIGNING_SECRET/);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const run = await runBot({ DATA_DIR: dir, LOG_LEVEL: 'info' }, { signalAfter: /> $/ });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/stopped/);
  });
});
