import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger } from '../../src/logger';
import { backupSqlite } from '../../src/store/sqlite-backup';
import { SqliteStore } from '../../src/store/sqlite-store';
import { aStoredNotice } from '../builders/notice-builders';

describe('backupSqlite', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bot-backup-'));
    store = new SqliteStore({ dataDir: path.join(dir, 'data'), logger: silentLogger() });
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const fileOne = (i: number) =>
    store.fileNotice(aStoredNotice({ advice: `notice ${i}` }), [
      { platform: 'slack', recipient: 'U1' },
      { platform: 'slack', recipient: 'U2' },
    ]);

  it('writes a consistent, private copy while the bot keeps filing', async () => {
    for (let i = 0; i < 200; i++) await fileOne(i);
    const target = path.join(dir, 'copy.sqlite');

    const filing = (async () => {
      for (let i = 200; i < 260; i++) {
        await fileOne(i);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const result = await backupSqlite(path.join(dir, 'data'), target);
    await filing;

    expect(result.file).toBe(target);
    expect(result.notices).toBeGreaterThanOrEqual(200);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const counts = copy.prepare('SELECT (SELECT COUNT(*) FROM notices) AS notices, (SELECT COUNT(*) FROM deliveries) AS deliveries').get() as {
        notices: number;
        deliveries: number;
      };
      // Each notice went in with its two deliveries in one transaction: a consistent copy holds both or neither.
      expect(counts).toEqual({ notices: result.notices, deliveries: 2 * result.notices });
    } finally {
      copy.close();
    }
  });

  it('refuses to overwrite an existing file, leaving it as it was', async () => {
    const target = path.join(dir, 'precious.sqlite');
    writeFileSync(target, 'keep me');
    await expect(backupSqlite(path.join(dir, 'data'), target)).rejects.toMatchObject({ code: 'STORE_FAILURE', message: expect.stringContaining('already exists') });
    expect(statSync(target).size).toBe('keep me'.length);
  });

  it('says where it looked when there is no store', async () => {
    const target = path.join(dir, 'copy.sqlite');
    await expect(backupSqlite(path.join(dir, 'nowhere'), target)).rejects.toMatchObject({ message: expect.stringContaining('DATA_DIR') });
    expect(existsSync(target)).toBe(false);
  });
});
