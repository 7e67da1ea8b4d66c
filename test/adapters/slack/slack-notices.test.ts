/**
 * End to end: filing a political-group attendance notice from Slack (modal, per-field errors,
 * refusal for councillors), its delivery to every member through the real outbox, the filer's
 * status message, "I've read this", the register and its CSV export.
 */
import { aNotice } from '../../builders/notice-builders';
import { dmChannel, type Json } from '../../helpers/fake-slack-api';
import { COUNCILLOR, OFFICER, aBlockAction, aDirectMessage, aSlashCommand, aViewSubmission, anEventCallback, noticeFormState } from '../../helpers/slack-payloads';
import { MEMBERS_CHANNEL, SlackTestBot, blockKitProblems, buttonsOf, memberIds, textOf } from '../../helpers/slack-test-bot';
import { noticeMessages } from '../../../src/notices/notice-messages';

const HOSTILE = '<script>alert(1)</script> <!channel> & <@U123>';
const HOSTILE_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &lt;!channel&gt; &amp; &lt;@U123&gt;';

function submit(bot: SlackTestBot, values: Record<string, unknown>, user = OFFICER) {
  return bot.send(aViewSubmission({ callbackId: 'notice_modal', user, values: noticeFormState(values as Record<string, string | undefined>) }));
}

/** The filer's status message once it reports delivery finished (nothing still sending). */
function finalStatus(bot: SlackTestBot, expected: string) {
  return bot.fake.until(() =>
    bot.fake.messages.find((m) => {
      const text = textOf(m);
      return m.channel === dmChannel(OFFICER) && text.includes(expected) && !/Still sending|Still reading/.test(text);
    }),
  );
}

describe('Slack: attendance notices', () => {
  let bot: SlackTestBot;
  const members = memberIds(5);

  beforeAll(async () => {
    bot = await SlackTestBot.start();
    bot.seatMembers(members);
  });
  afterAll(async () => {
    await bot.close();
  });
  afterEach(() => bot.fake.clearRules());

  it('opens the notice form for an officer, one input block per field', async () => {
    const mark = bot.fake.mark();
    const command = aSlashCommand({ text: 'notice', user_id: OFFICER, trigger_id: 'trigger-officer', response_url: bot.fake.responseUrl('notice-o') });

    const reply = await bot.send(command);

    expect(reply.status).toBe(200);
    const open = await bot.fake.waitForCall('views.open', () => true, mark);
    expect(open.params.trigger_id).toBe('trigger-officer');
    expect(open.params.view.callback_id).toBe('notice_modal');
    const inputs = open.params.view.blocks.filter((b: Json) => b.type === 'input');
    expect(inputs.map((b: Json) => [b.block_id, b.element.type, Boolean(b.optional)])).toEqual([
      ['group', 'plain_text_input', false],
      ['meetingDate', 'datepicker', false],
      ['officers', 'plain_text_input', false],
      ['advice', 'plain_text_input', false],
      ['information', 'plain_text_input', true],
    ]);
    expect(inputs.find((b: Json) => b.block_id === 'advice').element.multiline).toBe(true);
  });

  it('refuses a councillor politely: no form, nothing stored or sent', async () => {
    const mark = bot.fake.mark();

    await bot.send(aSlashCommand({ text: 'notice', user_id: COUNCILLOR, response_url: bot.fake.responseUrl('notice-c') }));

    const answer = await bot.fake.waitForResponse('notice-c', mark);
    expect(textOf(answer.body)).toContain(noticeMessages.refusal);
    expect(bot.fake.calls.filter((c) => c.seq > mark)).toEqual([]);
  });

  it('opens the form from the officers\' button in the App Home, and refuses it to a councillor in the DM', async () => {
    const mark = bot.fake.mark();

    await bot.send(aBlockAction({ actionId: 'open_notice_form', value: 'open', user: OFFICER, inView: true }));
    await bot.send(aBlockAction({ actionId: 'open_notice_form', value: 'open', user: COUNCILLOR, inView: true }));

    const open = await bot.fake.waitForCall('views.open', () => true, mark);
    expect(open.params.view.callback_id).toBe('notice_modal');
    const refusal = await bot.fake.waitForCall('chat.postMessage', (c) => c.params.channel === COUNCILLOR, mark);
    expect(textOf(refusal.params)).toContain(noticeMessages.refusal);
    expect(bot.fake.callsTo('views.open').filter((c) => c.seq > mark)).toHaveLength(1);
  });

  it('offers the form with a button when an officer asks for a notice in a DM', async () => {
    const mark = bot.fake.mark();

    await bot.send(anEventCallback(aDirectMessage({ text: 'notice', user: OFFICER })));

    const prompt = await bot.fake.waitForCall('chat.postMessage', (c) => c.params.channel === dmChannel(OFFICER), mark);
    expect(buttonsOf(prompt.params).map((b) => b.actionId)).toEqual(['open_notice_form']);
  });

  it('refuses a councillor who submits the form anyway, in the form, storing nothing', async () => {
    const mark = bot.fake.mark();

    const reply = await submit(bot, aNotice(), COUNCILLOR);

    expect(reply.body).toEqual({ response_action: 'errors', errors: { group: noticeMessages.refusal } });
    expect(await bot.store.listNotices('model')).toEqual([]);
    expect(bot.fake.calls.filter((c) => c.seq > mark)).toEqual([]);
  });

  it('shows per-field errors in the modal and files nothing', async () => {
    const reply = await submit(bot, aNotice({ group: 'G'.repeat(121), meetingDate: undefined, advice: 'x'.repeat(3001) }));

    expect(reply.status).toBe(200);
    expect(reply.body.response_action).toBe('errors');
    expect(reply.body.errors).toEqual({
      group: 'Political group must be at most 120 characters.',
      meetingDate: expect.stringContaining('Meeting date'),
      advice: 'Advice given must be at most 3000 characters.',
    });
    expect(await bot.store.listNotices('model')).toEqual([]);
  });

  it('files a notice, delivers it to every member once with hostile text escaped, and reports the final status', async () => {
    const mark = bot.fake.mark();

    const reply = await submit(bot, aNotice({ group: `${HOSTILE} Group`, advice: `Reserves are £4.2m. ${HOSTILE}` }));

    expect(reply.status).toBe(200);
    // Acked at once, before the store is touched: the modal says it is being filed.
    expect(reply.body.response_action).toBe('update');
    expect(textOf(reply.body.view)).toContain('Filing your notice');
    const status = await finalStatus(bot, 'Delivered to 5 of 5 members.');
    expect(status.updates).toBeGreaterThan(0); // posted, then chat.update'd
    for (const member of members) {
      const received = bot.fake.dmsTo(member);
      expect(received).toHaveLength(1);
      expect(received[0]!.metadata?.event_type).toBe('protocol_notice');
      expect(textOf(received[0])).toContain(`Reserves are £4.2m. ${HOSTILE_ESCAPED}`);
      expect(JSON.stringify(received[0]!.blocks)).not.toMatch(/<script>|<!channel>|<@U123>/);
      expect(buttonsOf(received[0]).map((b) => b.actionId)).toEqual(['acknowledge_notice']);
      expect(blockKitProblems(received[0])).toEqual([]);
    }
    expect(bot.fake.inChannel(MEMBERS_CHANNEL).filter((m) => m.metadata)).toHaveLength(1);
    for (const skipped of ['UBOT', 'USLACKBOT', 'UOTHERBOT', 'UDEACTIVATED']) expect(bot.fake.dmsTo(skipped)).toEqual([]);
    expect(bot.fake.callsTo('chat.postMessage').filter((c) => c.seq > mark && c.params.link_names)).toEqual([]);
    expect(textOf(status)).not.toMatch(/<script>|<!channel>/);
  });

  it('records "I\'ve read this" and shows it in the register', async () => {
    const [notice] = await bot.store.listNotices('model');
    const member = members[0]!;
    const mark = bot.fake.mark();

    await bot.send(aBlockAction({ actionId: 'acknowledge_notice', value: notice!.notice.id, user: member, channel: dmChannel(member), responseUrl: bot.fake.responseUrl('ack') }));

    expect(textOf((await bot.fake.waitForResponse('ack', mark)).body)).toContain(noticeMessages.acknowledged);
    await bot.send(aSlashCommand({ text: 'notices', user_id: OFFICER, response_url: bot.fake.responseUrl('register') }));
    const register = (await bot.fake.waitForResponse('register', mark)).body;
    const text = textOf(register);
    expect(text).toContain(`2026-11-23 · ${HOSTILE_ESCAPED} Group`);
    expect(text).toContain(`Filed by <@${OFFICER}>`);
    expect(text).toContain('delivered 6 of 6 · acknowledged 1');
    expect(text).not.toMatch(/<script>|<!channel>/);
  });

  it('refuses the register to a councillor', async () => {
    const mark = bot.fake.mark();
    await bot.send(aSlashCommand({ text: 'notices', user_id: COUNCILLOR, response_url: bot.fake.responseUrl('register-c') }));
    expect(textOf((await bot.fake.waitForResponse('register-c', mark)).body)).toContain(noticeMessages.registerRefusal);
  });

  it('sends the CSV export as a file in the officer\'s DM', async () => {
    const mark = bot.fake.mark();

    await bot.send(aSlashCommand({ text: 'notices export', user_id: OFFICER, response_url: bot.fake.responseUrl('export') }));

    expect(textOf((await bot.fake.waitForResponse('export', mark)).body)).toContain('CSV file in our direct messages');
    const complete = bot.fake.callsTo('files.completeUploadExternal').find((c) => c.seq > mark)!;
    expect(complete.params.channel_id).toBe(dmChannel(OFFICER));
    const upload = bot.fake.uploads.at(-1)!;
    expect(upload.body).toContain('Reserves are £4.2m.');
  });

  it('reports members it could not reach, with the reason, after retrying the transient failures', async () => {
    const [unreachable, flaky] = [members[2]!, members[3]!];
    bot.fake.when('chat.postMessage', (p) => (p.channel === unreachable ? { error: 'user_disabled' } : undefined));
    let flakyCalls = 0;
    bot.fake.when('chat.postMessage', (p) => (p.channel === flaky && ++flakyCalls === 1 ? { httpStatus: 503 } : undefined));
    const before = bot.fake.dmsTo(flaky).length;

    await submit(bot, aNotice({ group: 'Independent Group' }));

    const status = await finalStatus(bot, 'Delivered to 4 of 5 members.');
    expect(textOf(status)).toContain('1 could not be delivered:');
    expect(textOf(status)).toContain(`<@${unreachable}>: user_disabled`);
    expect(bot.fake.dmsTo(flaky)).toHaveLength(before + 1);
  });
});
