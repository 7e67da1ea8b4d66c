/**
 * Crash safety, end to end: the bot runs as its own process (the deployed entry point), files a
 * notice from a signed view_submission, and is SIGKILLed mid-broadcast while Slack is slow to
 * answer. Restarted on the same DATA_DIR, it finishes the broadcast: every member has the notice
 * exactly once, including those whose message Slack had accepted but not yet confirmed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aNotice } from '../../builders/notice-builders';
import { FAKE_BOT_TOKEN, FAKE_BOT_USER, FakeSlackApi, dmChannel } from '../../helpers/fake-slack-api';
import { BotProcess } from '../../helpers/slack-bot-process';
import { OFFICER, aViewSubmission, noticeFormState } from '../../helpers/slack-payloads';
import { TEST_SIGNING_SECRET, slackSignatureHeaders } from '../../helpers/slack-signing';
import { MEMBERS_CHANNEL, memberIds, textOf } from '../../helpers/slack-test-bot';

const MEMBERS = memberIds(60);
/** Past the outbox's five-minute stale window for claims left by a crashed process. */

describe('Slack: a crash mid-broadcast', () => {
  let fake: FakeSlackApi;
  let dataDir: string;
  const running: BotProcess[] = [];

  beforeAll(async () => {
    fake = await FakeSlackApi.start();
    fake.addUser({ id: OFFICER });
    for (const id of MEMBERS) fake.addUser({ id });
    fake.addUser({ id: 'UOTHERBOT', is_bot: true });
    fake.setChannelMembers(MEMBERS_CHANNEL, [FAKE_BOT_USER, 'USLACKBOT', ...MEMBERS, 'UOTHERBOT']);
    dataDir = mkdtempSync(join(tmpdir(), 'slack-crash-'));
  });
  afterAll(async () => {
    for (const bot of running) await bot.stop();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const env = () => ({
    SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_MEMBERS_CHANNEL: MEMBERS_CHANNEL,
    SLACK_OFFICER_IDS: OFFICER,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    COUNCIL: 'model',
  });

  it('finishes after a restart with every member messaged exactly once', async () => {
    // Slack accepts each notice message at once but is slow to say so: a kill lands mid-send.
    fake.when('chat.postMessage', (p) => (MEMBERS.includes(String(p.channel)) ? { delayMs: 300 } : undefined));
    const first = await BotProcess.start(env());
    running.push(first);
    expect((await fetch(`http://127.0.0.1:${first.port}/healthz`)).status).toBe(200);

    const submission = aViewSubmission({ callbackId: 'notice_modal', user: OFFICER, values: noticeFormState(aNotice() as Record<string, string>) });
    const filed = await fetch(`http://127.0.0.1:${first.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': submission.contentType, ...slackSignatureHeaders(submission.body) },
      body: submission.body,
    });
    expect(filed.status).toBe(200);

    const delivered = () => MEMBERS.filter((m) => fake.dmsTo(m).length > 0).length;
    await fake.until(() => delivered() >= 15);
    await first.crash();
    const unconfirmed = fake.callsTo('chat.postMessage').filter((c) => c.outcome === 'ok' && !c.answered && MEMBERS.includes(String(c.params.channel)));
    const beforeRestart = delivered();
    expect(unconfirmed.length).toBeGreaterThan(0); // sent, but the bot died before hearing so
    expect(beforeRestart).toBeLessThan(MEMBERS.length);

    fake.clearRules();
    // No clock tricks: the embedded store's start-up recovery returns the interrupted sends at once.
    const second = await BotProcess.start(env());
    running.push(second);
    expect((await fetch(`http://127.0.0.1:${second.port}/healthz`)).status).toBe(200);

    // The filer's status message, followed again after the restart, reaches the final count.
    const status = await fake.until(() =>
      fake.messages.find((m) => m.channel === dmChannel(OFFICER) && textOf(m).includes(`Delivered to ${MEMBERS.length} of ${MEMBERS.length} members.`) && !/Still/.test(textOf(m))),
    );

    expect(textOf(status)).not.toContain('could not be delivered');
    expect(MEMBERS.map((m) => fake.dmsTo(m).length).filter((n) => n !== 1)).toEqual([]);
    expect(fake.inChannel(MEMBERS_CHANNEL).filter((m) => m.metadata)).toHaveLength(1);
    for (const call of unconfirmed) expect(fake.dmsTo(String(call.params.channel))).toHaveLength(1);
    // The restarted bot looked for the unconfirmed sends instead of sending them again.
    expect(fake.callsTo('conversations.history').length).toBeGreaterThan(0);
  }, 120_000);
});
