import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BotError } from '../../src/errors';
import { silentLogger } from '../../src/logger';
import { openStore } from '../../src/store/open-store';
import { PostgresStore } from '../../src/store/postgres-store';
import { SqliteStore } from '../../src/store/sqlite-store';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from './postgres-test-schema';

const logger = silentLogger();

describe('openStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bot-open-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens a migrated SQLite store in dataDir when no database URL is set', async () => {
    const dataDir = path.join(dir, 'first-start');
    const store = await openStore({ dataDir, logger });
    try {
      expect(store).toBeInstanceOf(SqliteStore);
      expect(existsSync(path.join(dataDir, 'bot.sqlite'))).toBe(true);
      expect(await store.claimEvent('ready')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('fails with STORE_FAILURE when the data directory cannot be created', async () => {
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, '');
    const opening = openStore({ dataDir: path.join(blocker, 'data'), logger });
    await expect(opening).rejects.toBeInstanceOf(BotError);
    await expect(opening).rejects.toMatchObject({ code: 'STORE_FAILURE' });
  });

  it('fails with STORE_FAILURE, naming the server but not the password, when PostgreSQL is unreachable', async () => {
    const opening = openStore({ databaseUrl: 'postgres://bot:s3cret-pw@127.0.0.1:1/protocol', dataDir: dir, logger });
    await expect(opening).rejects.toMatchObject({ code: 'STORE_FAILURE', message: expect.stringContaining('127.0.0.1:1/protocol') });
    await expect(opening).rejects.toMatchObject({ message: expect.not.stringContaining('s3cret-pw') });
  });

  const url = TEST_DATABASE_URL;
  if (url) {
    it('opens a migrated PostgreSQL store when a database URL is set', async () => {
      const schema = freshSchemaName();
      const store = await openStore({ databaseUrl: url, dataDir: dir, logger, schema });
      try {
        expect(store).toBeInstanceOf(PostgresStore);
        expect(await store.claimEvent('ready')).toBe(true);
        expect(existsSync(path.join(dir, 'bot.sqlite'))).toBe(false);
      } finally {
        await store.close();
        await dropSchema(url, schema);
      }
    });
  } else {
    it('(PostgreSQL case needs TEST_DATABASE_URL)', () => {
      console.warn('openStore PostgreSQL case did not run: TEST_DATABASE_URL is not set');
      expect(process.env.TEST_DATABASE_URL ?? '').toBe('');
    });
  }
});
