/**
 * Leases in real time: a courier still sending keeps its rows however slow the platform is, and a
 * graceful stop with a slow platform (4 s a call) ends within docker stop's 10 s, returning what it
 * had not started to the queue, on SQLite and on PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NoticeOutbox } from '../../src/notices/notice-outbox';
import { NoticeService } from '../../src/notices/notice-service';
import { PostgresStore } from '../../src/store/postgres-store';
import { SqliteStore } from '../../src/store/sqlite-store';
import { ROSTER_RECIPIENT, type BotStore } from '../../src/store/store';
import { aFiler, aNotice } from '../builders/notice-builders';
import { createSchema, dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../store/postgres-test-schema';
import { FakeChatPlatform, memberIds } from './fake-chat-platform';
import { byState, logger } from './notice-test-kit';

const stores: [string, boolean][] = [
  ['SQLite', true],
  ['PostgreSQL', Boolean(TEST_DATABASE_URL)],
];

describe.each(stores)('outbox leases on %s', (kind, available) => {
  let dir: string;
  let schema: string | undefined;
  const opened: BotStore[] = [];
  const outboxes: NoticeOutbox[] = [];

  /** A replica's own connection to the shared store. */
  async function replica(): Promise<BotStore> {
    const store =
      kind === 'SQLite'
        ? new SqliteStore({ dataDir: dir, logger })
        : new PostgresStore({ connectionString: TEST_DATABASE_URL!, schema: schema!, logger, maxConnections: 4 });
    await store.migrate();
    opened.push(store);
    return store;
  }

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bot-leases-'));
    if (kind === 'PostgreSQL' && TEST_DATABASE_URL) {
      schema = freshSchemaName();
      await createSchema(TEST_DATABASE_URL, schema);
    }
  });
  afterEach(async () => {
    for (const o of outboxes.splice(0)) await o.stop();
    for (const s of opened.splice(0)) await s.close();
    rmSync(dir, { recursive: true, force: true });
    if (schema && TEST_DATABASE_URL) await dropSchema(TEST_DATABASE_URL, schema);
    schema = undefined;
  });

  if (!available) {
    it('needs TEST_DATABASE_URL to run', () => {
      console.warn('Outbox lease tests on PostgreSQL did not run: TEST_DATABASE_URL is not set');
      expect(process.env.TEST_DATABASE_URL ?? '').toBe('');
    });
    return;
  }

  it('keeps a slow batch its own while it sends, so a polling replica sends nothing twice', async () => {
    const members = memberIds(8);
    const platform = new FakeChatPlatform(members, () => new Date());
    const [a, b] = [await replica(), await replica()];
    // Sends take five leases' time; only renewal stops the other replica taking the rows.
    const settings = { logger, leaseMs: 300, pollIntervalMs: 20, concurrency: 8 };
    const first = new NoticeOutbox({ ...settings, store: a, couriers: [platform.courier('slack', { via: 'a' })] });
    const service = new NoticeService({ store: a, couriers: [platform.courier('slack')], logger, council: 'model' });
    outboxes.push(first);
    platform.sendDelayMs = 1_500;
    first.start();
    const filed = await service.file(aNotice(), aFiler());
    if (!filed.ok) throw new Error('expected the notice to be filed');
    await platform.whenInProgress(8);
    const second = new NoticeOutbox({ ...settings, store: b, couriers: [platform.courier('slack', { via: 'b' })] });
    outboxes.push(second);
    second.start();

    await platform.whenSent(8);
    await new Promise((resolve) => setTimeout(resolve, 600));

    for (const m of members) expect([m, platform.sendsTo(m)]).toEqual([m, 1]);
    expect(platform.sent.every((s) => s.via === 'a')).toBe(true);
    expect(byState(await b.listDeliveries(filed.notice.id), 'delivered')).toHaveLength(9);
  });

  it('stops within 10 s with a platform taking 4 s a call, returning unsent claims to the queue', async () => {
    const members = memberIds(30);
    const platform = new FakeChatPlatform(members, () => new Date());
    platform.sendDelayMs = 4_000;
    const store = await replica();
    const courier = platform.courier('slack');
    const outbox = new NoticeOutbox({ store, couriers: [courier], logger, concurrency: 4 });
    const service = new NoticeService({ store, couriers: [courier], logger, council: 'model' });
    outboxes.push(outbox);
    outbox.start();
    const filed = await service.file(aNotice(), aFiler());
    if (!filed.ok) throw new Error('expected the notice to be filed');
    await platform.whenInProgress(4);

    const stopping = Date.now();
    await outbox.stop();
    const stopMs = Date.now() - stopping;

    if (process.env.SHOW_FIGURES) console.log(`${kind}: graceful stop with a 4 s platform took ${stopMs} ms`);
    expect(stopMs).toBeLessThan(10_000);
    const rows = (await store.listDeliveries(filed.notice.id)).filter((d) => d.recipient !== ROSTER_RECIPIENT);
    expect(byState(rows, 'in-flight')).toEqual([]);
    expect(byState(rows, 'delivered')).toHaveLength(platform.sent.length);
    const returned = byState(rows, 'pending');
    expect(returned.length + platform.sent.length).toBe(30);
    expect(returned.every((d) => d.attempts === 0 && !d.mayHaveBeenSent)).toBe(true);

    platform.sendDelayMs = 0;
    await new NoticeOutbox({ store, couriers: [courier], logger }).drain();
    for (const m of members) expect([m, platform.sendsTo(m)]).toEqual([m, 1]);
  }, 30_000);
});
