/**
 * A fake of the outside world: a chat platform with members, rate limits and failures, and the
 * couriers (one per bot replica) that talk to it. Records every message that reached a member.
 */
import type { Courier, DeliveryRequest, Recipient } from '../../src/notices/courier';
import { renderNoticeText } from '../../src/notices/notice-messages';
import { DeliveryError } from '../../src/errors';
import type { Platform } from '../../src/store/store';

/** What happens to successive deliver calls for one recipient; after the script, delivery succeeds. */
export type Hiccup = 'rate-limit' | 'transient' | 'permanent';

export interface SentMessage {
  messageId: string;
  deliveryId: string;
  noticeId: string;
  recipient: string;
  text: string;
  /** Which replica's courier sent it. */
  via: string;
}

export class FakeChatPlatform {
  readonly sent: SentMessage[] = [];
  /** Deliver calls that arrived while the platform had told the bot to wait; refused with 429 like Slack does. */
  readonly refusedWhilePaused: string[] = [];
  findDeliveredCalls = 0;
  listFailuresLeft = 0;
  /** How long each deliver call takes before the message reaches its member (a slow Slack). */
  sendDelayMs = 0;
  private readonly scripts = new Map<string, Hiccup[]>();
  private readonly alwaysFailing = new Set<string>();
  private rateLimitedUntil = 0;
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;
  private inProgress = 0;
  private readonly inProgressVia = new Map<string, number>();
  private readonly watchers: { test: () => boolean; resolve: () => void }[] = [];
  private nextMessage = 1;

  constructor(
    readonly members: string[],
    private readonly clock: () => Date,
    readonly retryAfterMs = 30_000,
  ) {}

  /** Scripts failures for a recipient's next deliver calls. */
  script(recipient: string, ...hiccups: Hiccup[]): this {
    this.scripts.set(recipient, hiccups);
    return this;
  }

  /** Every deliver call for this recipient fails transiently. */
  alwaysFail(recipient: string): this {
    this.alwaysFailing.add(recipient);
    return this;
  }

  /** Deliver calls block until release() is called. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  sendsTo(recipient: string): number {
    return this.sent.filter((m) => m.recipient === recipient).length;
  }

  /** Resolves once `n` deliver calls are under way at the same moment (used with hold()). */
  whenInProgress(n: number): Promise<void> {
    return this.when(() => this.inProgress >= n);
  }

  /** Resolves once a deliver call from this replica's courier is under way. */
  whenInProgressVia(via: string): Promise<void> {
    return this.when(() => (this.inProgressVia.get(via) ?? 0) > 0);
  }

  whenSent(n: number): Promise<void> {
    return this.when(() => this.sent.length >= n);
  }

  /** A courier for one bot replica; several may share this platform. */
  courier(platform: Platform, options: { via?: string; limits?: Courier['limits'] } = {}): Courier {
    const via = options.via ?? 'replica-1';
    return {
      platform,
      limits: options.limits ?? { perSecond: 10_000, perRecipientPerSecond: 10_000 },
      listRecipients: async (): Promise<Recipient[]> => {
        if (this.listFailuresLeft > 0) {
          this.listFailuresLeft -= 1;
          throw new DeliveryError('DELIVERY_TRANSIENT', 'conversations.members: internal_error');
        }
        return this.members.map((id) => ({ id }));
      },
      deliver: (request) => this.deliver(request, via),
      findDelivered: async (request) => {
        this.findDeliveredCalls += 1;
        const found = this.sent.find((m) => m.deliveryId === request.deliveryId);
        return found ? { messageId: found.messageId } : null;
      },
    };
  }

  /** Sends as a crashed replica would have: the message reaches the member, nothing is recorded. */
  sendBehindTheBotsBack(request: DeliveryRequest): string {
    return this.record(request, 'crashed-replica');
  }

  private async deliver(request: DeliveryRequest, via: string): Promise<{ messageId: string }> {
    this.inProgress += 1;
    this.inProgressVia.set(via, (this.inProgressVia.get(via) ?? 0) + 1);
    this.check();
    try {
      if (this.gate) await this.gate;
      if (this.sendDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.sendDelayMs));
      const waitMs = this.rateLimitedUntil - this.clock().getTime();
      if (waitMs > 0) {
        this.refusedWhilePaused.push(request.recipient);
        throw new DeliveryError('DELIVERY_RATE_LIMITED', 'ratelimited', waitMs);
      }
      if (this.alwaysFailing.has(request.recipient)) throw new DeliveryError('DELIVERY_TRANSIENT', 'upstream timeout');
      const hiccup = this.scripts.get(request.recipient)?.shift();
      if (hiccup === 'rate-limit') {
        this.rateLimitedUntil = this.clock().getTime() + this.retryAfterMs;
        throw new DeliveryError('DELIVERY_RATE_LIMITED', 'ratelimited', this.retryAfterMs);
      }
      if (hiccup === 'transient') throw new DeliveryError('DELIVERY_TRANSIENT', 'service_unavailable');
      if (hiccup === 'permanent') throw new DeliveryError('DELIVERY_PERMANENT', 'user_not_found');
      return { messageId: this.record(request, via) };
    } finally {
      this.inProgress -= 1;
      this.inProgressVia.set(via, (this.inProgressVia.get(via) ?? 1) - 1);
    }
  }

  private record(request: DeliveryRequest, via: string): string {
    const messageId = `msg-${this.nextMessage++}`;
    const text = renderNoticeText(request.notice);
    this.sent.push({ messageId, deliveryId: request.deliveryId, noticeId: request.notice.id, recipient: request.recipient, text, via });
    this.check();
    return messageId;
  }

  private when(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.watchers.push({ test, resolve }));
  }

  private check(): void {
    for (const w of [...this.watchers]) {
      if (w.test()) {
        this.watchers.splice(this.watchers.indexOf(w), 1);
        w.resolve();
      }
    }
  }
}

export function memberIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `U${String(i + 1).padStart(3, '0')}`);
}
