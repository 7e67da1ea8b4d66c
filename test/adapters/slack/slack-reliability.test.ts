/**
 * Slack, end to end over signed HTTP: every interactive payload is acknowledged (old and unknown
 * buttons with "this button has expired"), a stalled or failing database never costs the ack or
 * the truth (the officer is told "filed" only when it was, and "not filed" with the reason when it
 * was not), only the installed workspace is served, "Ask the Clerk" is limited per person and only
 * a notice's recipients can say they have read it.
 */
import { aNotice } from '../../builders/notice-builders';
import { FAKE_BOT_USER, dmChannel } from '../../helpers/fake-slack-api';
import {
  COUNCILLOR,
  OFFICER,
  aBlockAction,
  aGlobalShortcut,
  aSlashCommand,
  aViewClosed,
  aViewSubmission,
  anAppMention,
  anEventCallback,
  noticeFormState,
} from '../../helpers/slack-payloads';
import { ESCALATION_CHANNEL, SlackTestBot, buttonsOf, textOf } from '../../helpers/slack-test-bot';
import { messages } from '../../../src/messages';
import { noticeMessages } from '../../../src/notices/notice-messages';
import type { BotStore } from '../../../src/store/store';

const EXPIRED = 'This button has expired';
const OTHER_TEAM = 'T0ELSEWHERE';

/** How the store's fileNotice behaves for the next filings. */
const database: { fileNotice: 'normal' | 'slow' | 'fail' } = { fileNotice: 'normal' };
let releaseSlowFiling: (() => void) | undefined;

/** The real store with a fileNotice that can be made to hang (until released) or to fail. */
function controllableStore(store: BotStore): BotStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop !== 'fileNotice') return fn.bind(target);
      return async (...args: unknown[]) => {
        if (database.fileNotice === 'fail') throw new Error('connection terminated unexpectedly');
        if (database.fileNotice === 'slow') await new Promise<void>((resolve) => (releaseSlowFiling = resolve));
        return fn.apply(target, args);
      };
    },
  });
}

describe('Slack: acknowledgements, the truth about filing, and who may do what', () => {
  let bot: SlackTestBot;
  beforeAll(async () => {
    bot = await SlackTestBot.start({ wrapStore: controllableStore });
    bot.seatMembers(['UMEMBER1', 'UMEMBER2']);
  });
  afterAll(async () => {
    releaseSlowFiling?.();
    await bot.close();
  });
  afterEach(() => {
    database.fileNotice = 'normal';
    bot.fake.clearRules();
  });

  const submitNotice = (group: string, viewId?: string) =>
    bot.send(aViewSubmission({ callbackId: 'notice_modal', user: OFFICER, viewId, values: noticeFormState(aNotice({ group }) as Record<string, string>) }));
  const dmsToOfficerAfter = (mark: number) =>
    bot.fake.callsTo('chat.postMessage').filter((c) => c.seq > mark && (c.params.channel === OFFICER || c.params.channel === dmChannel(OFFICER)));

  describe('every interactive payload is acknowledged', () => {
    it('answers a button with an unknown action id with 200 and "this button has expired"', async () => {
      const mark = bot.fake.mark();
      const reply = await bot.send(aBlockAction({ actionId: 'old_button_from_v0', value: 'x', responseUrl: bot.fake.responseUrl('old-button') }));

      expect(reply.status).toBe(200);
      expect(textOf((await bot.fake.waitForResponse('old-button', mark)).body)).toContain(EXPIRED);
    });

    it('answers an old button in the App Home (no response URL) in the user\'s DM', async () => {
      const mark = bot.fake.mark();
      const reply = await bot.send(aBlockAction({ actionId: 'retired_home_button', value: 'x', inView: true }));

      expect(reply.status).toBe(200);
      const dm = await bot.fake.waitForCall('chat.postMessage', (c) => c.params.channel === COUNCILLOR, mark);
      expect(String(dm.params.text)).toContain(EXPIRED);
    });

    it.each([
      ['view_closed', aViewClosed({ callbackId: 'notice_modal' })],
      ['a global shortcut the app does not offer', aGlobalShortcut({ callbackId: 'unknown_shortcut' })],
      ['a submission of a modal the app no longer knows', aViewSubmission({ callbackId: 'retired_modal', values: {} })],
    ])('acknowledges %s with 200 and says nothing', async (_name, payload) => {
      const mark = bot.fake.mark();
      const reply = await bot.send(payload);

      expect(reply.status).toBe(200);
      expect(bot.fake.calls.filter((c) => c.seq > mark && c.method.startsWith('chat.'))).toEqual([]);
    });
  });

  describe('a stalled or failing database', () => {
    it('acks the notice form before the database answers, then tells the officer it was filed', async () => {
      database.fileNotice = 'slow';
      const mark = bot.fake.mark();

      const reply = await submitNotice('Stalled Database Group');

      // The ack came back while the store was still holding the filing.
      expect(reply.status).toBe(200);
      expect(reply.body.response_action).toBe('update');
      expect(textOf(reply.body.view)).toContain('Filing your notice');
      expect((await bot.store.listNotices('model')).map((r) => r.notice.group)).not.toContain('Stalled Database Group');

      while (!releaseSlowFiling) await new Promise((resolve) => setTimeout(resolve, 20));
      releaseSlowFiling();
      const status = await bot.fake.waitForCall(
        'chat.postMessage',
        (c) => c.params.channel === OFFICER && textOf(c.params).includes(noticeMessages.filed),
        mark,
      );
      expect(textOf(status.params)).toContain('Stalled Database Group');
      const modal = await bot.fake.waitForCall('views.update', (c) => JSON.stringify(c.params.view).includes('Stalled Database Group'), mark);
      expect(JSON.stringify(modal.params.view)).toContain(noticeMessages.filed);
      expect((await bot.store.listNotices('model')).filter((r) => r.notice.group === 'Stalled Database Group')).toHaveLength(1);
      expect(dmsToOfficerAfter(mark).map((c) => textOf(c.params)).join('\n')).not.toContain(messages.somethingWentWrong);
    });

    it('tells the officer a notice was NOT filed, with the reason, and gives the form back as typed', async () => {
      database.fileNotice = 'fail';
      const mark = bot.fake.mark();

      const reply = await submitNotice('Failing Database Group');

      expect(reply.status).toBe(200);
      const told = await bot.fake.waitForCall('chat.postMessage', (c) => c.params.channel === OFFICER && textOf(c.params).includes('NOT been filed'), mark);
      expect(textOf(told.params)).toContain('the register could not be written to');
      const form = await bot.fake.waitForCall('views.update', (c) => JSON.stringify(c.params.view).includes('NOT been filed'), mark);
      expect(JSON.stringify(form.params.view)).toContain('Failing Database Group'); // what they typed is kept
      expect(form.params.view.submit).toBeDefined();
      expect((await bot.store.listNotices('model')).map((r) => r.notice.group)).not.toContain('Failing Database Group');
      const said = dmsToOfficerAfter(mark).map((c) => textOf(c.params)).join('\n');
      expect(said).not.toContain(noticeMessages.filed);
      expect(said).not.toContain(messages.somethingWentWrong);
    }, 30_000);

    it('files once when the same modal is submitted again (a Slack retry or a second click)', async () => {
      const viewId = 'VSUBMITTEDTWICE';
      const first = await submitNotice('Twice Submitted Group', viewId);
      const second = await submitNotice('Twice Submitted Group', viewId);

      expect([first.status, second.status]).toEqual([200, 200]);
      await bot.fake.until(() => bot.fake.callsTo('views.update').filter((c) => JSON.stringify(c.params.view).includes('Twice Submitted Group')).length >= 1);
      await bot.logs.waitForLines((l) => l.msg === 'notice filed' || l.msg === 'notice submission already being filed; not filed again', 2).catch(() => undefined);
      // Needs the store's submission-key de-duplication (NoticeService.file's submissionKey).
      expect((await bot.store.listNotices('model')).filter((r) => r.notice.group === 'Twice Submitted Group')).toHaveLength(1);
    });
  });

  describe('only the installed workspace is served', () => {
    it('ignores a slash command from another workspace', async () => {
      const mark = bot.fake.mark();
      const reply = await bot.send(aSlashCommand({ text: 'notices', user_id: OFFICER, team_id: OTHER_TEAM, response_url: bot.fake.responseUrl('other-team') }));

      expect(reply.status).toBe(200);
      expect(reply.body).toBe('');
      // A request from the installed workspace after it is answered; the other one never was.
      await bot.send(aSlashCommand({ text: 'notices', user_id: OFFICER, response_url: bot.fake.responseUrl('own-team') }));
      await bot.fake.waitForResponse('own-team', mark);
      expect(bot.fake.responses.filter((r) => r.key === 'other-team')).toEqual([]);
    });

    it('files nothing from another workspace\'s modal and answers no mention from it', async () => {
      const mark = bot.fake.mark();
      const submitted = aViewSubmission({ callbackId: 'notice_modal', user: OFFICER, team: OTHER_TEAM, values: noticeFormState(aNotice({ group: 'Elsewhere Group' }) as Record<string, string>) });
      const event = JSON.parse(anEventCallback(anAppMention({ text: `<@${FAKE_BOT_USER}> 2.4` })).body);
      event.team_id = OTHER_TEAM;
      event.authorizations[0].team_id = OTHER_TEAM;

      expect((await bot.send(submitted)).status).toBe(200);
      expect((await bot.send({ contentType: 'application/json', body: JSON.stringify(event) })).status).toBe(200);
      await bot.logs.waitForLines((l) => l.msg === 'Slack request from another workspace refused', 2);

      expect((await bot.store.listNotices('model')).map((r) => r.notice.group)).not.toContain('Elsewhere Group');
      // Nothing said to anyone (earlier notices' status messages may still be being updated).
      expect(bot.fake.calls.filter((c) => c.seq > mark && c.method !== 'chat.update')).toEqual([]);
    });
  });

  describe('who may do what', () => {
    it('forwards "Ask the Clerk" three times in ten minutes, then replies politely instead', async () => {
      const asked = await bot.send(aSlashCommand({ text: 'can I ask the clerk to help with my campaign leaflet?', user_id: 'UASKER1', response_url: bot.fake.responseUrl('ask-limit') }));
      const button = buttonsOf(asked.body).find((b) => b.actionId === 'ask_clerk')!;
      const mark = bot.fake.mark();

      for (let i = 1; i <= 4; i += 1) {
        await bot.send(aBlockAction({ actionId: 'ask_clerk', value: button.value, user: 'UASKER1', responseUrl: bot.fake.responseUrl(`ask-limit-${i}`) }));
        await bot.fake.waitForResponse(`ask-limit-${i}`, mark);
      }

      expect(bot.fake.callsTo('chat.postMessage').filter((c) => c.seq > mark && c.params.channel === ESCALATION_CHANNEL)).toHaveLength(3);
      const fourth = bot.fake.responses.find((r) => r.key === 'ask-limit-4')!;
      expect(textOf(fourth.body)).toContain('You have asked the Clerk 3 times in the last 10 minutes');
    });

    it('does not count "I\'ve read this" from someone the notice was not sent to', async () => {
      const filed = await bot.notices.file(aNotice({ group: 'Readers Only Group' }), { platform: 'slack', userId: OFFICER, role: 'officer' });
      if (!filed.ok) throw new Error('not filed');
      await bot.fake.until(() => bot.fake.dmsTo('UMEMBER1').some((m) => textOf(m).includes('Readers Only Group')) || undefined);
      const mark = bot.fake.mark();

      await bot.send(aBlockAction({ actionId: 'acknowledge_notice', value: filed.notice.id, user: 'UOUTSIDER', responseUrl: bot.fake.responseUrl('outsider-ack') }));
      await bot.send(aBlockAction({ actionId: 'acknowledge_notice', value: filed.notice.id, user: 'UMEMBER1', responseUrl: bot.fake.responseUrl('member-ack') }));

      expect(textOf((await bot.fake.waitForResponse('outsider-ack', mark)).body)).toContain('this notice was not sent to you');
      expect(textOf((await bot.fake.waitForResponse('member-ack', mark)).body)).toContain(noticeMessages.acknowledged);
      const [row] = (await bot.store.listNotices('model')).filter((r) => r.notice.id === filed.notice.id);
      expect(row!.acknowledged).toBe(1);
    });
  });
});
