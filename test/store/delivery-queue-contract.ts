/** The delivery-queue half of the store contract: claiming, staleness, outcomes, release. */
import type { BotStore, Delivery, Platform } from '../../src/store/store';
import { aStoredNotice } from '../builders/notice-builders';
import type { ContractHarness } from './contract-harness';
import { HOUR, MINUTE, SECOND } from './manual-clock';

const STALE = 5 * MINUTE;

async function noticeFor(store: BotStore, recipients: string[], platform: Platform = 'slack', filedAt = new Date('2026-10-06T09:00:00Z')) {
  const notice = aStoredNotice({ filedAt });
  await store.fileNotice(
    notice,
    recipients.map((recipient) => ({ platform, recipient })),
  );
  return notice;
}

const recipientsOf = (ds: Delivery[]) => ds.map((d) => d.recipient).sort();

export function deliveryQueueContract(h: ContractHarness): void {
  describe('delivery queue', () => {
    it('claims due rows for one platform only, up to the limit, marking them in-flight', async () => {
      const store = await h.open();
      await noticeFor(store, ['U1', 'U2', 'U3']);
      await noticeFor(store, ['T1'], 'teams');
      const now = h.clock.now();

      const claimed = await store.claimDeliveries('slack', 2, now, STALE);

      expect(claimed).toHaveLength(2);
      for (const d of claimed) {
        expect(d).toMatchObject({ platform: 'slack', state: 'in-flight', attempts: 1, claimedAt: now, mayHaveBeenSent: false });
        expect(await store.getDelivery(d.id)).toEqual(d);
      }
      expect(recipientsOf(await store.claimDeliveries('slack', 10, now, STALE))).toEqual(
        ['U1', 'U2', 'U3'].filter((r) => !claimed.some((d) => d.recipient === r)),
      );
      expect(await store.claimDeliveries('slack', 10, now, STALE)).toEqual([]);
      expect(recipientsOf(await store.claimDeliveries('teams', 10, now, STALE))).toEqual(['T1']);
    });

    it('does not claim a row before its notBefore', async () => {
      const store = await h.open();
      const filedAt = h.clock.now();
      await noticeFor(store, ['U1'], 'slack', filedAt);
      expect(await store.claimDeliveries('slack', 10, new Date(filedAt.getTime() - 1), STALE)).toEqual([]);
      const [first] = await store.claimDeliveries('slack', 10, filedAt, STALE);
      const retryAt = new Date(filedAt.getTime() + 30 * SECOND);
      await store.markRetry(first!.id, retryAt, 'transient: timeout');

      expect(await store.claimDeliveries('slack', 10, new Date(retryAt.getTime() - 1), STALE)).toEqual([]);
      const [again] = await store.claimDeliveries('slack', 10, retryAt, STALE);
      expect(again).toMatchObject({ id: first!.id, attempts: 2, lastError: 'transient: timeout', mayHaveBeenSent: false });
    });

    it('re-claims an in-flight row only once it is stale, flagging that it may have been sent', async () => {
      const store = await h.open();
      await noticeFor(store, ['U1']);
      const t0 = h.clock.now();
      const [crashed] = await store.claimDeliveries('slack', 10, t0, STALE);

      expect(await store.claimDeliveries('slack', 10, new Date(t0.getTime() + STALE - 1), STALE)).toEqual([]);
      const later = new Date(t0.getTime() + STALE);
      const [recovered] = await store.claimDeliveries('slack', 10, later, STALE);

      expect(recovered).toMatchObject({ id: crashed!.id, state: 'in-flight', attempts: 2, claimedAt: later, mayHaveBeenSent: true });
      expect(await store.claimDeliveries('slack', 10, later, STALE)).toEqual([]);
    });

    it('holds a claim while its lease is renewed, and hands it on once renewals stop', async () => {
      const store = await h.open();
      await noticeFor(store, ['U1', 'U2']);
      const lease = 15 * SECOND;
      const t0 = h.clock.now();
      const claimed = await store.claimDeliveries('slack', 10, t0, lease);
      expect(claimed.map((d) => d.leaseUntil)).toEqual([new Date(t0.getTime() + lease), new Date(t0.getTime() + lease)]);
      const ids = claimed.map((d) => d.id);

      // Renewed at +10 s to +25 s: nobody may claim it at +20 s.
      await store.markDelivered(ids[1]!, 'ts-2');
      expect(await store.renewLeases(ids, t0, new Date(t0.getTime() + 25 * SECOND))).toEqual([ids[0]]);
      expect(await store.claimDeliveries('slack', 10, new Date(t0.getTime() + 20 * SECOND), lease)).toEqual([]);

      // Renewals stop (the replica died): at +25 s the row is another claimer's, flagged as possibly sent.
      const t1 = new Date(t0.getTime() + 25 * SECOND);
      const [again] = await store.claimDeliveries('slack', 10, t1, lease);
      expect(again).toMatchObject({ id: ids[0], claimedAt: t1, leaseUntil: new Date(t1.getTime() + lease), mayHaveBeenSent: true, attempts: 2 });

      // The first claimer's late renewal no longer touches it; the new claimer's does.
      expect(await store.renewLeases([ids[0]!], t0, new Date(t1.getTime() + HOUR))).toEqual([]);
      expect(await store.getDelivery(ids[0]!)).toMatchObject({ leaseUntil: new Date(t1.getTime() + lease) });
      expect(await store.renewLeases([ids[0]!], t1, new Date(t1.getTime() + MINUTE))).toEqual([ids[0]]);
      expect(await store.renewLeases([], t1, t1)).toEqual([]);
    });

    it('clears the lease with every outcome', async () => {
      const store = await h.open();
      await noticeFor(store, ['U1', 'U2', 'U3', 'U4']);
      const now = h.clock.now();
      const [a, b, c, d] = await store.claimDeliveries('slack', 10, now, STALE);
      await store.markDelivered(a!.id, 'ts');
      await store.markRetry(b!.id, now, 'x');
      await store.markFailed(c!.id, 'x');
      await store.releaseDeliveries([d!.id], now);
      for (const row of [a, b, c, d]) expect(await store.getDelivery(row!.id)).toMatchObject({ claimedAt: null, leaseUntil: null });
    });

    it('never hands one delivery to two concurrent claimers, across replicas', async () => {
      const [a, b] = [await h.open(), await h.open()];
      const recipients = Array.from({ length: 60 }, (_, i) => `U${String(i).padStart(3, '0')}`);
      await noticeFor(a, recipients);
      const now = h.clock.now();

      const rounds = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).claimDeliveries('slack', 10, now, STALE)));
      const rest = await a.claimDeliveries('slack', 100, now, STALE);

      const all = [...rounds.flat(), ...rest];
      expect(all.map((d) => d.recipient).sort()).toEqual(recipients);
      expect(new Set(all.map((d) => d.id)).size).toBe(60);
      expect(all.every((d) => d.attempts === 1)).toBe(true);
    });

    it('records outcomes: delivered with its message id, retry, failed', async () => {
      const store = await h.open();
      await noticeFor(store, ['U1', 'U2', 'U3']);
      const now = h.clock.now();
      const byRecipient = new Map((await store.claimDeliveries('slack', 10, now, STALE)).map((d) => [d.recipient, d]));
      const retryAt = new Date(now.getTime() + MINUTE);

      await store.markDelivered(byRecipient.get('U1')!.id, '1730000000.000100');
      await store.markRetry(byRecipient.get('U2')!.id, retryAt, 'ECONNRESET');
      await store.markFailed(byRecipient.get('U3')!.id, 'user_not_found');

      expect(await store.getDelivery(byRecipient.get('U1')!.id)).toMatchObject({ state: 'delivered', messageId: '1730000000.000100', claimedAt: null, attempts: 1 });
      expect(await store.getDelivery(byRecipient.get('U2')!.id)).toMatchObject({ state: 'pending', notBefore: retryAt, lastError: 'ECONNRESET', claimedAt: null, attempts: 1 });
      expect(await store.getDelivery(byRecipient.get('U3')!.id)).toMatchObject({ state: 'failed', lastError: 'user_not_found', claimedAt: null });
    });

    it('never reopens or fails a delivered row', async () => {
      const store = await h.open();
      await noticeFor(store, ['U1']);
      const [d] = await store.claimDeliveries('slack', 10, h.clock.now(), STALE);
      await store.markDelivered(d!.id, 'ts-1');
      await store.markRetry(d!.id, h.clock.now(), 'late timeout');
      await store.markFailed(d!.id, 'late failure');
      await store.releaseDeliveries([d!.id], h.clock.now());
      expect(await store.getDelivery(d!.id)).toMatchObject({ state: 'delivered', messageId: 'ts-1', lastError: null });
    });

    it('releases claimed rows without counting the attempt, keeping the may-have-been-sent flag', async () => {
      const store = await h.open();
      await noticeFor(store, ['U1', 'U2']);
      const t0 = h.clock.now();
      await store.claimDeliveries('slack', 10, t0, STALE);
      const recovered = await store.claimDeliveries('slack', 10, new Date(t0.getTime() + STALE), STALE);
      const resumeAt = new Date(t0.getTime() + STALE + MINUTE);

      await store.releaseDeliveries(
        recovered.map((d) => d.id),
        resumeAt,
        'rate limited',
      );

      for (const d of recovered) {
        expect(await store.getDelivery(d.id)).toMatchObject({ state: 'pending', attempts: 1, notBefore: resumeAt, claimedAt: null, lastError: 'rate limited', mayHaveBeenSent: true });
      }
      await store.releaseDeliveries([], resumeAt);
      const again = await store.claimDeliveries('slack', 10, resumeAt, STALE);
      expect(again.map((d) => [d.attempts, d.mayHaveBeenSent])).toEqual([
        [2, true],
        [2, true],
      ]);
    });

    it('recovers every in-flight row at start-up as due now and possibly sent', async () => {
      const store = await h.open();
      await noticeFor(store, ['U1', 'U2', 'U3']);
      const claimed = await store.claimDeliveries('slack', 2, h.clock.now(), STALE);
      await store.markDelivered(claimed[0]!.id, 'D1:1');
      const later = new Date(h.clock.now().getTime() + SECOND);

      expect(await store.recoverInFlight(later)).toBe(1);

      expect(await store.getDelivery(claimed[0]!.id)).toMatchObject({ state: 'delivered', messageId: 'D1:1' });
      expect(await store.getDelivery(claimed[1]!.id)).toMatchObject({ state: 'pending', claimedAt: null, notBefore: later });
      const again = await store.claimDeliveries('slack', 10, later, STALE);
      expect(again.find((d) => d.id === claimed[1]!.id)).toMatchObject({ mayHaveBeenSent: true });
      expect(await store.recoverInFlight(later)).toBe(2);
    });

    it('tells when the next pending row falls due', async () => {
      const store = await h.open();
      expect(await store.nextDueAt('slack')).toBeNull();
      const filedAt = new Date('2026-10-06T09:00:00Z');
      await noticeFor(store, ['U1', 'U2'], 'slack', filedAt);
      const claimed = await store.claimDeliveries('slack', 10, h.clock.now(), STALE);
      expect(await store.nextDueAt('slack')).toBeNull();
      const soon = new Date(h.clock.now().getTime() + 10 * SECOND);
      await store.markRetry(claimed[0]!.id, new Date(soon.getTime() + MINUTE), 'x');
      await store.markRetry(claimed[1]!.id, soon, 'x');
      expect(await store.nextDueAt('slack')).toEqual(soon);
      expect(await store.nextDueAt('teams')).toBeNull();
    });

    it('keeps long error text to a bounded size', async () => {
      const store = await h.open();
      await noticeFor(store, ['U1']);
      const [d] = await store.claimDeliveries('slack', 10, h.clock.now(), STALE);
      await store.markFailed(d!.id, 'x'.repeat(5000));
      const stored = await store.getDelivery(d!.id);
      expect(stored!.lastError!.length).toBeLessThanOrEqual(1000);
      expect(stored!.lastError!.startsWith('xxx')).toBe(true);
    });
  });
}
