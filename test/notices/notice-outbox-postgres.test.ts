import { silentLogger } from '../../src/logger';
import { NoticeOutbox } from '../../src/notices/notice-outbox';
import { NoticeService } from '../../src/notices/notice-service';
import { PostgresStore } from '../../src/store/postgres-store';
import { ROSTER_RECIPIENT } from '../../src/store/store';
import { aFiler, aNotice } from '../builders/notice-builders';
import { createSchema, dropSchema, freshSchemaName, POSTGRES_MISSING_MESSAGE, TEST_DATABASE_URL } from '../store/postgres-test-schema';
import { FakeChatPlatform, memberIds } from './fake-chat-platform';

const logger = silentLogger();

if (TEST_DATABASE_URL) {
  const url = TEST_DATABASE_URL;

  describe('NoticeOutbox on PostgreSQL with two replicas sharing the queue', () => {
    const schema = freshSchemaName();
    let replicas: PostgresStore[] = [];

    beforeAll(async () => {
      await createSchema(url, schema);
      replicas = [1, 2].map(() => new PostgresStore({ connectionString: url, schema, logger }));
      await Promise.all(replicas.map((r) => r.migrate()));
    });
    afterAll(async () => {
      await Promise.all(replicas.map((r) => r.close()));
      await dropSchema(url, schema);
    });

    it('delivers to 500 members exactly once each, with both replicas sending at once', async () => {
      const members = memberIds(500);
      const platform = new FakeChatPlatform(members, () => new Date());
      for (const m of ['U050', 'U300']) platform.script(m, 'transient');
      platform.script('U077', 'permanent');
      const outboxes = replicas.map(
        (store, i) =>
          new NoticeOutbox({
            store,
            couriers: [platform.courier('slack', { via: `replica-${i + 1}` })],
            logger,
            batchSize: 20,
            pollIntervalMs: 10,
            backoff: { baseMs: 5, maxMs: 20 },
          }),
      );
      const service = new NoticeService({ store: replicas[0]!, couriers: [platform.courier('slack')], logger, council: 'model' });

      // Sends wait at the gate until both replicas have claimed work, so the queue is truly shared.
      platform.hold();
      for (const o of outboxes) o.start();
      const filed = await service.file(aNotice(), aFiler());
      if (!filed.ok) throw new Error('expected the notice to be filed');
      await Promise.all([platform.whenInProgressVia('replica-1'), platform.whenInProgressVia('replica-2')]);
      platform.release();
      await platform.whenSent(499);
      await Promise.all(outboxes.map((o) => o.stop()));
      // Anything not finished before stop (say U077's refusal) is finished by a fresh outbox.
      await new NoticeOutbox({ store: replicas[0]!, couriers: [platform.courier('slack')], logger }).drain();

      const progress = await service.progress(filed.notice.id);
      expect(progress).toMatchObject({ total: 500, delivered: 499, failed: 1, pending: 0, done: true });
      expect(progress.failures).toEqual([{ recipient: 'U077', platform: 'slack', error: 'user_not_found' }]);
      for (const m of members) expect([m, platform.sendsTo(m)]).toEqual([m, m === 'U077' ? 0 : 1]);
      expect(new Set(platform.sent.map((s) => s.deliveryId)).size).toBe(499);
      const rows = await replicas[1]!.listDeliveries(filed.notice.id);
      expect(rows.filter((d) => d.recipient === ROSTER_RECIPIENT)).toMatchObject([{ state: 'delivered', messageId: 'roster:500' }]);
    });
  });
} else {
  describe('NoticeOutbox on PostgreSQL', () => {
    it('needs TEST_DATABASE_URL to run', () => {
      console.warn(POSTGRES_MISSING_MESSAGE);
      expect(process.env.TEST_DATABASE_URL ?? '').toBe('');
    });
  });
}
