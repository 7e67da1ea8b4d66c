/** `npm run backup` and `npm run forget` as an operator runs them: child processes with an environment. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../src/store/sqlite-store';
import { aStoredNotice } from '../builders/notice-builders';

const ROOT = path.join(__dirname, '..', '..');

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('store scripts', () => {
  let dir: string;
  let dataDir: string;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bot-scripts-'));
    dataDir = path.join(dir, 'data');
    const store = new SqliteStore({ dataDir });
    await store.migrate();
    await store.fileNotice(aStoredNotice(), [{ platform: 'slack', recipient: 'U1' }]);
    await store.recordUnanswered({ platform: 'slack', userId: 'U1', council: 'model', question: 'mine' });
    await store.recordUnanswered({ platform: 'teams', userId: 'U1', council: 'model', question: 'mine on teams' });
    await store.recordUnanswered({ platform: 'slack', userId: 'U2', council: 'model', question: 'theirs' });
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('backup copies the SQLite store and will not overwrite', () => {
    const target = path.join(dir, 'backup.sqlite');
    const first = run('backup.ts', [target], { DATA_DIR: dataDir });
    expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining('Backed up 1 notice(s)') });
    expect(existsSync(target)).toBe(true);
    const again = run('backup.ts', [target], { DATA_DIR: dataDir });
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
  }, 60_000);

  it('backup explains pg_dump when the store is PostgreSQL, writing nothing', () => {
    const target = path.join(dir, 'backup.sqlite');
    const result = run('backup.ts', [target], { DATA_DIR: dataDir, DATABASE_URL: 'postgres://bot@127.0.0.1:1/protocol' });
    expect(result).toMatchObject({ code: 2, stdout: expect.stringContaining('pg_dump') });
    expect(result.stdout).toContain('pg_restore');
    expect(existsSync(target)).toBe(false);
  }, 60_000);

  it('forget erases one person\'s questions, on one platform or all', async () => {
    const slackOnly = run('forget.ts', ['--user', 'U1', '--platform', 'slack'], { DATA_DIR: dataDir });
    expect(slackOnly).toMatchObject({ code: 0, stdout: expect.stringContaining('Erased 1 question and 0 feedback records for U1.') });
    const everywhere = run('forget.ts', ['--user', 'U1'], { DATA_DIR: dataDir });
    expect(everywhere).toMatchObject({ code: 0, stdout: expect.stringContaining('Erased 1 question') });
    const store = new SqliteStore({ dataDir });
    try {
      expect((await store.report('model', new Date(0))).map((r) => r.question)).toEqual(['theirs']);
      expect(await store.listNotices('model')).toHaveLength(1);
    } finally {
      await store.close();
    }
    expect(run('forget.ts', [], { DATA_DIR: dataDir })).toMatchObject({ code: 2, stderr: expect.stringContaining('--user is required') });
    expect(run('forget.ts', ['--user', 'U1', '--platform', 'irc'], { DATA_DIR: dataDir })).toMatchObject({ code: 2 });
  }, 60_000);
});
