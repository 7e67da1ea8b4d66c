/**
 * End to end: the buttons on an answer (feedback, Ask the Clerk, Share in channel, related
 * clauses), the officers' report, the App Home tab, and the one top-level error handler.
 */
import { FAKE_BOT_USER, dmChannel } from '../../helpers/fake-slack-api';
import { COUNCILLOR, OFFICER, aBlockAction, aDirectMessage, aSlashCommand, anAppHomeOpened, anAppMention, anEventCallback } from '../../helpers/slack-payloads';
import { ESCALATION_CHANNEL, SlackTestBot, blockKitProblems, buttonsOf, textOf } from '../../helpers/slack-test-bot';
import { messages } from '../../../src/messages';

let responseKeys = 0;

/** Asks by slash command; returns the ephemeral answer and a helper to press one of its buttons. */
async function askAndGetButtons(bot: SlackTestBot, text: string, user = COUNCILLOR) {
  const reply = await bot.send(aSlashCommand({ text, user_id: user, response_url: bot.fake.responseUrl(`ask-${++responseKeys}`) }));
  const buttons = buttonsOf(reply.body);
  const press = async (actionId: string, by = user) => {
    const button = buttons.find((b) => b.actionId === actionId);
    if (!button) throw new Error(`no ${actionId} button in ${JSON.stringify(buttons)}`);
    const key = `press-${++responseKeys}`;
    const mark = bot.fake.mark();
    const res = await bot.send(aBlockAction({ actionId, value: button.value, user: by, responseUrl: bot.fake.responseUrl(key) }));
    expect(res.status).toBe(200);
    return { key, mark, response: () => bot.fake.waitForResponse(key, mark) };
  };
  return { reply, buttons, press };
}

describe('Slack: answer buttons, report and App Home', () => {
  let bot: SlackTestBot;

  beforeAll(async () => {
    bot = await SlackTestBot.start();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('stores Not helpful with the question and the matched clause, for the report', async () => {
    const question = 'can I ask the clerk to help with my campaign leaflet?';
    const { press } = await askAndGetButtons(bot, question);

    const pressed = await press('feedback_not_helpful');

    expect(textOf((await pressed.response()).body)).toContain('Thanks, your feedback has been noted.');
    const rows = await bot.store.report('model', new Date(Date.now() - 60_000));
    expect(rows).toContainEqual(expect.objectContaining({ kind: 'not-helpful', question, clauseId: '2.3' }));
  });

  it('thanks for Helpful and keeps it off the report', async () => {
    const question = 'what is the role of officers?';
    const { press } = await askAndGetButtons(bot, question);

    const pressed = await press('feedback_helpful');

    expect((await pressed.response()).body.response_type).toBe('ephemeral');
    const rows = await bot.store.report('model', new Date(Date.now() - 60_000));
    expect(rows.filter((r) => r.question === question)).toEqual([]);
  });

  it('forwards Ask the Clerk to the escalation channel with who asked, the question (escaped) and the best match', async () => {
    // As Slack sends it: a real @channel mention, and a literal "<@U123>" typed as text.
    const { press } = await askAndGetButtons(bot, '<!channel> can I ask the clerk to help with my campaign leaflet? &lt;@U123&gt;');

    const pressed = await press('ask_clerk');

    const forwarded = await bot.fake.waitForCall('chat.postMessage', (c) => c.params.channel === ESCALATION_CHANNEL, pressed.mark);
    const text = textOf(forwarded.params);
    expect(text).toContain(`<@${COUNCILLOR}> (councillor)`);
    expect(text).toContain('> @channel can I ask the clerk to help with my campaign leaflet? &lt;@U123&gt;');
    expect(text).toContain('My best match was clause 2.3');
    expect(JSON.stringify(forwarded.params.blocks)).not.toMatch(/<!channel>|<@U123>/);
    expect(forwarded.params.text).not.toMatch(/<!channel>|<@U123>/);
    expect(textOf((await pressed.response()).body)).toContain('I have sent your question to the Clerk');
  });

  it('shares an ephemeral answer in the channel through its response_url', async () => {
    const { press } = await askAndGetButtons(bot, '2.4');

    const pressed = await press('share_answer');

    const shared = (await pressed.response()).body;
    expect(shared.response_type).toBe('in_channel');
    expect(shared.replace_original).toBe(false);
    expect(textOf(shared)).toContain('*Clause 2.4: Officers*');
    expect(textOf(shared)).toContain(`Shared by <@${COUNCILLOR}>`);
    expect(buttonsOf(shared).map((b) => b.actionId)).not.toContain('share_answer');
  });

  it('opens a related clause from its button, privately', async () => {
    const { buttons } = await askAndGetButtons(bot, '2');
    const first = buttons.find((b) => b.actionId === 'open_clause_0')!;
    const mark = bot.fake.mark();

    await bot.send(aBlockAction({ actionId: first.actionId, value: first.value, responseUrl: bot.fake.responseUrl('open-2.1') }));

    const opened = (await bot.fake.waitForResponse('open-2.1', mark)).body;
    expect(opened.response_type).toBe('ephemeral');
    expect(textOf(opened)).toMatch(/\*Clause 2\.1: [^*]+\*/);
  });

  it('refuses the report to a councillor', async () => {
    const mark = bot.fake.mark();
    const reply = await bot.send(aSlashCommand({ text: 'report', user_id: COUNCILLOR, response_url: bot.fake.responseUrl('report-c') }));

    expect(reply.status).toBe(200);
    const answer = (await bot.fake.waitForResponse('report-c', mark)).body;
    expect(textOf(answer)).toContain(messages.officersOnly('see the report of unanswered and not-helpful questions'));
  });

  it('answers "report" in a channel mention privately, refusing a councillor', async () => {
    const mark = bot.fake.mark();
    const mention = anAppMention({ text: `<@${FAKE_BOT_USER}> report` });

    await bot.send(anEventCallback(mention));

    const reply = await bot.fake.waitForCall('chat.postEphemeral', () => true, mark);
    expect(reply.params).toMatchObject({ channel: mention.channel, user: COUNCILLOR, thread_ts: mention.ts });
    expect(textOf(reply.params)).toContain(messages.officersOnly('see the report of unanswered and not-helpful questions'));
    expect(bot.fake.callsTo('chat.postMessage').filter((c) => c.seq > mark)).toEqual([]);
  });

  it('gives an officer the report of unanswered and not-helpful questions, escaped', async () => {
    await bot.send(aSlashCommand({ text: 'purple &lt;!here&gt; elephants', response_url: bot.fake.responseUrl('unanswered') }));
    const mark = bot.fake.mark();

    await bot.send(aSlashCommand({ text: 'report', user_id: OFFICER, response_url: bot.fake.responseUrl('report-o') }));

    const report = (await bot.fake.waitForResponse('report-o', mark)).body;
    const text = textOf(report);
    expect(text).toContain('Unanswered and not-helpful questions, last 30 days');
    expect(text).toContain('*Unanswered*: purple &lt;!here&gt; elephants');
    expect(text).toContain('*Not helpful* (matched 2.3): can I ask the clerk to help with my campaign leaflet?');
    expect(blockKitProblems(report)).toEqual([]);
  });

  it('publishes the App Home: what the bot does and the sections, with the notice button for officers only', async () => {
    const mark = bot.fake.mark();
    await bot.send(anEventCallback(anAppHomeOpened(COUNCILLOR)));
    await bot.send(anEventCallback(anAppHomeOpened(OFFICER)));

    const councillor = await bot.fake.waitForCall('views.publish', (c) => c.params.user_id === COUNCILLOR, mark);
    const officer = await bot.fake.waitForCall('views.publish', (c) => c.params.user_id === OFFICER, mark);
    expect(councillor.params.view.type).toBe('home');
    expect(textOf(councillor.params.view)).toContain('Model protocol for town and parish councils');
    expect(textOf(councillor.params.view)).toContain('/protocol 2.4');
    const sections = buttonsOf(councillor.params.view).filter((b) => b.actionId.startsWith('open_clause_'));
    expect(sections.map((b) => JSON.parse(b.value).id)).toEqual(['1', '2', '3']);
    expect(buttonsOf(councillor.params.view).map((b) => b.actionId)).not.toContain('open_notice_form');
    expect(buttonsOf(officer.params.view).map((b) => b.actionId)).toContain('open_notice_form');
    expect(blockKitProblems(councillor.params.view, 100)).toEqual([]);
  });

  it('opens a section from the App Home in the DM (a view has no response_url)', async () => {
    const mark = bot.fake.mark();
    const value = JSON.stringify({ k: 'model', id: '3' });

    await bot.send(aBlockAction({ actionId: 'open_clause_2', value, inView: true }));

    const post = await bot.fake.waitForCall('chat.postMessage', (c) => c.params.channel === COUNCILLOR, mark);
    expect(textOf(post.params)).toMatch(/\*Clause 3: [^*]+\*/);
  });

  describe('when something fails', () => {
    afterEach(() => bot.fake.clearRules());

    it('tells the user briefly and honestly through the response_url, with no stack trace', async () => {
      bot.fake.when('chat.postMessage', (p) => (p.channel === ESCALATION_CHANNEL ? { error: 'channel_not_found' } : undefined));
      const { press } = await askAndGetButtons(bot, '2.4');

      const pressed = await press('ask_clerk');

      const reply = (await pressed.response()).body;
      expect(reply).toEqual({ response_type: 'ephemeral', replace_original: false, text: messages.somethingWentWrong });
      await bot.logs.waitFor('Slack request failed');
    });

    it('answers a DM whose reply failed with the short message in the DM', async () => {
      bot.fake.when('chat.postMessage', (p) => (p.channel === dmChannel(COUNCILLOR) && p.blocks ? { error: 'fatal_error' } : undefined));
      const mark = bot.fake.mark();

      await bot.send(anEventCallback(aDirectMessage({ text: '2.4' })));

      const apology = await bot.fake.waitForCall('chat.postMessage', (c) => c.outcome === 'ok' && c.params.channel === dmChannel(COUNCILLOR), mark);
      expect(apology.params.text).toBe(messages.somethingWentWrong);
      expect(JSON.stringify(apology.params)).not.toMatch(/at .*\.ts:\d+/);
    });
  });

  it('does not answer its own messages in the DM', async () => {
    const mark = bot.fake.mark();
    const own = anEventCallback({ ...aDirectMessage({ text: '2.4', user: FAKE_BOT_USER }), bot_id: 'BBOT' });

    await bot.send(own);
    await bot.logs.waitFor('own Slack event ignored', (l) => l.eventId === own.eventId);

    expect(bot.fake.calls.filter((c) => c.seq > mark)).toEqual([]);
  });
});

describe('Slack: Ask the Clerk with no escalation channel', () => {
  it('sends the question by DM to the first officer', async () => {
    const bot = await SlackTestBot.start({ escalationChannel: null, officerIds: [OFFICER, 'UOFFICER2'] });
    try {
      const { press } = await askAndGetButtons(bot, '2.4');
      const pressed = await press('ask_clerk');

      const forwarded = await bot.fake.waitForCall('chat.postMessage', (c) => c.params.channel === OFFICER, pressed.mark);
      expect(textOf(forwarded.params)).toContain('My best match was clause 2.4');
      expect(textOf((await pressed.response()).body)).toContain('I have sent your question to the Clerk');
    } finally {
      await bot.close();
    }
  });
});
