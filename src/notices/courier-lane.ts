/**
 * One courier's share of the outbox: claims a batch of its due deliveries, paces and sends them
 * with bounded concurrency, and records every outcome. Each delivery is handled on its own: one
 * member's failure never stops the rest.
 */
import { DeliveryError } from '../errors';
import type { Logger } from '../logger';
import { ROSTER_RECIPIENT, type BotStore, type Delivery, type StoredNotice } from '../store/store';
import { ClaimLease } from './claim-lease';
import type { Courier, DeliveryRequest } from './courier';
import { planAfterFailure, type RetryPolicy } from './delivery-failure';
import { DeliveryPacer } from './delivery-pacer';

export interface LaneSettings extends RetryPolicy {
  clock: () => Date;
  /** How long a claim holds without renewal; renewed every third of it while the batch is worked. */
  leaseMs: number;
  batchSize: number;
  concurrency: number;
}

/** A batch holds about this many seconds of sends at the courier's rate, so claims never go stale. */
const BATCH_SECONDS = 10;

type Outcome = 'done' | 'held';

export class CourierLane {
  /** Clock time (ms) before which nothing is claimed or sent: the platform asked us to wait. */
  pausedUntil = 0;
  private claiming = true;
  private abandoned = false;
  private readonly abandon = new AbortController();
  private readonly pacer: DeliveryPacer;
  private readonly batchSize: number;
  private readonly running = new Set<Promise<number>>();
  private readonly leases = new Set<ClaimLease>();

  constructor(
    private readonly courier: Courier,
    private readonly store: BotStore,
    private readonly logger: Logger,
    private readonly settings: LaneSettings,
  ) {
    this.pacer = new DeliveryPacer(courier.limits);
    const perBatch = Number.isFinite(courier.limits.perSecond) ? Math.ceil(courier.limits.perSecond * BATCH_SECONDS) : settings.batchSize;
    this.batchSize = Math.max(1, Math.min(settings.batchSize, perBatch));
  }

  get platform() {
    return this.courier.platform;
  }

  isPaused(): boolean {
    return this.settings.clock().getTime() < this.pausedUntil;
  }

  /** Claims one batch (unless paused or stopping) and works it; resolves with how many were claimed. */
  runOnce(): Promise<number> {
    const run = this.claimAndWork();
    this.running.add(run);
    void run.finally(() => this.running.delete(run)).catch(() => undefined);
    return run;
  }

  /** No new claims from now on; batches already claimed carry on. */
  stopClaiming(): void {
    this.claiming = false;
  }

  /** Sends not yet started go back to the queue at once instead (used by stop). */
  abandonUnsent(): void {
    this.abandoned = true;
    this.abandon.abort();
  }

  /**
   * Stop renewing the leases of sends still hanging (stop's grace is over): their rows lapse within
   * a lease and are claimed again as possibly sent, so findDelivered is asked before any resend.
   */
  endLeases(): void {
    for (const lease of this.leases) lease.end();
    this.leases.clear();
  }

  /** Resolves when no batch is being worked. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private async claimAndWork(): Promise<number> {
    if (!this.claiming || this.isPaused()) return 0;
    const { clock, leaseMs, concurrency } = this.settings;
    const claimedAt = clock();
    const batch = await this.store.claimDeliveries(this.platform, this.batchSize, claimedAt, leaseMs);
    if (batch.length === 0) return 0;
    this.logger.debug({ platform: this.platform, claimed: batch.length }, 'deliveries claimed');
    const lease = new ClaimLease(this.store, batch, claimedAt, leaseMs, clock, this.logger);
    this.leases.add(lease);

    const queue = [...batch];
    const held: Delivery[] = [];
    const releases: Promise<void>[] = [];
    // On stop, rows not yet started go back to the queue now, not when the slowest send returns.
    const returnRest = () => releases.push(this.release(queue.splice(0), lease));
    this.abandon.signal.addEventListener('abort', returnRest, { once: true });
    const notices = new Map<string, Promise<StoredNotice | null>>();
    const worker = async () => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        if (!lease.holds(d.id)) held.push(d);
        else if (this.mustHold() || (await this.handleSafely(d, notices, lease)) === 'held') held.push(d);
        else lease.finish(d.id);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
      await Promise.all([...releases, this.release(held, lease)]);
    } finally {
      this.abandon.signal.removeEventListener('abort', returnRest);
      lease.end();
      this.leases.delete(lease);
    }
    return batch.length;
  }

  /** Returns rows this batch still holds to the queue, due when any pause ends, the attempt not counted. */
  private async release(rows: Delivery[], lease: ClaimLease): Promise<void> {
    const ours = lease.stillHeld(rows);
    for (const d of ours) lease.finish(d.id);
    if (ours.length === 0) return;
    const resumeAt = new Date(Math.max(this.settings.clock().getTime(), this.pausedUntil));
    try {
      await this.store.releaseDeliveries(
        ours.map((d) => d.id),
        resumeAt,
      );
      this.logger.info({ platform: this.platform, released: ours.length, resumeAt }, 'unsent deliveries returned to the queue');
    } catch (err) {
      this.logger.error({ err, platform: this.platform, rows: ours.length }, 'could not return unsent deliveries; they are claimed again once their lease lapses');
    }
  }

  private mustHold(): boolean {
    return this.abandoned || this.isPaused();
  }

  /**
   * A store error while recording an outcome leaves the row in-flight; once stale it is claimed
   * again with mayHaveBeenSent, and findDelivered stops a second send.
   */
  private async handleSafely(d: Delivery, notices: Map<string, Promise<StoredNotice | null>>, lease: ClaimLease): Promise<Outcome> {
    try {
      return d.recipient === ROSTER_RECIPIENT ? await this.expandRoster(d) : await this.send(d, notices, lease);
    } catch (err) {
      this.logger.error({ err, ...this.ids(d) }, 'could not record a delivery outcome; it will be checked again once stale');
      return 'done';
    }
  }

  private async send(d: Delivery, notices: Map<string, Promise<StoredNotice | null>>, lease: ClaimLease): Promise<Outcome> {
    if (!notices.has(d.noticeId)) notices.set(d.noticeId, this.store.getNotice(d.noticeId));
    const notice = await notices.get(d.noticeId);
    if (!notice) {
      await this.store.markFailed(d.id, 'The notice no longer exists.');
      this.logger.error({ ...this.ids(d), state: 'failed' }, 'delivery failed: notice not found');
      return 'done';
    }
    const request: DeliveryRequest = { deliveryId: d.id, notice, recipient: d.recipient };
    let sent: { messageId: string } | null = null;
    let recovered = false;
    try {
      if (d.mayHaveBeenSent) {
        sent = await this.courier.findDelivered(request);
        recovered = sent !== null;
      }
      if (!sent) {
        for (let waitMs = this.pacer.take(d.recipient); waitMs > 0; waitMs = this.pacer.take(d.recipient)) {
          await sleep(waitMs, this.abandon.signal);
          if (this.mustHold()) return 'held';
        }
        if (this.mustHold() || !lease.holds(d.id)) return 'held';
        lease.sending(d.id);
        sent = await this.courier.deliver(request);
      }
    } catch (err) {
      await this.recordFailure(d, err);
      return 'done';
    }
    await this.store.markDelivered(d.id, sent.messageId);
    const log = { ...this.ids(d), state: 'delivered', messageId: sent.messageId };
    if (recovered) this.logger.info({ ...log, recovered }, 'notice found already delivered; not sent again');
    else this.logger.info(log, 'notice delivered');
    return 'done';
  }

  /** Pages the platform's member list into delivery rows, then marks the roster row done. */
  private async expandRoster(d: Delivery): Promise<Outcome> {
    let ids: string[];
    try {
      const recipients = await this.courier.listRecipients();
      ids = [...new Set(recipients.map((r) => r.id).filter((id) => id && id !== ROSTER_RECIPIENT))];
    } catch (err) {
      await this.recordFailure(d, err);
      return 'done';
    }
    const added = await this.store.addDeliveries(
      d.noticeId,
      ids.map((recipient) => ({ platform: this.platform, recipient })),
    );
    await this.store.markDelivered(d.id, `roster:${ids.length}`);
    const log = { noticeId: d.noticeId, deliveryId: d.id, platform: this.platform, recipients: ids.length, added };
    if (ids.length === 0) this.logger.warn(log, 'member list is empty: nobody to deliver to');
    else this.logger.info(log, 'member list read');
    return 'done';
  }

  private async recordFailure(d: Delivery, err: unknown): Promise<void> {
    const plan = planAfterFailure(err, d.attempts, this.settings.clock(), this.settings);
    const code = err instanceof DeliveryError ? err.code : undefined;
    // Unexpected errors keep their stack in the log; a courier's own DeliveryError needs only its code.
    const log = { ...this.ids(d), code, error: plan.reason, ...(code ? {} : { err }) };
    switch (plan.kind) {
      case 'rate-limited':
        this.pausedUntil = Math.max(this.pausedUntil, plan.until.getTime());
        await this.store.releaseDeliveries([d.id], plan.until, plan.reason);
        this.logger.warn({ ...log, state: 'pending', pausedUntil: plan.until }, 'rate limited: courier paused');
        return;
      case 'retry':
        await this.store.markRetry(d.id, plan.at, plan.reason);
        this.logger.warn({ ...log, state: 'pending', retryAt: plan.at }, 'delivery will be retried');
        return;
      case 'failed':
        await this.store.markFailed(d.id, plan.reason);
        this.logger.warn({ ...log, state: 'failed' }, 'delivery failed');
        return;
    }
  }

  private ids(d: Delivery) {
    return { noticeId: d.noticeId, deliveryId: d.id, platform: d.platform, recipient: d.recipient, attempts: d.attempts };
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
