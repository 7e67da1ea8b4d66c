/**
 * A replica is SIGKILLed mid-broadcast and the bot restarts, as start-bot.ts restarts it: on SQLite
 * in-flight rows are recovered at once; on PostgreSQL (shared by replicas, so nothing can assume
 * the dead one's rows are free) its leases lapse within seconds. Either way every member has the
 * notice exactly once, well within 60 s.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/logger';
import { NoticeOutbox } from '../../src/notices/notice-outbox';
import type { BotStore } from '../../src/store/store';
import { aStoredNotice } from '../builders/notice-builders';
import { createSchema, dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../store/postgres-test-schema';
import { fileBackedCourier, readSentLog } from './file-backed-courier';
import { memberIds } from './fake-chat-platform';
import { openTestStore } from './sigkill-child';

const RECOVERY_BOUND_MS = 60_000;
const MEMBERS = 200;
const HANG_AFTER = 40;

/** Runs the child until it says it is hanging mid-delivery, then kills it with SIGKILL; resolves with the kill time. */
function runChildAndKill(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'sigkill-child.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let killedAt = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (!killedAt && chunk.toString().includes('hanging')) {
        killedAt = Date.now();
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(killedAt) : reject(new Error(`child exited ${code} before it was killed: ${stderr}`))));
  });
}

async function untilAllDelivered(store: BotStore, noticeId: string, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const rows = await store.listDeliveries(noticeId);
    if (rows.every((d) => d.state === 'delivered')) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const stores: [string, boolean][] = [
  ['SQLite', true],
  ['PostgreSQL', Boolean(TEST_DATABASE_URL)],
];

describe.each(stores)('delivery after a SIGKILL mid-broadcast, on %s', (kind, available) => {
  let dir: string;
  let spec: string;
  let schema: string | undefined;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bot-sigkill-'));
    if (kind === 'SQLite') spec = `sqlite:${path.join(dir, 'data')}`;
    else if (TEST_DATABASE_URL) {
      schema = freshSchemaName();
      await createSchema(TEST_DATABASE_URL, schema);
      spec = `postgres:${schema}`;
    }
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (schema && TEST_DATABASE_URL) await dropSchema(TEST_DATABASE_URL, schema);
    schema = undefined;
  });

  if (!available) {
    it('needs TEST_DATABASE_URL to run', () => {
      console.warn('SIGKILL recovery on PostgreSQL did not run: TEST_DATABASE_URL is not set');
      expect(process.env.TEST_DATABASE_URL ?? '').toBe('');
    });
    return;
  }

  it('gets the notice to every member exactly once within 60 s of the restart', async () => {
    const sentLog = path.join(dir, 'sent.jsonl');
    const members = memberIds(MEMBERS);
    const filing = openTestStore(spec);
    await filing.migrate();
    const notice = aStoredNotice({ filedAt: new Date(Date.now() - 1000) });
    await filing.fileNotice(
      notice,
      members.map((recipient) => ({ platform: 'slack' as const, recipient })),
    );
    await filing.close();

    const killedAt = await runChildAndKill([spec, sentLog, String(HANG_AFTER), ...members]);
    // Each of the four senders hangs once the 40th message is out, so 40 to 43 reached members.
    const beforeRestart = readSentLog(sentLog);
    expect(beforeRestart.length).toBeGreaterThanOrEqual(HANG_AFTER);
    expect(beforeRestart.length).toBeLessThanOrEqual(HANG_AFTER + 3);

    // The restarted bot, as start-bot.ts starts it.
    const store = openTestStore(spec);
    await store.migrate();
    const outbox = new NoticeOutbox({ store, couriers: [fileBackedCourier(sentLog, members)], logger: silentLogger() });
    try {
      const unrecorded = (await store.listDeliveries(notice.id)).filter((d) => d.state === 'in-flight');
      expect(beforeRestart.filter((m) => unrecorded.some((d) => d.id === m.deliveryId)).length).toBeGreaterThan(0);
      if (kind === 'SQLite') await store.recoverInFlight(new Date());
      outbox.start();

      expect(await untilAllDelivered(store, notice.id, killedAt + RECOVERY_BOUND_MS)).toBe(true);
      const recoveredMs = Date.now() - killedAt;
      if (process.env.SHOW_FIGURES) console.log(`${kind}: every member had the notice ${recoveredMs} ms after the SIGKILL`);

      const sent = readSentLog(sentLog);
      expect(sent.map((m) => m.recipient).sort()).toEqual(members);
      const rows = await store.listDeliveries(notice.id);
      const messageOf = new Map(sent.map((m) => [m.deliveryId, m.messageId]));
      for (const d of rows) expect(d.messageId).toBe(messageOf.get(d.id));
    } finally {
      await outbox.stop();
      await store.close();
    }
  }, 90_000);
});
