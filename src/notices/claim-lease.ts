/**
 * The lease on one claimed batch. Claims are short (OUTBOX_DEFAULTS.leaseMs) so that a replica that
 * dies mid-broadcast frees its rows within seconds; the lane that is still working renews them every
 * third of the lease, and never starts a send on a lease it can no longer vouch for.
 */
import type { Logger } from '../logger';
import type { BotStore, Delivery } from '../store/store';

/**
 * A send still running after this long is presumed hung (a platform call with no timeout): its row
 * stops being renewed, so it lapses and is claimed again, and findDelivered decides whether to resend.
 */
export const HUNG_SEND_MS = 2 * 60_000;

export class ClaimLease {
  private readonly held: Set<string>;
  private readonly sendingSince = new Map<string, number>();
  private leaseUntil: number;
  private readonly timer: NodeJS.Timeout;
  private renewing: Promise<void> | undefined;

  constructor(
    private readonly store: BotStore,
    batch: Delivery[],
    private readonly claimedAt: Date,
    private readonly leaseMs: number,
    private readonly clock: () => Date,
    private readonly logger: Logger,
    private readonly hungSendMs = HUNG_SEND_MS,
  ) {
    this.held = new Set(batch.map((d) => d.id));
    this.leaseUntil = claimedAt.getTime() + leaseMs;
    this.timer = setInterval(() => void this.renew(), Math.max(10, Math.floor(leaseMs / 3)));
    // A forgotten lease must never keep the process alive; sends under way do that themselves.
    this.timer.unref();
  }

  /**
   * True while the row is still this batch's and the lease has at least a third of its time left,
   * so a send started now finishes before anyone else may claim the row.
   */
  holds(deliveryId: string): boolean {
    return this.held.has(deliveryId) && this.clock().getTime() < this.leaseUntil - this.leaseMs / 3;
  }

  /** The platform call for this row starts now. */
  sending(deliveryId: string): void {
    this.sendingSince.set(deliveryId, this.clock().getTime());
  }

  /** The row's outcome is recorded (or it goes back to the queue): stop renewing it. */
  finish(deliveryId: string): void {
    this.held.delete(deliveryId);
    this.sendingSince.delete(deliveryId);
  }

  /** Rows still this batch's, to release; lost ones are someone else's now. */
  stillHeld(deliveries: Delivery[]): Delivery[] {
    return deliveries.filter((d) => this.held.has(d.id));
  }

  /** No more renewals: the batch is done, or stop gave up on it (its rows lapse and are rechecked). */
  end(): void {
    clearInterval(this.timer);
    this.held.clear();
    this.sendingSince.clear();
  }

  private async renew(): Promise<void> {
    if (this.renewing || this.held.size === 0) return;
    const now = this.clock().getTime();
    const hung = [...this.held].filter((id) => now - (this.sendingSince.get(id) ?? now) >= this.hungSendMs);
    for (const id of hung) this.held.delete(id);
    if (hung.length > 0) this.logger.warn({ deliveryIds: hung, afterMs: this.hungSendMs }, 'sends presumed hung: their leases are left to lapse');
    const ids = [...this.held];
    if (ids.length === 0) return;
    const until = now + this.leaseMs;
    this.renewing = (async () => {
      try {
        const renewed = new Set(await this.store.renewLeases(ids, this.claimedAt, new Date(until)));
        const lost = ids.filter((id) => !renewed.has(id) && this.held.has(id));
        for (const id of lost) this.held.delete(id);
        if (lost.length > 0) this.logger.warn({ lost: lost.length }, 'delivery leases lost to another claimer; those rows are not sent from here');
        this.leaseUntil = until;
      } catch (err) {
        // Keep the old expiry: holds() stops new sends before it lapses.
        this.logger.error({ err }, 'could not renew delivery leases');
      } finally {
        this.renewing = undefined;
      }
    })();
    await this.renewing;
  }
}
