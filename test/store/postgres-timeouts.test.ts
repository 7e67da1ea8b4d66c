/**
 * Nothing waits on PostgreSQL for ever: start-up against a server that accepts and never answers,
 * a server that goes silent mid-session, and a statement stuck behind a lock all end in a
 * STORE_FAILURE within the configured bounds.
 */
import { BotError } from '../../src/errors';
import { silentLogger } from '../../src/logger';
import { openStore } from '../../src/store/open-store';
import { PostgresStore, POSTGRES_TIMEOUTS } from '../../src/store/postgres-store';
import { aStoredNotice } from '../builders/notice-builders';
import { createSchema, dropSchema, freshSchemaName, POSTGRES_MISSING_MESSAGE, TEST_DATABASE_URL, withClient } from './postgres-test-schema';
import { freezableProxy, hostAndPort, silentServer, viaPort, type FreezableProxy, type LocalServer } from './stalling-servers';

const logger = silentLogger();

/** How a promise settled, and after how long. */
async function settle(p: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    await p;
    return { error: undefined, ms: Date.now() - started };
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
}

describe('PostgreSQL that never answers', () => {
  let silent: LocalServer;
  beforeEach(async () => {
    silent = await silentServer();
  });
  afterEach(() => silent.close());

  it('fails start-up within 30 s with a STORE_FAILURE naming DATABASE_URL, not the password', async () => {
    const databaseUrl = `postgres://bot:s3cret@127.0.0.1:${silent.port}/protocol`;
    const { error, ms } = await settle(openStore({ databaseUrl, dataDir: '/nonexistent', logger }));
    expect(error).toBeInstanceOf(BotError);
    expect(error).toMatchObject({ code: 'STORE_FAILURE', message: expect.stringContaining('DATABASE_URL') });
    expect((error as Error).message).toContain(`127.0.0.1:${silent.port}/protocol`);
    expect((error as Error).message).not.toContain('s3cret');
    expect(silent.accepted()).toBeGreaterThan(0);
    expect(ms).toBeLessThan(30_000);
  }, 40_000);

  it('bounds ping as a whole, waiting for a connection included', async () => {
    const store = new PostgresStore({ connectionString: `postgres://bot@127.0.0.1:${silent.port}/protocol`, timeouts: { pingMs: 300 } });
    try {
      const { error, ms } = await settle(store.ping());
      expect(error).toMatchObject({ code: 'STORE_FAILURE' });
      expect(ms).toBeLessThan(POSTGRES_TIMEOUTS.connectMs);
    } finally {
      await store.close();
    }
  });

  it('fails ping and queries with a STORE_FAILURE instead of hanging', async () => {
    const store = new PostgresStore({ connectionString: `postgres://bot@127.0.0.1:${silent.port}/protocol`, timeouts: { connectMs: 300 } });
    try {
      for (const attempt of [() => store.ping(), () => store.listNotices('model'), () => store.fileNotice(aStoredNotice(), [])]) {
        const { error } = await settle(attempt());
        expect(error).toMatchObject({ code: 'STORE_FAILURE' });
      }
    } finally {
      await store.close();
    }
  });
});

if (TEST_DATABASE_URL) {
  const url = TEST_DATABASE_URL;

  describe('PostgreSQL that stops answering mid-session', () => {
    let proxy: FreezableProxy;
    let schema: string;
    let store: PostgresStore;
    const timeouts = { connectMs: 500, queryMs: 400, pingMs: 300 };

    beforeEach(async () => {
      const { host, port } = hostAndPort(url);
      proxy = await freezableProxy(host, port);
      schema = freshSchemaName();
      await createSchema(url, schema);
      store = new PostgresStore({ connectionString: viaPort(url, proxy.port), schema, logger, timeouts });
      await store.migrate();
    });
    afterEach(async () => {
      await store.close();
      await proxy.close();
      await dropSchema(url, schema);
    });

    it('bounds ping (the readiness check) and every query, then recovers when the server answers again', async () => {
      await store.ping();
      proxy.freeze();

      const ping = await settle(store.ping());
      expect(ping.error).toMatchObject({ code: 'STORE_FAILURE' });
      expect(ping.ms).toBeLessThan(5_000);
      const query = await settle(store.listNotices('model'));
      expect(query.error).toMatchObject({ code: 'STORE_FAILURE' });
      const filing = await settle(store.fileNotice(aStoredNotice(), [{ platform: 'slack', recipient: 'U1' }]));
      expect(filing.error).toMatchObject({ code: 'STORE_FAILURE' });

      proxy.thaw();
      await store.ping();
      const notice = aStoredNotice();
      await store.fileNotice(notice, [{ platform: 'slack', recipient: 'U1' }]);
      expect(await store.getNotice(notice.id)).toEqual(notice);
    });

    it('ends a statement stuck behind another session\'s lock with a STORE_FAILURE', async () => {
      await withClient(url, async (locker) => {
        await locker.query('BEGIN');
        await locker.query(`LOCK TABLE "${schema}".notices IN ACCESS EXCLUSIVE MODE`);
        try {
          const stuck = await settle(store.listNotices('model'));
          expect(stuck.error).toMatchObject({ code: 'STORE_FAILURE', message: expect.stringMatching(/statement timeout|timeout/i) });
        } finally {
          await locker.query('ROLLBACK');
        }
      });
      expect(await store.listNotices('model')).toEqual([]);
    });

    it('sets the server-side timeouts on every connection', async () => {
      // Reading the session settings needs the store's own pool: there is no port method for it.
      const pool = (store as unknown as { db: { pool: import('pg').Pool } }).db.pool;
      const { rows } = await pool.query<{ s: string; i: string }>(
        `SELECT current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i`,
      );
      expect(rows[0]).toEqual({ s: '400ms', i: `${POSTGRES_TIMEOUTS.idleInTransactionMs / 1000}s` });
    });
  });
} else {
  describe('PostgreSQL stalls mid-session', () => {
    it('needs TEST_DATABASE_URL to run', () => {
      console.warn(POSTGRES_MISSING_MESSAGE);
      expect(process.env.TEST_DATABASE_URL ?? '').toBe('');
    });
  });
}
