/**
 * Section 4: a notice to 1,000 members through the real NoticeService, NoticeOutbox and Slack
 * courier, with a SQLite store in a temp dir, against the fake Slack Web API enforcing Slack's
 * posting limits (1 message a second per channel, 50 a second in all, 429 + Retry-After beyond).
 * The bound those limits set is the baseline; the same broadcast with no limits anywhere shows
 * what the pipeline itself costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackCourier } from '../adapters/slack/slack-adapter';
import type { SlackConfig } from '../src/config';
import { silentLogger } from '../src/logger';
import { NoticeOutbox } from '../src/notices/notice-outbox';
import { NoticeService } from '../src/notices/notice-service';
import { openStore } from '../src/store/open-store';
import { aFiler, aNotice } from '../test/builders/notice-builders';
import { FAKE_BOT_TOKEN, FakeSlackApi } from '../test/helpers/fake-slack-api';
import { TEST_SIGNING_SECRET } from '../test/helpers/slack-signing';
import { verdict, type SectionReport } from './report';
import { DEFAULT_COUNCIL } from './seed-content';
import { SlackPostingLimiter, type PostingLimits } from './slack-rate-limits';

const MEMBERS = 1000;
const MEMBERS_CHANNEL = 'CBENCHMEMBERS';
const SLACK_LIMITS: PostingLimits = { perSecond: 50, perChannelPerSecond: 1 };
const NO_LIMITS: PostingLimits = { perSecond: Number.POSITIVE_INFINITY, perChannelPerSecond: Number.POSITIVE_INFINITY };
const TARGET_OVER_BOUND = 0.1;
const DEADLINE_MS = 60_000;
const SETTLE_MS = 10_000;

export const BROADCAST_TITLE = '4. Notice broadcast';

interface Broadcast {
  /** From NoticeService.file() to the fake accepting the last message; NaN if it never did. */
  totalMs: number;
  firstMessageMs: number;
  messages: number;
  /** Distinct DMs and channels the messages went to: fewer than messages means someone got two. */
  recipients: number;
  delivered: number;
  failed: number;
  rateLimited: number;
  /** Seconds after filing at which the fake answered 429. */
  refusedAtS: number[];
}

export async function measureBroadcast(): Promise<SectionReport> {
  const expected = MEMBERS + 1;
  const boundMs = (expected / SLACK_LIMITS.perSecond) * 1000;
  const floorMs = ((expected - SLACK_LIMITS.perSecond) / SLACK_LIMITS.perSecond) * 1000;
  const unpaced = await broadcast(NO_LIMITS, { perSecond: 10_000, perRecipientPerSecond: 10_000 });
  const paced = await broadcast(SLACK_LIMITS, { perSecond: SLACK_LIMITS.perSecond, perRecipientPerSecond: SLACK_LIMITS.perChannelPerSecond });
  const s = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : `not finished in ${DEADLINE_MS / 1000} s`);
  const outcome = (b: Broadcast) => `${b.delivered} delivered, ${b.failed} failed; the fake accepted ${b.messages} messages to ${b.recipients} recipients`;
  return {
    title: BROADCAST_TITLE,
    method: `NoticeService.file() of one notice, delivered by NoticeOutbox (production defaults) through the Slack courier paced at ${SLACK_LIMITS.perSecond}/s and ${SLACK_LIMITS.perChannelPerSecond}/s per channel, to ${MEMBERS} members (DMs) plus the members channel, SQLite store in a temp dir; timed to the fake accepting the last message.`,
    rows: [
      {
        measure: `${MEMBERS} DMs + 1 channel post, Slack limits enforced`,
        target: `≤ bound + ${TARGET_OVER_BOUND * 100}% (${s(boundMs * (1 + TARGET_OVER_BOUND))})`,
        measured: `${s(paced.totalMs)} (${againstBound(paced.totalMs, boundMs)})`,
        baseline: `bound ${s(boundMs)} (${expected} messages at ${SLACK_LIMITS.perSecond}/s)`,
        verdict: verdict(paced.totalMs <= boundMs * (1 + TARGET_OVER_BOUND) && paced.failed === 0),
      },
      { measure: '429s received (Slack limits enforced)', target: '—', measured: String(paced.rateLimited), baseline: '0', verdict: 'report only' },
      { measure: 'Outcome (Slack limits enforced)', target: `${expected} delivered, each once`, measured: outcome(paced), baseline: '—', verdict: verdict(paced.delivered === expected && paced.messages === expected && paced.recipients === expected) },
      {
        measure: 'Same broadcast, no limits anywhere',
        target: '—',
        measured: `${s(unpaced.totalMs)}; ${outcome(unpaced)}`,
        baseline: '—',
        verdict: 'report only',
      },
    ],
    notes: [
      `The fake's buckets allow a burst of one second's worth, as the courier's pacer does, so the least possible time is ${s(floorMs)}; the brief's bound (${s(boundMs)}) is the target's reference.`,
      `429s came at ${paced.refusedAtS.length ? paced.refusedAtS.map((t) => `${t.toFixed(1)}`).join(', ') : 'no time'} s after filing; each carried Retry-After: 1 and paused the courier.`,
      `First message accepted ${s(paced.firstMessageMs)} after filing (member list read: conversations.members and users.list, paged).`,
      `Without limits the pipeline moved ${expected} messages in ${s(unpaced.totalMs)}: about ${(unpaced.totalMs / expected).toFixed(2)} ms a message, which is what each paced send costs on top of waiting for its slot.`,
    ],
  };
}

async function broadcast(limits: PostingLimits, pacing: { perSecond: number; perRecipientPerSecond: number }): Promise<Broadcast> {
  const fake = await FakeSlackApi.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'protocol-bench-broadcast-'));
  const logger = silentLogger();
  const members = Array.from({ length: MEMBERS }, (_, i) => `UMEMBER${String(i + 1).padStart(5, '0')}`);
  for (const id of members) fake.addUser({ id, name: `councillor.${id.toLowerCase()}` });
  fake.setChannelMembers(MEMBERS_CHANNEL, members);
  const limiter = new SlackPostingLimiter(limits);
  limiter.install(fake);
  const config: SlackConfig = {
    mode: 'http',
    botToken: FAKE_BOT_TOKEN,
    signingSecret: TEST_SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    officerIds: [],
    membersChannel: MEMBERS_CHANNEL,
  };
  const store = await openStore({ dataDir, logger });
  const courier = createSlackCourier({ config, logger, options: pacing });
  if (!courier) throw new Error('the Slack courier was not created (no members channel?)');
  const notices = new NoticeService({ store, couriers: [courier], logger, council: DEFAULT_COUNCIL });
  const outbox = new NoticeOutbox({ store, couriers: [courier], logger });
  const expected = MEMBERS + 1;
  try {
    outbox.start();
    const t0 = performance.now();
    let firstMessageMs = Number.NaN;
    const allAccepted = fake.until(() => {
      if (Number.isNaN(firstMessageMs) && fake.messages.length > 0) firstMessageMs = performance.now() - t0;
      return fake.messages.length >= expected ? performance.now() - t0 : undefined;
    });
    const filed = await notices.file(aNotice(), aFiler());
    if (!filed.ok) throw new Error(`the notice was refused: ${JSON.stringify(filed.errors)}`);
    const totalMs = await within(allAccepted, DEADLINE_MS);
    // The last sends are recorded in the store just after the fake accepted them.
    let progress = await notices.progress(filed.notice.id);
    for (const settleBy = performance.now() + SETTLE_MS; !progress.done && performance.now() < settleBy; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      progress = await notices.progress(filed.notice.id);
    }
    return {
      totalMs: totalMs ?? Number.NaN,
      firstMessageMs,
      messages: fake.messages.length,
      recipients: new Set(fake.messages.map((m) => m.channel)).size,
      // The notice's progress counts the members and the members channel apart; both were sent to.
      delivered: progress.delivered + progress.channels.delivered,
      failed: progress.failed,
      rateLimited: fake.callsTo('chat.postMessage').filter((c) => c.outcome === 'ratelimited').length,
      refusedAtS: limiter.refusedAt.map((at) => (at - t0) / 1000),
    };
  } finally {
    await outbox.stop();
    await store.close();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** "2.2% over the bound", "1.2% under the bound". */
function againstBound(ms: number, boundMs: number): string {
  if (!Number.isFinite(ms)) return 'unfinished';
  const over = ms / boundMs - 1;
  return `${Math.abs(over * 100).toFixed(1)}% ${over >= 0 ? 'over' : 'under'} the bound`;
}

/** `work`'s value if it settles within `ms`, else undefined. */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
