/**
 * The contract every BotStore passes (like botbuilder's storageBaseTests). Each implementation's
 * test file calls describeStoreContract with a factory for its store and a cleanup that wipes the
 * test's database, so every test starts empty.
 */
import { ROSTER_RECIPIENT, type BotStore } from '../../src/store/store';
import { aStoredNotice } from '../builders/notice-builders';
import type { ContractHarness, MakeStore } from './contract-harness';
import { deliveryQueueContract } from './delivery-queue-contract';
import { DAY, HOUR, ManualClock, MINUTE } from './manual-clock';

/**
 * Whether a promise rejected. Not `rejects.toThrow()`: better-sqlite3's native addon keeps the
 * SqliteError class of the first jest module registry in a worker, so in later test files its
 * errors are not `instanceof Error` and toThrow reports "did not throw".
 */
const outcome = (p: Promise<unknown>) => p.then(
  () => 'resolved',
  () => 'rejected',
);

export function describeStoreContract(name: string, makeStore: MakeStore, cleanup: () => Promise<void>): void {
  describe(`${name} store contract`, () => {
    const opened: BotStore[] = [];
    const clock = new ManualClock();
    const h: ContractHarness = {
      clock,
      async openUnmigrated() {
        const store = await makeStore({ clock: clock.now });
        opened.push(store);
        return store;
      },
      async open() {
        const store = await h.openUnmigrated();
        await store.migrate();
        return store;
      },
    };

    beforeEach(() => clock.set('2026-11-01T12:00:00Z'));
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      await cleanup();
    });

    describe('migrations', () => {
      it('running migrate again, or on two replicas at once, is harmless', async () => {
        const [a, b] = [await h.openUnmigrated(), await h.openUnmigrated()];
        await Promise.all([a.migrate(), b.migrate()]);
        await a.migrate();
        const notice = aStoredNotice();
        await b.fileNotice(notice, [{ platform: 'slack', recipient: 'U1' }]);
        expect(await a.getNotice(notice.id)).toEqual(notice);
      });
    });

    describe('event de-duplication', () => {
      it('claims a key once, across replicas', async () => {
        const [a, b] = [await h.open(), await h.open()];
        const results = await Promise.all([a.claimEvent('slack:Ev1'), b.claimEvent('slack:Ev1'), a.claimEvent('slack:Ev1')]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await b.claimEvent('slack:Ev2')).toBe(true);
        expect(await a.claimEvent('slack:Ev2')).toBe(false);
      });

      it('forgets keys once they are older than a day, pruning as it goes', async () => {
        const store = await h.open();
        expect(await store.claimEvent('old')).toBe(true);
        clock.advance(25 * HOUR);
        expect(await store.claimEvent('new')).toBe(true);
        expect(await store.claimEvent('old')).toBe(true);
        expect(await store.claimEvent('new')).toBe(false);
      });

      it('pruneEvents removes only keys seen before the cutoff', async () => {
        const store = await h.open();
        await store.claimEvent('a');
        clock.advance(10 * MINUTE);
        await store.claimEvent('b');
        expect(await store.pruneEvents(new Date(clock.now().getTime() - MINUTE))).toBe(1);
        expect(await store.claimEvent('a')).toBe(true);
        expect(await store.claimEvent('b')).toBe(false);
      });
    });

    describe('adapter state', () => {
      it('stores, replaces and returns values by key', async () => {
        const store = await h.open();
        expect(await store.getState('teams:conversation:T1')).toBeNull();
        await store.putState('teams:conversation:T1', '{"id":"a"}');
        await store.putState('teams:conversation:T1', '{"id":"b"}');
        await store.putState('teams:conversation:T2', '');
        expect(await store.getState('teams:conversation:T1')).toBe('{"id":"b"}');
        expect(await store.getState('teams:conversation:T2')).toBe('');
      });
    });

    describe('feedback and unanswered questions', () => {
      it('reports the last 30 days newest first: unanswered and not-helpful only, for the one council', async () => {
        const store = await h.open();
        const asked = { platform: 'slack' as const, userId: 'U1', council: 'model' };
        await store.recordUnanswered({ ...asked, question: 'last month' });
        const t = clock.advance(31 * DAY).getTime();
        await store.recordUnanswered({ ...asked, question: 'can I ask about parking?' });
        clock.advance(HOUR);
        await store.recordFeedback({ ...asked, question: 'gifts?', clauseId: '5.1', helpful: false });
        await store.recordFeedback({ ...asked, question: 'leaflets?', clauseId: '3.1(e)', helpful: true });
        clock.advance(HOUR);
        await store.recordUnanswered({ ...asked, council: 'hexham', question: 'other council' });
        await store.recordFeedback({ ...asked, platform: 'teams', question: 'who do I tell?', clauseId: null, helpful: false });

        const rows = await store.report('model', new Date(clock.now().getTime() - 30 * DAY));

        expect(rows).toEqual([
          { kind: 'not-helpful', council: 'model', question: 'who do I tell?', clauseId: null, at: new Date(t + 2 * HOUR) },
          { kind: 'not-helpful', council: 'model', question: 'gifts?', clauseId: '5.1', at: new Date(t + HOUR) },
          { kind: 'unanswered', council: 'model', question: 'can I ask about parking?', clauseId: null, at: new Date(t) },
        ]);
      });

      it('includes a question asked exactly at the start of the window', async () => {
        const store = await h.open();
        const since = clock.now();
        await store.recordUnanswered({ platform: 'shell', userId: 'local', council: 'model', question: 'on the edge' });
        expect((await store.report('model', since)).map((r) => r.question)).toEqual(['on the edge']);
        expect(await store.report('model', new Date(since.getTime() + 1))).toEqual([]);
      });
    });

    describe('notices', () => {
      it('stores a notice and its outbox rows together', async () => {
        const store = await h.open();
        const notice = aStoredNotice({ information: 'Slides' });
        await store.fileNotice(notice, [
          { platform: 'slack', recipient: ROSTER_RECIPIENT },
          { platform: 'teams', recipient: 'T1' },
        ]);
        expect(await store.getNotice(notice.id)).toEqual(notice);
        const rows = await store.listDeliveries(notice.id);
        expect(rows.map((d) => [d.platform, d.recipient, d.state, d.attempts, d.notBefore, d.claimedAt, d.mayHaveBeenSent])).toEqual([
          ['slack', ROSTER_RECIPIENT, 'pending', 0, notice.filedAt, null, false],
          ['teams', 'T1', 'pending', 0, notice.filedAt, null, false],
        ]);
        expect(await store.getDelivery(rows[0]!.id)).toEqual(rows[0]);
      });

      it('keeps a filer without a name, and text with markup, exactly as given', async () => {
        const store = await h.open();
        const notice = aStoredNotice({ filedBy: { platform: 'teams', userId: '29:abc' }, advice: '<script>alert(1)</script> <!channel> @here "q" \'s\'' });
        await store.fileNotice(notice, []);
        expect(await store.getNotice(notice.id)).toEqual(notice);
      });

      it('stores nothing when any outbox row cannot be written (one transaction)', async () => {
        const store = await h.open();
        const notice = aStoredNotice();
        const broken = { platform: 'slack' as const, recipient: null as unknown as string };
        expect(await outcome(store.fileNotice(notice, [{ platform: 'slack', recipient: 'U1' }, broken]))).toBe('rejected');
        expect(await store.getNotice(notice.id)).toBeNull();
        expect(await store.listDeliveries(notice.id)).toEqual([]);
        expect(await store.listNotices('model')).toEqual([]);
      });

      it('refuses a second notice with the same id and keeps the first', async () => {
        const store = await h.open();
        const notice = aStoredNotice();
        await store.fileNotice(notice, [{ platform: 'slack', recipient: 'U1' }]);
        expect(await outcome(store.fileNotice({ ...notice, advice: 'changed' }, [{ platform: 'slack', recipient: 'U2' }]))).toBe('rejected');
        expect((await store.getNotice(notice.id))?.advice).toBe(notice.advice);
        expect((await store.listDeliveries(notice.id)).map((d) => d.recipient)).toEqual(['U1']);
      });

      it('addDeliveries ignores rows already present, within and across calls', async () => {
        const store = await h.open();
        const notice = aStoredNotice();
        await store.fileNotice(notice, [{ platform: 'slack', recipient: 'U1' }]);
        const added = await store.addDeliveries(notice.id, [
          { platform: 'slack', recipient: 'U1' },
          { platform: 'slack', recipient: 'U2' },
          { platform: 'slack', recipient: 'U2' },
          { platform: 'teams', recipient: 'U1' },
        ]);
        expect(added).toBe(2);
        expect(await store.addDeliveries(notice.id, [{ platform: 'slack', recipient: 'U2' }])).toBe(0);
        expect(await store.addDeliveries('no-such-notice', [{ platform: 'slack', recipient: 'U3' }])).toBe(0);
        const rows = await store.listDeliveries(notice.id);
        expect(rows.map((d) => `${d.platform}/${d.recipient}`)).toEqual(['slack/U1', 'slack/U2', 'teams/U1']);
        expect(rows.every((d) => d.state === 'pending' && d.notBefore.getTime() === notice.filedAt.getTime())).toBe(true);
      });

      it('counts "I have read this" once per recipient, and only from the notice\'s recipients', async () => {
        const store = await h.open();
        const notice = aStoredNotice();
        await store.fileNotice(notice, [
          { platform: 'slack', recipient: 'U1' },
          { platform: 'slack', recipient: 'U2' },
        ]);
        expect(await store.acknowledge(notice.id, 'slack', 'U1', clock.now())).toBe(true);
        expect(await store.acknowledge(notice.id, 'slack', 'U1', clock.advance(MINUTE))).toBe(true);
        expect(await store.acknowledge(notice.id, 'teams', 'U1', clock.now())).toBe(false);
        expect(await store.acknowledge(notice.id, 'slack', 'U-OUTSIDER', clock.now())).toBe(false);
        expect(await store.acknowledge('no-such-notice', 'slack', 'U1', clock.now())).toBe(false);
        const [summary] = await store.listNotices('model');
        expect(summary?.acknowledged).toBe(1);
        expect(await store.acknowledge(notice.id, 'slack', 'U2', clock.now())).toBe(true);
        expect((await store.listNotices('model'))[0]?.acknowledged).toBe(2);
      });

      it('files once per submission key, returning the first notice to every later filing', async () => {
        const store = await h.open();
        const first = aStoredNotice({ advice: 'first' });
        expect(await store.fileNotice(first, [{ platform: 'slack', recipient: 'U1' }], 'slack:V1')).toEqual(first);
        const again = aStoredNotice({ advice: 'second' });
        expect(await store.fileNotice(again, [{ platform: 'slack', recipient: 'U2' }], 'slack:V1')).toEqual(first);
        expect(await store.getNotice(again.id)).toBeNull();
        expect(await store.listDeliveries(again.id)).toEqual([]);
        expect((await store.listDeliveries(first.id)).map((d) => d.recipient)).toEqual(['U1']);
        // Without a key, or with another, each filing stands.
        const other = aStoredNotice();
        expect(await store.fileNotice(other, [], 'slack:V2')).toEqual(other);
        await store.fileNotice(aStoredNotice(), []);
        await store.fileNotice(aStoredNotice(), []);
        expect(await store.listNotices('model')).toHaveLength(4);
      });

      it('files once per submission key when replicas file it at the same moment', async () => {
        const [a, b] = [await h.open(), await h.open()];
        const attempts = Array.from({ length: 6 }, (_, i) => aStoredNotice({ advice: `attempt ${i}` }));
        const results = await Promise.all(
          attempts.map((n, i) => (i % 2 ? a : b).fileNotice(n, [{ platform: 'slack', recipient: ROSTER_RECIPIENT }], 'slack:V-RACE')),
        );
        const winners = new Set(results.map((n) => n.id));
        expect(winners.size).toBe(1);
        const register = await a.listNotices('model');
        expect(register.map((s) => s.notice.id)).toEqual([...winners]);
        for (const n of attempts) expect(await b.listDeliveries(n.id)).toHaveLength(winners.has(n.id) ? 1 : 0);
      });

      it('lists the council register newest first, counting deliveries without the roster row', async () => {
        const store = await h.open();
        const older = aStoredNotice({ filedAt: new Date('2026-10-01T09:00:00Z') });
        const newer = aStoredNotice({ filedAt: new Date('2026-10-02T09:00:00Z') });
        const elsewhere = aStoredNotice({ council: 'hexham' });
        await store.fileNotice(older, []);
        await store.fileNotice(elsewhere, [{ platform: 'slack', recipient: 'U1' }]);
        await store.fileNotice(newer, ['*', 'U1', 'U2', 'U3', 'U4', 'channel:C1'].map((recipient) => ({ platform: 'slack' as const, recipient })));
        const claimed = await store.claimDeliveries('slack', 10, clock.now(), MINUTE);
        const byRecipient = new Map(claimed.filter((d) => d.noticeId === newer.id).map((d) => [d.recipient, d.id]));
        await store.markDelivered(byRecipient.get('U1')!, 'm1');
        await store.markDelivered(byRecipient.get('channel:C1')!, 'm2');
        await store.markDelivered(byRecipient.get(ROSTER_RECIPIENT)!, 'roster:5');
        await store.markFailed(byRecipient.get('U2')!, 'user_not_found');
        await store.markRetry(byRecipient.get('U3')!, clock.advance(MINUTE), 'ratelimited');
        await store.acknowledge(newer.id, 'slack', 'U1', clock.now());

        const register = await store.listNotices('model');

        expect(register.map((s) => s.notice.id)).toEqual([newer.id, older.id]);
        expect(register[0]).toEqual({ notice: newer, total: 5, delivered: 2, failed: 1, pending: 2, acknowledged: 1 });
        expect(register[1]).toEqual({ notice: older, total: 0, delivered: 0, failed: 0, pending: 0, acknowledged: 0 });
      });

      it('returns null for unknown notices and deliveries', async () => {
        const store = await h.open();
        expect(await store.getNotice('nope')).toBeNull();
        expect(await store.getDelivery('nope')).toBeNull();
        expect(await store.listDeliveries('nope')).toEqual([]);
      });
    });

    describe('data protection', () => {
      const asked = { platform: 'slack' as const, userId: 'U1', council: 'model' };

      it('purges questions and feedback older than the retention cutoff, keeping newer ones', async () => {
        const store = await h.open();
        await store.recordUnanswered({ ...asked, question: 'old unanswered' });
        await store.recordFeedback({ ...asked, question: 'old feedback', clauseId: '1.1', helpful: false });
        const cutoff = clock.advance(DAY);
        await store.recordUnanswered({ ...asked, question: 'new unanswered' });
        await store.recordFeedback({ ...asked, question: 'new feedback', clauseId: '1.1', helpful: false });

        expect(await store.purgeQuestions(cutoff)).toEqual({ unanswered: 1, feedback: 1 });

        const rows = await store.report('model', new Date(0));
        expect(rows.map((r) => r.question).sort()).toEqual(['new feedback', 'new unanswered']);
        expect(await store.purgeQuestions(cutoff)).toEqual({ unanswered: 0, feedback: 0 });
      });

      it('erases one person\'s questions and feedback, on one platform or all, keeping the register', async () => {
        const store = await h.open();
        await store.recordUnanswered({ ...asked, question: 'mine on slack' });
        await store.recordFeedback({ ...asked, question: 'my feedback', clauseId: null, helpful: true });
        await store.recordUnanswered({ ...asked, platform: 'teams', question: 'mine on teams' });
        await store.recordUnanswered({ ...asked, userId: 'U2', question: 'someone else' });
        const notice = aStoredNotice({ filedBy: { platform: 'slack', userId: 'U1' } });
        await store.fileNotice(notice, [{ platform: 'slack', recipient: 'U1' }]);
        await store.acknowledge(notice.id, 'slack', 'U1', clock.now());

        expect(await store.forgetUser('U1', 'slack')).toEqual({ unanswered: 1, feedback: 1 });
        expect((await store.report('model', new Date(0))).map((r) => r.question).sort()).toEqual(['mine on teams', 'someone else']);
        expect(await store.forgetUser('U1')).toEqual({ unanswered: 1, feedback: 0 });
        expect((await store.report('model', new Date(0))).map((r) => r.question)).toEqual(['someone else']);

        expect(await store.getNotice(notice.id)).toEqual(notice);
        expect(await store.listNotices('model')).toMatchObject([{ total: 1, acknowledged: 1 }]);
      });

      it('reports questions without saying who asked', async () => {
        const store = await h.open();
        await store.recordUnanswered({ ...asked, userId: 'U-SECRET', question: 'who can I ask?' });
        const rows = await store.report('model', new Date(0));
        expect(rows).toHaveLength(1);
        expect(JSON.stringify(rows)).not.toContain('U-SECRET');
      });
    });

    describe('durability', () => {
      it('keeps everything across close and reopen', async () => {
        const first = await h.open();
        const notice = aStoredNotice();
        await first.fileNotice(notice, [{ platform: 'slack', recipient: 'U1' }]);
        const [claimed] = await first.claimDeliveries('slack', 1, clock.now(), MINUTE);
        await first.markDelivered(claimed!.id, 'ts-1');
        await first.acknowledge(notice.id, 'slack', 'U1', clock.now());
        await first.claimEvent('slack:Ev1');
        await first.recordUnanswered({ platform: 'slack', userId: 'U1', council: 'model', question: 'kept?' });
        await first.putState('k', 'v');
        await first.close();

        const again = await h.open();
        expect(await again.getNotice(notice.id)).toEqual(notice);
        expect(await again.getDelivery(claimed!.id)).toMatchObject({ state: 'delivered', messageId: 'ts-1', attempts: 1 });
        expect(await again.listNotices('model')).toEqual([{ notice, total: 1, delivered: 1, failed: 0, pending: 0, acknowledged: 1 }]);
        expect(await again.claimEvent('slack:Ev1')).toBe(false);
        expect((await again.report('model', new Date(0))).map((r) => r.question)).toEqual(['kept?']);
        expect(await again.getState('k')).toBe('v');
      });
    });

    deliveryQueueContract(h);
  });
}
