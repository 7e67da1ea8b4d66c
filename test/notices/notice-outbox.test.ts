import { NoticeOutbox } from '../../src/notices/notice-outbox';
import { NoticeService } from '../../src/notices/notice-service';
import { ROSTER_RECIPIENT, type BotStore, type Platform } from '../../src/store/store';
import { aFiler, aNotice, aStoredNotice } from '../builders/notice-builders';
import { HOUR, MINUTE, SECOND } from '../store/manual-clock';
import { FakeChatPlatform, memberIds } from './fake-chat-platform';
import { byState, deliverUntilDone, logger, sqliteKit, type SqliteKit } from './notice-test-kit';

const STALE = 2 * MINUTE;

describe('NoticeOutbox on SQLite', () => {
  let kit: SqliteKit;
  const outboxes: NoticeOutbox[] = [];
  beforeEach(async () => {
    kit = await sqliteKit();
  });
  afterEach(async () => {
    for (const o of outboxes.splice(0)) await o.stop();
    await kit.dispose();
  });

  function build(platform: FakeChatPlatform, options: Partial<ConstructorParameters<typeof NoticeOutbox>[0]> = {}) {
    const courier = platform.courier('slack');
    const service = new NoticeService({ store: kit.store, couriers: [courier], logger, council: 'model', clock: kit.clock.now });
    const outbox = new NoticeOutbox({
      store: kit.store,
      couriers: [courier],
      logger,
      clock: kit.clock.now,
      leaseMs: STALE,
      maxAttempts: 5,
      backoff: { baseMs: SECOND, maxMs: MINUTE },
      random: () => 0.5,
      ...options,
    });
    outboxes.push(outbox);
    return { service, outbox };
  }

  it('delivers to 500 members and a channel exactly once each, reporting the failures', async () => {
    const members = [...memberIds(500), 'channel:C-MEMBERS'];
    const platform = new FakeChatPlatform(members, kit.clock.now);
    for (const m of ['U010', 'U250', 'U499']) platform.script(m, 'rate-limit');
    for (const m of ['U005', 'U123']) platform.script(m, 'transient', 'transient');
    platform.script('U007', 'permanent').alwaysFail('U013');
    platform.listFailuresLeft = 1;
    const { service, outbox } = build(platform);

    const filed = await service.file(aNotice(), aFiler());
    if (!filed.ok) throw new Error('expected the notice to be filed');
    const progress = await deliverUntilDone(service, [outbox], kit.clock, filed.notice.id);

    expect(progress).toMatchObject({ total: 500, delivered: 498, failed: 2, pending: 0, done: true, channels: { total: 1, delivered: 1 } });
    expect(progress.failures).toEqual([
      { recipient: 'U007', platform: 'slack', error: 'user_not_found' },
      { recipient: 'U013', platform: 'slack', error: 'gave up after 5 attempts: upstream timeout' },
    ]);
    for (const m of members) expect([m, platform.sendsTo(m)]).toEqual([m, ['U007', 'U013'].includes(m) ? 0 : 1]);
    expect(platform.sent).toHaveLength(499);
    // Only sends already started when a 429 came back can arrive during the pause: at most
    // concurrency - 1 (here 3) for each of the three rate limits.
    expect(platform.refusedWhilePaused.length).toBeLessThanOrEqual(9);
    expect(platform.findDeliveredCalls).toBe(0);

    const deliveries = await kit.store.listDeliveries(filed.notice.id);
    const sentById = new Map(platform.sent.map((m) => [m.deliveryId, m.messageId]));
    for (const d of byState(deliveries, 'delivered').filter((d) => d.recipient !== ROSTER_RECIPIENT)) {
      expect(d.messageId).toBe(sentById.get(d.id));
    }
    expect(deliveries.find((d) => d.recipient === ROSTER_RECIPIENT)).toMatchObject({ state: 'delivered', messageId: 'roster:501', attempts: 2 });
    expect(deliveries.find((d) => d.recipient === 'U010')).toMatchObject({ state: 'delivered', attempts: 1, lastError: 'rate limited: ratelimited' });
    expect(deliveries.find((d) => d.recipient === 'U123')).toMatchObject({ state: 'delivered', attempts: 3 });
    expect(platform.sent[0]!.text).toContain('Liberal Democrat Group');
  });

  it('pauses the whole courier after a rate limit until the platform’s retry time', async () => {
    const platform = new FakeChatPlatform(memberIds(10), kit.clock.now, 30 * SECOND);
    platform.script('U004', 'rate-limit');
    const { service, outbox } = build(platform, { concurrency: 1 });
    const filed = await service.file(aNotice(), aFiler());
    if (!filed.ok) throw new Error('expected the notice to be filed');

    await outbox.drain();
    const sentBeforePause = platform.sent.length;
    expect(sentBeforePause).toBeLessThan(10);
    kit.clock.advance(30 * SECOND - 1);
    await outbox.drain();
    expect(platform.sent).toHaveLength(sentBeforePause);

    kit.clock.advance(1);
    await outbox.drain();
    expect(platform.refusedWhilePaused).toEqual([]);
    expect(await service.progress(filed.notice.id)).toMatchObject({ delivered: 10, total: 10, done: true });
    for (const m of memberIds(10)) expect([m, platform.sendsTo(m)]).toEqual([m, 1]);
  });

  it('re-claims a crashed worker’s deliveries only once stale, and does not resend what reached members', async () => {
    const platform = new FakeChatPlatform([], kit.clock.now);
    const { outbox } = build(platform);
    const notice = aStoredNotice({ filedAt: kit.clock.now() });
    await kit.store.fileNotice(
      notice,
      ['U1', 'U2', 'U3', 'U4'].map((recipient) => ({ platform: 'slack' as const, recipient })),
    );
    // The crashed replica claimed all four and got two out before it died.
    const claimed = await kit.store.claimDeliveries('slack', 10, kit.clock.now(), STALE);
    const reached = new Map<string, string>();
    for (const d of claimed.filter((d) => d.recipient === 'U1' || d.recipient === 'U2')) {
      reached.set(d.id, platform.sendBehindTheBotsBack({ deliveryId: d.id, notice, recipient: d.recipient }));
    }

    kit.clock.advance(STALE - 1);
    await outbox.drain();
    expect(platform.sent).toHaveLength(2);
    expect(byState(await kit.store.listDeliveries(notice.id), 'in-flight')).toHaveLength(4);

    kit.clock.advance(1);
    await outbox.drain();

    for (const r of ['U1', 'U2', 'U3', 'U4']) expect([r, platform.sendsTo(r)]).toEqual([r, 1]);
    expect(platform.findDeliveredCalls).toBe(4);
    const after = await kit.store.listDeliveries(notice.id);
    expect(after.every((d) => d.state === 'delivered')).toBe(true);
    for (const [id, messageId] of reached) expect(after.find((d) => d.id === id)?.messageId).toBe(messageId);
  });

  it('wakes at once when a notice is filed in this process', async () => {
    const platform = new FakeChatPlatform(memberIds(20), kit.clock.now);
    // Watch the store so the notice is filed only once the loop has found nothing due and gone to sleep.
    let fellAsleep!: () => void;
    const asleep = new Promise<void>((resolve) => (fellAsleep = resolve));
    const watched: BotStore = Object.create(kit.store, {
      nextDueAt: {
        value: async (platformName: Platform) => {
          const next = await kit.store.nextDueAt(platformName);
          if (next === null) fellAsleep();
          return next;
        },
      },
    });
    const courier = platform.courier('slack');
    const service = new NoticeService({ store: watched, couriers: [courier], logger, council: 'model', clock: kit.clock.now });
    const outbox = new NoticeOutbox({ store: watched, couriers: [courier], logger, clock: kit.clock.now, pollIntervalMs: HOUR });
    outboxes.push(outbox);
    outbox.start();
    await asleep;
    await new Promise((resolve) => setImmediate(resolve));

    await service.file(aNotice(), aFiler());

    // With an hour's poll interval, this only resolves if filing woke the sleeping loop.
    await platform.whenSent(20);
    expect(platform.sent).toHaveLength(20);
  });

  it('stop lets sends under way finish and leaves nothing in-flight', async () => {
    const platform = new FakeChatPlatform(memberIds(40), kit.clock.now);
    const { service, outbox } = build(platform, { pollIntervalMs: HOUR, concurrency: 3, batchSize: 10 });
    platform.hold();
    outbox.start();
    const filed = await service.file(aNotice(), aFiler());
    if (!filed.ok) throw new Error('expected the notice to be filed');
    await platform.whenInProgress(3);

    const stopped = outbox.stop();
    platform.release();
    await stopped;

    const rows = (await kit.store.listDeliveries(filed.notice.id)).filter((d) => d.recipient !== ROSTER_RECIPIENT);
    expect(byState(rows, 'in-flight')).toEqual([]);
    expect(byState(rows, 'delivered')).toHaveLength(platform.sent.length);
    expect(platform.sent.length).toBeGreaterThanOrEqual(3);
    expect(byState(rows, 'pending').length + platform.sent.length).toBe(40);

    const { outbox: next } = build(platform);
    await next.drain();
    for (const m of memberIds(40)) expect([m, platform.sendsTo(m)]).toEqual([m, 1]);
  });

  it('stop returns claimed but unsent deliveries to the queue at once', async () => {
    const platform = new FakeChatPlatform(memberIds(10), kit.clock.now);
    const slow = { perSecond: 1, perRecipientPerSecond: 1 };
    const courier = platform.courier('slack', { limits: slow });
    const service = new NoticeService({ store: kit.store, couriers: [courier], logger, council: 'model', clock: kit.clock.now });
    const outbox = new NoticeOutbox({ store: kit.store, couriers: [courier], logger, clock: kit.clock.now, concurrency: 2, stopGraceMs: 20 });
    outboxes.push(outbox);
    const filed = await service.file(aNotice(), aFiler());
    if (!filed.ok) throw new Error('expected the notice to be filed');
    outbox.start();
    await platform.whenSent(1);

    await outbox.stop();

    const rows = (await kit.store.listDeliveries(filed.notice.id)).filter((d) => d.recipient !== ROSTER_RECIPIENT);
    expect(byState(rows, 'in-flight')).toEqual([]);
    expect(byState(rows, 'delivered')).toHaveLength(platform.sent.length);
    const returned = byState(rows, 'pending');
    expect(returned.length).toBeGreaterThan(0);
    expect(returned.length + platform.sent.length).toBe(10);
    expect(returned.every((d) => d.attempts === 0 && !d.mayHaveBeenSent)).toBe(true);
  });

  it('keeps working through one bad recipient without stopping the rest', async () => {
    const platform = new FakeChatPlatform(memberIds(5), kit.clock.now);
    platform.alwaysFail('U003');
    const { service, outbox } = build(platform);
    const filed = await service.file(aNotice(), aFiler());
    if (!filed.ok) throw new Error('expected the notice to be filed');
    await outbox.drain();
    const progress = await service.progress(filed.notice.id);
    expect(progress).toMatchObject({ total: 5, delivered: 4, failed: 0, pending: 1, done: false });
  });

  it('reports the member list as a failure when it can never be read', async () => {
    const platform = new FakeChatPlatform(memberIds(3), kit.clock.now);
    platform.listFailuresLeft = 99;
    const { service, outbox } = build(platform);
    const filed = await service.file(aNotice(), aFiler());
    if (!filed.ok) throw new Error('expected the notice to be filed');
    const progress = await deliverUntilDone(service, [outbox], kit.clock, filed.notice.id);
    expect(progress).toEqual({
      total: 0,
      delivered: 0,
      failed: 0,
      pending: 0,
      done: true,
      channels: { total: 0, delivered: 0 },
      failures: [{ recipient: ROSTER_RECIPIENT, platform: 'slack', error: 'gave up after 5 attempts: conversations.members: internal_error' }],
    });
  });

  it('refuses two couriers for one platform', () => {
    const platform = new FakeChatPlatform([], kit.clock.now);
    expect(() => new NoticeOutbox({ store: kit.store, couriers: [platform.courier('slack'), platform.courier('slack')], logger })).toThrow(/Two couriers for slack/);
  });
});
