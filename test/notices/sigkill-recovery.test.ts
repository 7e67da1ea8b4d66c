import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/logger';
import { NoticeOutbox } from '../../src/notices/notice-outbox';
import { SqliteStore } from '../../src/store/sqlite-store';
import { aStoredNotice } from '../builders/notice-builders';
import { HOUR } from '../store/manual-clock';
import { fileBackedCourier, readSentLog } from './file-backed-courier';
import { memberIds } from './fake-chat-platform';

/** Runs the child until it says it is hanging mid-delivery, then kills it with SIGKILL. */
function runChildAndKill(args: string[]): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'sigkill-child.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('hanging')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal ? resolve(signal) : reject(new Error(`child exited ${code} before it was killed: ${stderr}`))));
  });
}

describe('delivery after a SIGKILL mid-send', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bot-sigkill-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no notice and sends no member a second copy', async () => {
    const dataDir = path.join(dir, 'data');
    const sentLog = path.join(dir, 'sent.jsonl');
    const members = memberIds(60);
    const filing = new SqliteStore({ dataDir });
    await filing.migrate();
    const notice = aStoredNotice({ filedAt: new Date(Date.now() - 1000) });
    await filing.fileNotice(
      notice,
      members.map((recipient) => ({ platform: 'slack' as const, recipient })),
    );
    await filing.close();

    expect(await runChildAndKill([dataDir, sentLog, '25', ...members])).toBe('SIGKILL');
    // Each of the four senders hangs once the 25th message is out, so 25 to 28 reached members.
    const beforeRestart = readSentLog(sentLog);
    expect(beforeRestart.length).toBeGreaterThanOrEqual(25);
    expect(beforeRestart.length).toBeLessThanOrEqual(28);

    // The restarted bot, an hour on: the killed process's claims are long stale.
    const store = new SqliteStore({ dataDir });
    await store.migrate();
    try {
      const restarted = new NoticeOutbox({
        store,
        couriers: [fileBackedCourier(sentLog, members)],
        logger: silentLogger(),
        clock: () => new Date(Date.now() + HOUR),
      });
      const unrecorded = (await store.listDeliveries(notice.id)).filter((d) => d.state === 'in-flight');
      const sentButUnrecorded = beforeRestart.filter((m) => unrecorded.some((d) => d.id === m.deliveryId));
      expect(sentButUnrecorded.length).toBeGreaterThan(0);
      await restarted.drain();

      const sent = readSentLog(sentLog);
      expect(sent.map((m) => m.recipient).sort()).toEqual(members);
      const rows = await store.listDeliveries(notice.id);
      expect(rows.every((d) => d.state === 'delivered')).toBe(true);
      const messageOf = new Map(sent.map((m) => [m.deliveryId, m.messageId]));
      for (const d of rows) expect(d.messageId).toBe(messageOf.get(d.id));
    } finally {
      await store.close();
    }
  });
});
