/**
 * End to end through the real Bolt app: an officer's `forget <user id>` (slash command, @mention,
 * DM) erases that person's questions and feedback; anyone else is refused and nothing is erased.
 */
import { FAKE_BOT_USER, dmChannel } from '../../helpers/fake-slack-api';
import { COUNCILLOR, GENERAL_CHANNEL, OFFICER, aDirectMessage, aSlashCommand, anAppMention, anEventCallback } from '../../helpers/slack-payloads';
import { SlackTestBot, textOf } from '../../helpers/slack-test-bot';

const UNANSWERED = 'purple elephants dancing on the moon';

describe('Slack: an officer erases a person\'s records (forget <user id>)', () => {
  let bot: SlackTestBot;

  beforeAll(async () => {
    bot = await SlackTestBot.start();
  });
  afterAll(async () => {
    await bot.close();
  });

  let n = 0;
  /** A /protocol command, and the reply it got: in the ack itself, or at its response URL. */
  const slash = async (text: string, user: string) => {
    const key = `forget-${++n}`;
    const mark = bot.fake.mark();
    const ack = await bot.send(aSlashCommand({ text, user_id: user, response_url: bot.fake.responseUrl(key) }));
    if (ack.body && typeof ack.body === 'object' && (ack.body.text || ack.body.blocks)) return ack.body;
    return (await bot.fake.waitForResponse(key, mark)).body;
  };
  const councillorsQuestions = async () =>
    (await bot.store.report('model', new Date(Date.now() - 3600_000))).filter((r) => r.question === UNANSWERED);

  it('erases a councillor\'s unanswered question for an officer, by slash command with a mention', async () => {
    await slash(UNANSWERED, COUNCILLOR);
    expect(await councillorsQuestions()).toHaveLength(1);

    const reply = await slash(`forget <@${COUNCILLOR}|cllr.smith>`, OFFICER);

    expect(reply.response_type).toBe('ephemeral');
    expect(textOf(reply)).toContain(`Erased 1 question and 0 feedback records for ${COUNCILLOR}.`);
    expect(await councillorsQuestions()).toEqual([]);
    const logged = await bot.logs.waitFor('personal records erased');
    expect(logged).toMatchObject({ erasedUser: COUNCILLOR, platform: 'slack', unanswered: 1, by: { platform: 'slack', userId: OFFICER } });
    expect(JSON.stringify(logged)).not.toContain(UNANSWERED);
  });

  it('refuses a councillor politely, privately in the channel, and erases nothing', async () => {
    await slash(UNANSWERED, COUNCILLOR);
    const mention = anAppMention({ text: `<@${FAKE_BOT_USER}> forget <@${COUNCILLOR}>`, user: 'UCOUNCILLOR2' });
    bot.fake.addUser({ id: 'UCOUNCILLOR2', name: 'cllr.jones' });
    const mark = bot.fake.mark();

    await bot.send(anEventCallback(mention));

    const reply = await bot.fake.waitForCall('chat.postEphemeral', (c) => c.params.channel === GENERAL_CHANNEL, mark);
    expect(reply.params.user).toBe('UCOUNCILLOR2');
    expect(textOf(reply.params)).toContain("Sorry, only officers can erase a person's questions and feedback.");
    expect(await councillorsQuestions()).toHaveLength(1);
    expect(bot.fake.callsTo('chat.postMessage').filter((c) => c.seq > mark && c.params.channel === GENERAL_CHANNEL)).toEqual([]);

    const bySlash = await slash(`forget ${COUNCILLOR}`, COUNCILLOR);
    expect(textOf(bySlash)).toContain('only officers can');
    expect(await councillorsQuestions()).toHaveLength(1);
  });

  it('gives an officer the usage line for a bare "forget" in a DM, and lists it in help', async () => {
    const mark = bot.fake.mark();

    await bot.send(anEventCallback(aDirectMessage({ text: 'forget', user: OFFICER })));

    const post = await bot.fake.waitForCall('chat.postMessage', (c) => c.params.channel === dmChannel(OFFICER), mark);
    expect(textOf(post.params)).toContain("/protocol forget &lt;user id&gt;: erases that person's questions and feedback; the notices register is kept.");
    expect(textOf(await slash('help', OFFICER))).toContain('/protocol forget &lt;user id&gt; erases');
  });

  it('still answers "forget it" as a question', async () => {
    expect(textOf(await slash('forget it', COUNCILLOR))).toContain('Question: forget it');
  });
});
