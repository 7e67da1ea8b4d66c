import { NotAuthorisedError } from '../../src/errors';
import { NoticeOutbox } from '../../src/notices/notice-outbox';
import { NOTICE_LIMITS } from '../../src/notices/notice-model';
import { NoticeService, type FileResult } from '../../src/notices/notice-service';
import { ROSTER_RECIPIENT, type StoredNotice } from '../../src/store/store';
import { aFiler, aNotice } from '../builders/notice-builders';
import { FakeChatPlatform, memberIds } from './fake-chat-platform';
import { logger, sqliteKit, type SqliteKit } from './notice-test-kit';

function filedNotice(result: FileResult): StoredNotice {
  if (!result.ok) throw new Error(`expected the notice to be filed: ${JSON.stringify(result.errors)}`);
  return result.notice;
}

describe('NoticeService', () => {
  let kit: SqliteKit;
  let platform: FakeChatPlatform;
  let service: NoticeService;
  let ids: number;
  beforeEach(async () => {
    kit = await sqliteKit();
    platform = new FakeChatPlatform(memberIds(3), kit.clock.now);
    ids = 0;
    service = new NoticeService({
      store: kit.store,
      couriers: [platform.courier('slack'), platform.courier('teams')],
      logger,
      council: 'model',
      clock: kit.clock.now,
      newId: () => `notice-${++ids}`,
    });
  });
  afterEach(() => kit.dispose());

  describe('file', () => {
    it('stores the notice with one member-list row per platform, before anything is sent', async () => {
      const notice = filedNotice(await service.file(aNotice({ group: '  Green Group  ' }), aFiler({ name: 'Jo Clerk' })));

      expect(notice).toEqual({
        id: 'notice-1',
        council: 'model',
        group: 'Green Group',
        meetingDate: '2026-11-23',
        officers: 'Chief Executive; Director of Finance',
        advice: 'The draft budget assumes a 2.99% council tax rise; reserves stand at £4.2m.',
        information: 'Copies of the medium-term financial plan slides.',
        filedBy: { platform: 'slack', userId: 'U-CLERK', name: 'Jo Clerk' },
        filedAt: kit.clock.now(),
      });
      expect(await kit.store.getNotice('notice-1')).toEqual(notice);
      const rows = await kit.store.listDeliveries('notice-1');
      expect(rows.map((d) => [d.platform, d.recipient, d.state])).toEqual([
        ['slack', ROSTER_RECIPIENT, 'pending'],
        ['teams', ROSTER_RECIPIENT, 'pending'],
      ]);
      expect(platform.sent).toEqual([]);
    });

    it.each([
      ['advice is missing', { advice: undefined }, 'advice', 'Advice given is required.'],
      ['advice is only spaces', { advice: '   ' }, 'advice', 'Advice given is required.'],
      ['the date is not a date', { meetingDate: '23/11/2026' }, 'meetingDate', 'Meeting date must be a date like 2026-11-23.'],
      ['the date does not exist', { meetingDate: '2026-02-30' }, 'meetingDate', 'Meeting date is not a real date.'],
      ['the group is too long', { group: 'G'.repeat(NOTICE_LIMITS.group + 1) }, 'group', `Political group must be at most ${NOTICE_LIMITS.group} characters.`],
      ['the advice is too long', { advice: 'a'.repeat(NOTICE_LIMITS.advice + 1) }, 'advice', `Advice given must be at most ${NOTICE_LIMITS.advice} characters.`],
      ['information is too long', { information: 'i'.repeat(NOTICE_LIMITS.information + 1) }, 'information', `Information provided must be at most ${NOTICE_LIMITS.information} characters.`],
      ['officers is not text', { officers: 42 }, 'officers', 'Officer(s) who attended is required.'],
    ])('gives a per-field error and stores nothing when %s', async (_case, overrides, field, message) => {
      const result = await service.file(aNotice(overrides), aFiler());
      expect(result).toEqual({ ok: false, errors: { [field]: message } });
      expect(await kit.store.listNotices('model')).toEqual([]);
    });

    it('reports every missing field at once, even for a form that is not an object', async () => {
      for (const raw of [{}, null, 'notice', []]) {
        const result = await service.file(raw, aFiler());
        expect(result.ok).toBe(false);
        expect(Object.keys(!result.ok ? result.errors : {}).sort()).toEqual(['advice', 'group', 'meetingDate', 'officers']);
      }
    });

    it('accepts a notice with no information provided', async () => {
      const notice = filedNotice(await service.file(aNotice({ information: undefined }), aFiler()));
      expect(notice.information).toBe('');
    });

    it('stores script-like text and mention sequences unchanged: adapters escape on output', async () => {
      const hostile = '<script>alert("x")</script> <!channel> <@U123> @here &amp; *bold*';
      const notice = filedNotice(await service.file(aNotice({ advice: hostile, group: '<!everyone> Group' }), aFiler()));
      expect(await kit.store.getNotice(notice.id)).toMatchObject({ advice: hostile, group: '<!everyone> Group' });
    });

    it('refuses a councillor with NotAuthorisedError and stores nothing, whatever the form says', async () => {
      for (const raw of [aNotice(), {}]) {
        await expect(service.file(raw, aFiler({ role: 'councillor' }))).rejects.toBeInstanceOf(NotAuthorisedError);
      }
      expect(await kit.store.listNotices('model')).toEqual([]);
      expect(await kit.store.claimDeliveries('slack', 10, kit.clock.now(), 60_000)).toEqual([]);
      expect(ids).toBe(0);
    });
  });

  describe('progress', () => {
    it('counts members, not the member-list row, and lists failures with reasons', async () => {
      platform.script('U002', 'permanent');
      const slackOnly = new NoticeService({ store: kit.store, couriers: [platform.courier('slack')], logger, council: 'model', clock: kit.clock.now });
      const notice = filedNotice(await slackOnly.file(aNotice(), aFiler()));
      expect(await slackOnly.progress(notice.id)).toEqual({ total: 0, delivered: 0, failed: 0, pending: 0, failures: [], done: false, channels: { total: 0, delivered: 0 } });

      await new NoticeOutbox({ store: kit.store, couriers: [platform.courier('slack')], logger, clock: kit.clock.now }).drain();

      expect(await slackOnly.progress(notice.id)).toEqual({
        total: 3,
        delivered: 2,
        failed: 1,
        pending: 0,
        failures: [{ recipient: 'U002', platform: 'slack', error: 'user_not_found' }],
        done: true,
        channels: { total: 0, delivered: 0 },
      });
    });
  });

  describe('register and acknowledgements', () => {
    it('is for officers only', async () => {
      await expect(service.register('councillor')).rejects.toBeInstanceOf(NotAuthorisedError);
      await expect(service.exportCsv('councillor')).rejects.toBeInstanceOf(NotAuthorisedError);
    });

    it('counts deliveries and acknowledgements per notice, newest first', async () => {
      const first = filedNotice(await service.file(aNotice({ group: 'Labour Group' }), aFiler()));
      kit.clock.advance(60_000);
      const second = filedNotice(await service.file(aNotice({ group: 'Conservative Group' }), aFiler()));
      await new NoticeOutbox({ store: kit.store, couriers: [platform.courier('slack'), platform.courier('teams')], logger, clock: kit.clock.now }).drain();
      await service.acknowledge(first.id, 'slack', 'U001');
      await service.acknowledge(first.id, 'slack', 'U001');
      await service.acknowledge(first.id, 'teams', 'U001');
      await service.acknowledge(first.id, 'slack', 'U003');
      await service.acknowledge('no-such-notice', 'slack', 'U001');
      await service.acknowledge(first.id, 'slack', 'U-NOT-A-MEMBER');

      const register = await service.register('officer');

      expect(register.map((r) => [r.notice.group, r.total, r.delivered, r.failed, r.pending, r.acknowledged])).toEqual([
        [second.group, 6, 6, 0, 0, 0],
        [first.group, 6, 6, 0, 0, 3],
      ]);
    });

    it('counts "I have read this" only from the notice\'s recipients, and says whether it counted', async () => {
      const notice = filedNotice(await service.file(aNotice(), aFiler()));
      await new NoticeOutbox({ store: kit.store, couriers: [platform.courier('slack')], logger, clock: kit.clock.now }).drain();

      expect(await service.acknowledge(notice.id, 'slack', 'U002')).toBe(true);
      expect(await service.acknowledge(notice.id, 'slack', 'U002')).toBe(true);
      expect(await service.acknowledge(notice.id, 'slack', 'U-OTHER-WORKSPACE')).toBe(false);
      // Not yet sent on Teams: nobody there is a recipient so far.
      expect(await service.acknowledge(notice.id, 'teams', 'U002')).toBe(false);
      expect(await service.acknowledge('no-such-notice', 'slack', 'U002')).toBe(false);
      expect((await service.register('officer'))[0]?.acknowledged).toBe(1);
    });
  });

  describe('filing with a submission key', () => {
    it('files once however often the same submission arrives, sending nothing twice', async () => {
      const first = await service.file(aNotice({ advice: 'first' }), aFiler(), { submissionKey: 'V123' });
      const replay = await service.file(aNotice({ advice: 'replayed' }), aFiler(), { submissionKey: 'V123' });
      const fresh = await service.file(aNotice(), aFiler(), { submissionKey: 'V124' });

      expect(first).toMatchObject({ ok: true, notice: { id: 'notice-1', advice: 'first' } });
      expect(first).not.toHaveProperty('alreadyFiled', true);
      expect(replay).toEqual({ ok: true, notice: filedNotice(first), alreadyFiled: true });
      expect(fresh).toMatchObject({ ok: true, notice: { id: 'notice-3' } });
      expect(await kit.store.getNotice('notice-2')).toBeNull();

      await new NoticeOutbox({ store: kit.store, couriers: [platform.courier('slack'), platform.courier('teams')], logger, clock: kit.clock.now }).drain();
      for (const m of memberIds(3)) expect([m, platform.sendsTo(m)]).toEqual([m, 4]);
    });

    it('files once when the same submission arrives several times at once', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () => service.file(aNotice(), aFiler(), { submissionKey: 'V-DOUBLE-CLICK' })),
      );
      const ids = new Set(results.map((r) => filedNotice(r).id));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => r.ok && r.alreadyFiled)).toHaveLength(4);
      expect(await service.register('officer')).toHaveLength(1);
    });

    it('keeps Slack and Teams keys apart', async () => {
      const slack = filedNotice(await service.file(aNotice(), aFiler(), { submissionKey: 'same' }));
      const teams = filedNotice(await service.file(aNotice(), aFiler({ platform: 'teams', userId: '29:clerk' }), { submissionKey: 'same' }));
      expect(teams.id).not.toBe(slack.id);
    });

    it('files into the council given', async () => {
      const notice = filedNotice(await service.file(aNotice(), aFiler(), { council: 'hexham' }));
      expect(notice.council).toBe('hexham');
    });
  });
});
