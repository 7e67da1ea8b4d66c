/**
 * The notice outbox: delivers every filed notice to every member exactly once, through each
 * courier, surviving crashes and sharing the queue with other replicas. One lane per courier; each
 * sleeps until woken (a notice filed in this process), until its next row falls due, or for a
 * short poll (work filed by another replica).
 */
import type { Logger } from '../logger';
import { QuestionRetention } from '../store/question-retention';
import type { BotStore } from '../store/store';
import type { Courier } from './courier';
import { CourierLane } from './courier-lane';
import { onNoticeFiled } from './notice-filed-signal';

export interface NoticeOutboxOptions {
  store: BotStore;
  couriers: Courier[];
  logger: Logger;
  /** Time for queue bookkeeping (notBefore, claims, pauses); pacing always uses real time. */
  clock?: () => Date;
  /**
   * How long a claim holds unless renewed (default 15 s). The courier working a batch renews it
   * every third of this; a replica that dies stops renewing, and its rows are claimed again (as
   * possibly sent) once the lease lapses, so a crash delays its members' notices by about this much.
   */
  leaseMs?: number;
  /** Attempts before a transient failure is given up as failed (default 8). */
  maxAttempts?: number;
  /** Exponential backoff with jitter between attempts (default 2 s doubling to 10 min). */
  backoff?: { baseMs: number; maxMs: number };
  /** Most deliveries claimed at once per courier (default 50; fewer for slow couriers). */
  batchSize?: number;
  /** Sends in progress at once per courier (default 4). */
  concurrency?: number;
  /** Longest sleep when idle, to notice other replicas' work (default 1 s). */
  pollIntervalMs?: number;
  /**
   * How long stop() waits for sends already under way (default 6 s); those not started go back to
   * the queue at once. Leaves room in `docker stop`'s 10 s for the rest of the shutdown.
   */
  stopGraceMs?: number;
  /** 0 <= x < 1, for backoff jitter; tests may pin it. */
  random?: () => number;
  /**
   * Days to keep questions and feedback (config RETENTION_DAYS, default 90). The outbox is the
   * bot's background worker, so it also runs their purge: at start() and daily until stop().
   */
  retentionDays?: number;
}

export const OUTBOX_DEFAULTS = Object.freeze({
  leaseMs: 15_000,
  maxAttempts: 8,
  backoff: Object.freeze({ baseMs: 2_000, maxMs: 10 * 60_000 }),
  batchSize: 50,
  concurrency: 4,
  pollIntervalMs: 1_000,
  stopGraceMs: 6_000,
});

/** Never spin faster than this when the queue says work is due but none could be claimed. */
const MIN_IDLE_MS = 10;

export class NoticeOutbox {
  private readonly lanes: CourierLane[];
  private readonly logger: Logger;
  private readonly clock: () => Date;
  private readonly store: BotStore;
  private readonly pollIntervalMs: number;
  private readonly stopGraceMs: number;
  private readonly loops: Promise<void>[] = [];
  private readonly retention: QuestionRetention;
  private readonly wakers = new Map<CourierLane, () => void>();
  private readonly wakeRequested = new Set<CourierLane>();
  private unsubscribe: (() => void) | undefined;
  private started = false;
  private stopping: Promise<void> | undefined;

  constructor(options: NoticeOutboxOptions) {
    this.store = options.store;
    this.logger = options.logger.child({ component: 'notice-outbox' });
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? OUTBOX_DEFAULTS.pollIntervalMs;
    this.stopGraceMs = options.stopGraceMs ?? OUTBOX_DEFAULTS.stopGraceMs;
    const settings = {
      clock: this.clock,
      leaseMs: options.leaseMs ?? OUTBOX_DEFAULTS.leaseMs,
      maxAttempts: options.maxAttempts ?? OUTBOX_DEFAULTS.maxAttempts,
      backoff: options.backoff ?? OUTBOX_DEFAULTS.backoff,
      batchSize: options.batchSize ?? OUTBOX_DEFAULTS.batchSize,
      concurrency: options.concurrency ?? OUTBOX_DEFAULTS.concurrency,
      random: options.random ?? Math.random,
    };
    const platforms = options.couriers.map((c) => c.platform);
    const twice = platforms.find((p, i) => platforms.indexOf(p) !== i);
    if (twice) throw new Error(`Two couriers for ${twice}: the outbox needs exactly one per platform.`);
    this.lanes = options.couriers.map((c) => new CourierLane(c, options.store, this.logger, settings));
    this.retention = new QuestionRetention({ store: options.store, logger: options.logger, retentionDays: options.retentionDays, clock: this.clock });
  }

  /** Starts one delivery loop per courier, and listens for notices filed in this process. */
  start(): void {
    if (this.started || this.stopping) return;
    this.started = true;
    this.unsubscribe = onNoticeFiled(this.store, () => this.wake());
    for (const lane of this.lanes) this.loops.push(this.runLane(lane));
    this.retention.start();
    this.logger.info({ platforms: this.lanes.map((l) => l.platform), retentionDays: this.retention.retentionDays }, 'notice outbox started');
  }

  /** Work may be due now: loops that are asleep look at once. */
  wake(): void {
    for (const lane of this.lanes) {
      const waker = this.wakers.get(lane);
      if (waker) waker();
      else this.wakeRequested.add(lane);
    }
  }

  /**
   * Works every courier's queue until nothing is due (rows waiting for a backoff or a paused
   * courier are left). For tests and one-shot runs; it does not need start().
   */
  async drain(): Promise<void> {
    await Promise.all(
      this.lanes.map(async (lane) => {
        while (!this.stopping && (await lane.runOnce()) > 0);
      }),
    );
  }

  /**
   * Stops claiming, returns claimed deliveries not yet started to the queue at once, and waits up
   * to stopGraceMs for sends under way. A send still hanging then is left in flight with its lease
   * no longer renewed: once it lapses the row is claimed again and checked with findDelivered, so
   * it is never sent twice.
   */
  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    this.unsubscribe?.();
    const retentionStopped = this.retention.stop();
    for (const lane of this.lanes) {
      lane.stopClaiming();
      lane.abandonUnsent();
    }
    for (const waker of this.wakers.values()) waker();
    const settled = Promise.all([...this.loops, ...this.lanes.map((l) => l.settled()), retentionStopped]).then(() => true);
    if (!(await within(settled, this.stopGraceMs))) {
      for (const lane of this.lanes) lane.endLeases();
      this.logger.error(
        { graceMs: this.stopGraceMs },
        'some sends did not finish in time; their deliveries stay in flight and are checked with the platform once their lease lapses',
      );
    }
    this.logger.info('notice outbox stopped');
  }

  private async runLane(lane: CourierLane): Promise<void> {
    while (!this.stopping) {
      let claimed = 0;
      try {
        claimed = await lane.runOnce();
      } catch (err) {
        this.logger.error({ err, platform: lane.platform }, 'outbox pass failed; will try again');
      }
      if (claimed > 0 || this.stopping) continue;
      await this.sleep(lane, await this.idleMs(lane));
    }
  }

  /** Until the courier's pause ends, the next row falls due, or the poll interval, whichever first. */
  private async idleMs(lane: CourierLane): Promise<number> {
    const now = this.clock().getTime();
    if (lane.pausedUntil > now) return Math.max(MIN_IDLE_MS, lane.pausedUntil - now);
    let next: Date | null = null;
    try {
      next = await this.store.nextDueAt(lane.platform);
    } catch (err) {
      this.logger.error({ err, platform: lane.platform }, 'could not read the delivery queue');
    }
    const untilDue = next ? next.getTime() - now : Number.POSITIVE_INFINITY;
    return Math.max(MIN_IDLE_MS, Math.min(this.pollIntervalMs, untilDue));
  }

  private sleep(lane: CourierLane, ms: number): Promise<void> {
    if (this.wakeRequested.delete(lane) || this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(), ms);
      const finish = () => {
        clearTimeout(timer);
        this.wakers.delete(lane);
        resolve();
      };
      this.wakers.set(lane, finish);
    });
  }
}

/** True if `work` settles within `ms`. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
