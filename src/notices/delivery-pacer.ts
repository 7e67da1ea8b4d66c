/**
 * Paces sends within a courier's limits: a token bucket for all sends (bursting up to one second's
 * worth) and one per recipient or channel (no burst). Implemented as GCRA: a slot is taken
 * synchronously, so concurrent senders never both take the last token.
 */

export interface PaceLimits {
  perSecond: number;
  perRecipientPerSecond: number;
}

const intervalMs = (perSecond: number) => (Number.isFinite(perSecond) && perSecond > 0 ? 1000 / perSecond : 0);

export class DeliveryPacer {
  private readonly globalIntervalMs: number;
  private readonly globalToleranceMs: number;
  private readonly recipientIntervalMs: number;
  private globalTat = Number.NEGATIVE_INFINITY;
  private readonly recipientTat = new Map<string, number>();

  /** `now` is a monotonic millisecond clock: pacing is about real time whatever the outbox clock says. */
  constructor(
    limits: PaceLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.globalIntervalMs = intervalMs(limits.perSecond);
    const burst = Number.isFinite(limits.perSecond) ? Math.max(1, Math.floor(limits.perSecond)) : 1;
    this.globalToleranceMs = (burst - 1) * this.globalIntervalMs;
    this.recipientIntervalMs = intervalMs(limits.perRecipientPerSecond);
  }

  /**
   * Takes a slot for a send to `recipient` now and returns 0, or takes nothing and returns how many
   * ms to wait before asking again. Nothing is reserved ahead, so a busy channel never holds back
   * sends to other recipients.
   */
  take(recipient: string): number {
    const now = this.now();
    const recipientTat = this.recipientTat.get(recipient) ?? Number.NEGATIVE_INFINITY;
    const readyAt = Math.max(this.globalTat - this.globalToleranceMs, recipientTat);
    if (readyAt > now) return readyAt - now;
    this.globalTat = Math.max(this.globalTat, now) + this.globalIntervalMs;
    this.recipientTat.set(recipient, Math.max(recipientTat, now) + this.recipientIntervalMs);
    if (this.recipientTat.size > 10_000) this.forgetIdle(now);
    return 0;
  }

  /** Recipients whose next slot has passed need no entry: a fresh one behaves the same. */
  private forgetIdle(now: number): void {
    for (const [recipient, tat] of this.recipientTat) if (tat <= now) this.recipientTat.delete(recipient);
  }
}
