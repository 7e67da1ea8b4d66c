/**
 * Slack's posting limits, enforced by the fake Slack Web API through its rule hook: about one
 * message a second per channel and a workspace-wide rate, each a token bucket (GCRA) that allows a
 * burst of one second's worth. Beyond either, chat.postMessage gets 429 with Retry-After in whole
 * seconds, as Slack sends it. A refused call takes no token.
 */
import type { FakeRule, FakeSlackApi } from '../test/helpers/fake-slack-api';

export interface PostingLimits {
  perSecond: number;
  perChannelPerSecond: number;
}

class Bucket {
  private tat = Number.NEGATIVE_INFINITY;
  private readonly intervalMs: number;
  private readonly toleranceMs: number;

  constructor(perSecond: number, burst: number) {
    this.intervalMs = Number.isFinite(perSecond) && perSecond > 0 ? 1000 / perSecond : 0;
    this.toleranceMs = this.intervalMs > 0 ? (Math.max(1, burst) - 1) * this.intervalMs : 0;
  }

  /** ms until a token is free (0: free now). */
  waitMs(now: number): number {
    return Math.max(0, this.tat - this.toleranceMs - now);
  }

  take(now: number): void {
    this.tat = Math.max(this.tat, now) + this.intervalMs;
  }
}

export class SlackPostingLimiter {
  accepted = 0;
  /** When each refusal happened, on the limiter's clock. */
  readonly refusedAt: number[] = [];
  private readonly all: Bucket;
  private readonly channels = new Map<string, Bucket>();

  constructor(
    private readonly limits: PostingLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.all = new Bucket(limits.perSecond, Math.floor(limits.perSecond));
  }

  /** Makes `fake` enforce these limits on chat.postMessage. */
  install(fake: FakeSlackApi): void {
    fake.when('chat.postMessage', this.rule);
  }

  private readonly rule: FakeRule = (params) => {
    const now = this.now();
    const key = String(params.channel ?? '');
    let channel = this.channels.get(key);
    if (!channel) this.channels.set(key, (channel = new Bucket(this.limits.perChannelPerSecond, 1)));
    const waitMs = Math.max(this.all.waitMs(now), channel.waitMs(now));
    if (waitMs > 0) {
      this.refusedAt.push(now);
      return { rateLimitSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    this.all.take(now);
    channel.take(now);
    this.accepted += 1;
    return undefined;
  };
}
