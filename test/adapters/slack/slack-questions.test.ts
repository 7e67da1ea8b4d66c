/**
 * End to end through the real Bolt app over HTTP: questions by slash command, @mention and DM,
 * answered from the real core, with Slack's request signing enforced.
 */
import { FAKE_BOT_USER, dmChannel } from '../../helpers/fake-slack-api';
import { COUNCILLOR, GENERAL_CHANNEL, OFFICER, aDirectMessage, aSlashCommand, anAppMention, anEventCallback } from '../../helpers/slack-payloads';
import { SlackTestBot, buttonsOf, textOf } from '../../helpers/slack-test-bot';
import { messages } from '../../../src/messages';

describe('Slack: asking questions', () => {
  let bot: SlackTestBot;

  beforeAll(async () => {
    bot = await SlackTestBot.start();
  });
  afterAll(async () => {
    await bot.close();
  });

  const ask = (text: string, user = COUNCILLOR) => bot.send(aSlashCommand({ text, user_id: user, response_url: bot.fake.responseUrl(`cmd-${text.slice(0, 20)}`) }));

  it('answers a /protocol question in the ack, ephemeral, quoting the clause and the escalation path', async () => {
    const reply = await ask('can I ask the clerk to help with my campaign leaflet?');

    expect(reply.status).toBe(200);
    expect(reply.body.response_type).toBe('ephemeral');
    const text = textOf(reply.body);
    expect(text).toContain('Model protocol for town and parish councils');
    expect(text).toMatch(/\*Clause 2\.3: [^*]+\*/);
    expect(text).toContain('\n> '); // the clause verbatim, as a quote
    // Not a complaint, and no step of this council's route governs the clause: no generic complaints route.
    expect(text).not.toContain("If this can't be resolved informally");
    const actionIds = buttonsOf(reply.body).map((b) => b.actionId);
    expect(actionIds).toEqual(expect.arrayContaining(['feedback_helpful', 'feedback_not_helpful', 'ask_clerk', 'share_answer']));
  });

  it('quotes both clauses of a close call, the closer match first, each with its whole clause a button away', async () => {
    const question = 'can an officer be friends with a councillor';
    const answer = bot.core.ask({ council: 'model', role: 'councillor', text: question });
    const second = answer.closeCall?.clause;
    expect(second).toBeDefined();

    const reply = await ask(question);

    const text = textOf(reply.body).toLowerCase();
    const lead = text.indexOf(messages.closeCallLead.toLowerCase());
    const then = text.indexOf(messages.closeCallSecond.toLowerCase());
    expect(lead).toBeGreaterThanOrEqual(0);
    expect(then).toBeGreaterThan(lead);
    expect(text.slice(lead, then)).toContain(`clause ${answer.clauses[0]!.id}`);
    expect(text.slice(then)).toContain(`clause ${second!.id}`);
    const wholes = buttonsOf(reply.body).filter((b) => b.actionId === 'open_clause_whole');
    expect(wholes.map((b) => JSON.parse(b.value).id)).toContain(second!.id);
  });

  it('looks up a clause by number, with the clauses within it as buttons', async () => {
    const reply = await ask('2');

    expect(textOf(reply.body)).toContain('*Clause 2: Roles of Councillors and Employees*');
    const opens = buttonsOf(reply.body).filter((b) => b.actionId.startsWith('open_clause_'));
    expect(opens.map((b) => JSON.parse(b.value).id)).toEqual(['2.1', '2.2', '2.3', '2.4']);
  });

  it('gives an officer the officer escalation path', async () => {
    const reply = await ask('a councillor shouted at me in the office', OFFICER);
    expect(textOf(reply.body)).toContain('as an officer go to:');
  });

  it('says plainly when a clause does not exist, offering the nearest', async () => {
    const reply = await ask('99.9');
    const text = textOf(reply.body);
    expect(text).toContain('There is no clause 99.9');
    expect(buttonsOf(reply.body).some((b) => b.actionId.startsWith('open_clause_'))).toBe(true);
  });

  it('shows help for /protocol help', async () => {
    const reply = await ask('help');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(textOf(reply.body)).toContain('/protocol 2.4');
  });

  it.each([
    ['empty', '', messages.empty],
    ['10,000 characters', 'why '.repeat(2500), messages.tooLong(500)],
    ['only emoji', '🙂🎉🙈', messages.unreadable],
  ])('answers %s input with the core message and no buttons', async (_name, text, expected) => {
    const reply = await ask(text);
    expect(reply.status).toBe(200);
    expect(textOf(reply.body)).toContain(expected);
    expect(buttonsOf(reply.body)).toEqual([]);
  });

  it('records a question nothing answers as unanswered', async () => {
    await ask('purple elephants dancing on the moon');
    const report = await bot.store.report('model', new Date(Date.now() - 60_000));
    expect(report).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'unanswered', question: 'purple elephants dancing on the moon' })]));
  });

  it('echoes the question so that nothing a user typed can ping anyone', async () => {
    // As Slack sends it: real @channel/@here/@everyone/@bob mentions as tokens, and a literal
    // "<!channel>" and "&" the user typed as entities.
    const reply = await ask('<!channel> <!here> <!everyone> <@U123|bob> &amp; &lt;!channel&gt; can officers attend political group meetings?');

    const text = textOf(reply.body);
    expect(text).toContain('Question: @channel @here @everyone @bob &amp; &lt;!channel&gt; can officers attend');
    expect(text).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U123/);
    expect(reply.body.text).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U123/);
  });

  it('reads Slack\'s entities as the characters the user typed', async () => {
    const reply = await ask('can councillors &amp; officers meet &lt;in private&gt;?');
    expect(textOf(reply.body)).toContain('Question: can councillors &amp; officers meet &lt;in private&gt;?');
  });

  it('answers an @mention in the thread, without the mention in the question', async () => {
    const mention = anAppMention({ text: `<@${FAKE_BOT_USER}> can I ask the clerk to help with my campaign leaflet?` });
    const mark = bot.fake.mark();

    const reply = await bot.send(anEventCallback(mention));

    expect(reply.status).toBe(200);
    const post = await bot.fake.waitForCall('chat.postMessage', (c) => c.params.channel === GENERAL_CHANNEL, mark);
    expect(post.params.thread_ts).toBe(mention.ts);
    expect(textOf(post.params)).toContain('Clause 2.3');
    expect(post.params.link_names).toBeUndefined();
    expect(post.params.parse).toBeUndefined();
    expect(buttonsOf(post.params).map((b) => b.actionId)).not.toContain('share_answer');
  });

  it('answers a direct message in the DM', async () => {
    const dm = aDirectMessage({ text: '2.4' });
    const mark = bot.fake.mark();

    await bot.send(anEventCallback(dm));

    const post = await bot.fake.waitForCall('chat.postMessage', (c) => c.params.channel === dmChannel(COUNCILLOR), mark);
    expect(textOf(post.params)).toContain('*Clause 2.4: Officers*');
  });

  it('escapes <!channel> in a mention answered in a channel', async () => {
    const mention = anAppMention({ text: `<@${FAKE_BOT_USER}> <!channel> purple elephants <@U999> &lt;!here&gt;?` });
    const mark = bot.fake.mark();

    await bot.send(anEventCallback(mention));

    const post = await bot.fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === mention.ts, mark);
    expect(textOf(post.params)).not.toMatch(/<!channel>|<@U999>|<!here>/);
    expect(post.params.text).not.toMatch(/<!channel>|<@U999>|<!here>/);
  });

  it('answers an event once when Slack retries it with the same event_id', async () => {
    const mention = anAppMention({ text: `<@${FAKE_BOT_USER}> 2.4` });
    const first = anEventCallback(mention);
    const retry = { ...first };

    await bot.send(first);
    await bot.fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === mention.ts);
    // Slack signs each retry when it sends it: same body, a later timestamp, a new signature.
    const again = await bot.send(retry, {
      timestamp: Math.floor(Date.now() / 1000) + 1,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    const settled = await bot.logs.waitForLines(
      (l) => l.eventId === first.eventId && (l.msg === 'Slack event handled' || l.msg === 'duplicate Slack event ignored'),
      2,
    );

    expect(again.status).toBe(200);
    expect(settled.map((l) => l.msg).sort()).toEqual(['Slack event handled', 'duplicate Slack event ignored'].sort());
    expect(bot.fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === mention.ts)).toHaveLength(1);
  });

  it('answers Slack\'s URL verification challenge when the request URL is set up', async () => {
    const reply = await bot.send({ contentType: 'application/json', body: JSON.stringify({ type: 'url_verification', token: 't', challenge: 'c-123' }) });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ challenge: 'c-123' });
  });

  describe('request signing', () => {
    it.each([
      ['a forged signature', { secret: 'not-the-signing-secret' }],
      ['a stale timestamp (over five minutes old)', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
      ['no signature at all', { unsigned: true }],
    ])('refuses %s with 401 and does nothing', async (_name, sign) => {
      const mark = bot.fake.mark();
      const mention = anAppMention({ text: `<@${FAKE_BOT_USER}> 2.4` });

      const command = await bot.send(aSlashCommand({ text: '2.4', response_url: bot.fake.responseUrl('forged') }), sign);
      const event = await bot.send(anEventCallback(mention), sign);

      expect(command.status).toBe(401);
      expect(command.body).toBe('');
      expect(event.status).toBe(401);
      // A genuine request sent after them is handled, and it is the only thing the fake saw.
      await bot.send(anEventCallback(anAppMention({ text: `<@${FAKE_BOT_USER}> 2.3`, ts: '1.000001' })));
      await bot.fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === '1.000001', mark);
      expect(bot.fake.calls.filter((c) => c.seq > mark).map((c) => c.params.thread_ts)).toEqual(['1.000001']);
      expect(bot.fake.responses.filter((r) => r.key === 'forged')).toEqual([]);
    });
  });
});
