import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger } from '../../src/logger';
import { MIGRATIONS } from '../../src/store/migrations';
import { SqliteStore } from '../../src/store/sqlite-store';
import { describeStoreContract } from './store-contract';

let root: string | undefined;
const dataDir = () => {
  root ??= mkdtempSync(path.join(tmpdir(), 'bot-store-'));
  // A directory that does not exist yet: the store must create it.
  return path.join(root, 'data', 'nested');
};

describeStoreContract(
  'SQLite',
  async ({ clock }) => new SqliteStore({ dataDir: dataDir(), clock, logger: silentLogger() }),
  async () => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  },
);

describe('SQLite store file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bot-store-file-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates <dataDir>/bot.sqlite in WAL mode with synchronous=FULL and a busy timeout', async () => {
    const dataDir = path.join(dir, 'fresh');
    const store = new SqliteStore({ dataDir });
    await store.migrate();
    expect(store.file).toBe(path.join(dataDir, 'bot.sqlite'));
    expect(existsSync(store.file)).toBe(true);
    await store.close();

    const db = new Database(store.file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    } finally {
      db.close();
    }
  });

  it('sets synchronous=FULL and busy_timeout on its connection', async () => {
    const store = new SqliteStore({ dataDir: dir, busyTimeoutMs: 1234 });
    // Reaching into the connection is the only way to read per-connection pragmas.
    const db = (store as unknown as { db: Database.Database }).db;
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    await store.close();
  });

  it('records each migration once however often migrate runs', async () => {
    const store = new SqliteStore({ dataDir: dir });
    await store.migrate();
    await store.migrate();
    await store.close();
    const reopened = new SqliteStore({ dataDir: dir });
    await reopened.migrate();
    await reopened.close();
    const db = new Database(path.join(dir, 'bot.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    } finally {
      db.close();
    }
  });

  it('creates its folder 0700 and its files 0600 (-wal and -shm included): only the service user reads them', async () => {
    const dataDir = path.join(dir, 'private', 'data');
    const store = new SqliteStore({ dataDir });
    await store.migrate();
    await store.claimEvent('opens the second connection too');
    const mode = (file: string) => statSync(file).mode & 0o777;
    try {
      expect(mode(dataDir)).toBe(0o700);
      const files = readdirSync(dataDir).sort();
      expect(files).toEqual(['bot.sqlite', 'bot.sqlite-shm', 'bot.sqlite-wal']);
      for (const f of files) expect([f, mode(path.join(dataDir, f))]).toEqual([f, 0o600]);
    } finally {
      await store.close();
    }
  });

  it('tightens an existing world-readable database file to 0600', async () => {
    const file = path.join(dir, 'bot.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const store = new SqliteStore({ dataDir: dir });
    await store.migrate();
    await store.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
