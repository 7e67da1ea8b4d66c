/** Shared set-up for notice tests: a real SQLite store in a temp dir, a manual clock, quiet logs. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/logger';
import type { NoticeOutbox } from '../../src/notices/notice-outbox';
import type { NoticeProgress, NoticeService } from '../../src/notices/notice-service';
import { SqliteStore } from '../../src/store/sqlite-store';
import type { BotStore, Delivery } from '../../src/store/store';
import { ManualClock, MINUTE } from '../store/manual-clock';

export const logger = silentLogger();

export interface SqliteKit {
  clock: ManualClock;
  store: BotStore;
  dispose(): Promise<void>;
}

export async function sqliteKit(): Promise<SqliteKit> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bot-notices-'));
  const clock = new ManualClock('2026-11-23T10:00:00Z');
  const store = new SqliteStore({ dataDir: dir, clock: clock.now, logger });
  await store.migrate();
  return {
    clock,
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Drains the outboxes, then moves the clock past any backoff or rate-limit pause, until the
 * notice is done. Bounded, so a stuck queue fails the test instead of hanging it.
 */
export async function deliverUntilDone(
  service: NoticeService,
  outboxes: NoticeOutbox[],
  clock: ManualClock,
  noticeId: string,
  maxRounds = 40,
): Promise<NoticeProgress> {
  for (let round = 0; round < maxRounds; round++) {
    await Promise.all(outboxes.map((o) => o.drain()));
    const progress = await service.progress(noticeId);
    if (progress.done) return progress;
    clock.advance(11 * MINUTE);
  }
  throw new Error(`notice ${noticeId} still not delivered after ${maxRounds} rounds: ${JSON.stringify(await service.progress(noticeId))}`);
}

export const byState = (deliveries: Delivery[], state: Delivery['state']) => deliveries.filter((d) => d.state === state);
