/**
 * A notice to a 500-member council through the real outbox, against a Slack that rate-limits
 * (429 with Retry-After) and fails some calls: every member ends up with exactly one message.
 */
import { aNotice } from '../../builders/notice-builders';
import { dmChannel } from '../../helpers/fake-slack-api';
import { OFFICER, aViewSubmission, noticeFormState } from '../../helpers/slack-payloads';
import { MEMBERS_CHANNEL, SlackTestBot, memberIds, textOf } from '../../helpers/slack-test-bot';

describe('Slack: broadcasting a notice to 500 members', () => {
  let bot: SlackTestBot;

  beforeAll(async () => {
    bot = await SlackTestBot.start({ courier: { perSecond: 1000, perRecipientPerSecond: 1000, pageSize: 200 } });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('messages every member exactly once despite rate limits and failures', async () => {
    const members = memberIds(500);
    bot.seatMembers(members);
    const failedOnce = new Set<string>();
    // Paging the member list is refused once mid-way: the courier waits and carries on.
    bot.fake.when('users.list', (_p, n) => (n === 2 ? { rateLimitSeconds: 1 } : undefined));
    // Slack says "slow down" twice during the sends (a burst, then a single one).
    bot.fake.when('chat.postMessage', (_p, n) => ([40, 41, 42, 300].includes(n) ? { rateLimitSeconds: 1 } : undefined));
    // Some first attempts fail: Slack's own error, or an HTTP 500/503 from its edge.
    bot.fake.when('chat.postMessage', (p) => {
      const member = String(p.channel);
      const i = members.indexOf(member);
      if (i < 0 || failedOnce.has(member)) return undefined;
      const failure = i % 41 === 7 ? { error: 'internal_error' } : i % 67 === 3 ? { httpStatus: 503 } : undefined;
      if (failure) failedOnce.add(member);
      return failure;
    });

    const reply = await bot.send(aViewSubmission({ callbackId: 'notice_modal', user: OFFICER, values: noticeFormState(aNotice() as Record<string, string>) }));
    expect(reply.status).toBe(200);

    const status = await bot.fake.until(() =>
      bot.fake.messages.find((m) => m.channel === dmChannel(OFFICER) && textOf(m).includes('Delivered to 500 of 500 members.') && !/Still/.test(textOf(m))),
    );

    expect(textOf(status)).not.toContain('could not be delivered');
    const perMember = members.map((m) => bot.fake.dmsTo(m).length);
    expect(perMember.filter((n) => n !== 1)).toEqual([]);
    expect(bot.fake.inChannel(MEMBERS_CHANNEL).filter((m) => m.metadata)).toHaveLength(1);
    for (const skipped of ['UBOT', 'USLACKBOT', 'UOTHERBOT', 'UDEACTIVATED']) expect(bot.fake.dmsTo(skipped)).toEqual([]);
    // The fake really did refuse and fail: these are what the outbox got through.
    const outcomes = bot.fake.callsTo('chat.postMessage').map((c) => c.outcome);
    expect(outcomes.filter((o) => o === 'ratelimited').length).toBe(4);
    expect(outcomes.filter((o) => o === 'internal_error' || o === 'http_503').length).toBe(failedOnce.size);
    expect(failedOnce.size).toBeGreaterThan(15);
    expect(bot.fake.callsTo('users.list').filter((c) => c.outcome === 'ratelimited')).toHaveLength(1);
  }, 90_000);
});
