import { NotAuthorisedError } from '../../src/errors';
import { NoticeOutbox } from '../../src/notices/notice-outbox';
import { DataProtection, describeErasure } from '../../src/store/data-protection';
import { DEFAULT_RETENTION_DAYS, QuestionRetention } from '../../src/store/question-retention';
import { logger, sqliteKit, type SqliteKit } from '../notices/notice-test-kit';
import { DAY } from './manual-clock';

const asked = { platform: 'slack' as const, userId: 'U1', council: 'model' };

describe('QuestionRetention', () => {
  let kit: SqliteKit;
  beforeEach(async () => {
    kit = await sqliteKit();
  });
  afterEach(() => kit.dispose());

  const questions = async () => (await kit.store.report('model', new Date(0))).map((r) => r.question).sort();

  it('keeps questions and feedback for 90 days by default, then deletes them', async () => {
    expect(DEFAULT_RETENTION_DAYS).toBe(90);
    await kit.store.recordUnanswered({ ...asked, question: 'old' });
    await kit.store.recordFeedback({ ...asked, question: 'old rating', clauseId: '1.1', helpful: false });
    kit.clock.advance(2 * DAY);
    await kit.store.recordUnanswered({ ...asked, question: 'recent' });
    const retention = new QuestionRetention({ store: kit.store, logger, clock: kit.clock.now });

    kit.clock.advance(87 * DAY);
    expect(await retention.purgeNow()).toEqual({ unanswered: 0, feedback: 0 });
    kit.clock.advance(2 * DAY);
    expect(await retention.purgeNow()).toEqual({ unanswered: 1, feedback: 1 });
    expect(await questions()).toEqual(['recent']);
  });

  it('purges at start and again on its schedule until stopped', async () => {
    await kit.store.recordUnanswered({ ...asked, question: 'first' });
    kit.clock.advance(8 * DAY);
    const retention = new QuestionRetention({ store: kit.store, logger, clock: kit.clock.now, retentionDays: 7, everyMs: 20 });
    retention.start();
    await retention.stop();
    expect(await questions()).toEqual([]);

    await kit.store.recordUnanswered({ ...asked, question: 'second' });
    retention.start();
    kit.clock.advance(8 * DAY);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await retention.stop();
    expect(await questions()).toEqual([]);
  });

  it('is started and stopped by the notice outbox, with the configured period', async () => {
    await kit.store.recordUnanswered({ ...asked, question: 'a month old' });
    kit.clock.advance(31 * DAY);
    await kit.store.recordUnanswered({ ...asked, question: 'today' });
    const outbox = new NoticeOutbox({ store: kit.store, couriers: [], logger, clock: kit.clock.now, retentionDays: 30 });
    outbox.start();
    await outbox.stop();
    expect(await questions()).toEqual(['today']);
  });

  it('refuses a period that is not a whole number of days', () => {
    for (const days of [0, -1, 1.5, Number.NaN]) {
      expect(() => new QuestionRetention({ store: kit.store, logger, retentionDays: days })).toThrow(/whole number of days/);
    }
  });
});

describe('DataProtection.forget', () => {
  let kit: SqliteKit;
  beforeEach(async () => {
    kit = await sqliteKit();
  });
  afterEach(() => kit.dispose());

  const clerk = { platform: 'slack' as const, userId: 'U-CLERK' };

  it('lets an officer erase one person\'s questions and feedback', async () => {
    await kit.store.recordUnanswered({ ...asked, question: 'mine' });
    await kit.store.recordFeedback({ ...asked, question: 'my rating', clauseId: null, helpful: true });
    await kit.store.recordUnanswered({ ...asked, userId: 'U2', question: 'theirs' });
    const erased = await new DataProtection(kit.store, logger).forget('officer', { userId: ' U1 ' }, clerk);
    expect(erased).toEqual({ unanswered: 1, feedback: 1 });
    expect((await kit.store.report('model', new Date(0))).map((r) => r.question)).toEqual(['theirs']);
    expect(describeErasure('U1', erased)).toBe(
      'Erased 1 question and 1 feedback record for U1. Notices, their deliveries and "I\'ve read this" records are kept: they are the council\'s register.',
    );
    expect(describeErasure('U9', { unanswered: 0, feedback: 0 })).toMatch(/^No questions or feedback were held for U9\./);
  });

  it('refuses councillors and an empty id, erasing nothing', async () => {
    await kit.store.recordUnanswered({ ...asked, question: 'mine' });
    const service = new DataProtection(kit.store, logger);
    await expect(service.forget('councillor', { userId: 'U1' }, clerk)).rejects.toBeInstanceOf(NotAuthorisedError);
    await expect(service.forget('officer', { userId: '  ' }, clerk)).rejects.toThrow(/user id/);
    expect(await kit.store.report('model', new Date(0))).toHaveLength(1);
  });
});
