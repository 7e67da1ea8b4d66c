/**
 * End to end through the real Bolt app with the database down: the store (the real SQLite store
 * behind a switch) rejects with STORE_FAILURE, and the user is told so plainly, where they asked.
 */
import { type FailingStore, failingStore } from '../../helpers/failing-store';
import { dmChannel } from '../../helpers/fake-slack-api';
import { OFFICER, aDirectMessage, aSlashCommand, anEventCallback } from '../../helpers/slack-payloads';
import { SlackTestBot, textOf } from '../../helpers/slack-test-bot';

const STORE_DOWN = "The bot's records are not answering just now, so this could not be done. If you were filing a notice, check the register (/protocol notices) before trying again.";

describe('Slack: the database is not answering', () => {
  let bot: SlackTestBot;
  let database: FailingStore;

  beforeAll(async () => {
    bot = await SlackTestBot.start({
      wrapStore: (real) => {
        database = failingStore(real);
        return database.store;
      },
    });
  });
  afterAll(async () => {
    await bot.close();
  });
  afterEach(() => database.failing.clear());

  it('answers a slash command with the store failure message, logs it at error level, and shows no detail', async () => {
    database.failing.add('report');
    const mark = bot.fake.mark();

    const ack = await bot.send(aSlashCommand({ text: 'report', user_id: OFFICER, response_url: bot.fake.responseUrl('report-down') }));

    expect(ack.status).toBe(200);
    const reply = (await bot.fake.waitForResponse('report-down', mark)).body;
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: STORE_DOWN });
    expect(JSON.stringify(reply)).not.toMatch(/PostgreSQL|ECONNREFUSED|Error|at .*\.ts/);
    const logged = await bot.logs.waitFor('Slack request failed');
    expect(logged).toMatchObject({ level: 50, storeFailure: true, err: { code: 'STORE_FAILURE' } });
  });

  it('answers an officer\'s DM in the DM, and works again once the database is back', async () => {
    database.failing.add('forgetUser');
    const mark = bot.fake.mark();

    await bot.send(anEventCallback(aDirectMessage({ text: 'forget UCOUNCILLOR1', user: OFFICER })));

    const post = await bot.fake.waitForCall('chat.postMessage', (c) => c.params.channel === dmChannel(OFFICER), mark);
    expect(textOf(post.params)).toBe(STORE_DOWN);

    database.failing.clear();
    const again = bot.fake.mark();
    await bot.send(anEventCallback(aDirectMessage({ text: 'forget UCOUNCILLOR1', user: OFFICER })));
    const after = await bot.fake.waitForCall('chat.postMessage', (c) => c.params.channel === dmChannel(OFFICER), again);
    expect(textOf(after.params)).toContain('No questions or feedback were held for UCOUNCILLOR1.');
  });
});
