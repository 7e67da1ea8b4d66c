/**
 * The retention period for what people asked (the unanswered-question log and feedback): kept for
 * the officers' report, then deleted. Runs at start-up and once a day; the notice outbox starts it.
 */
import type { Logger } from '../logger';
import type { BotStore, ErasedRecords } from './store';

/** UK GDPR storage limitation: long enough for a quarter's reports, no longer. */
export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface QuestionRetentionOptions {
  store: BotStore;
  logger: Logger;
  /** Whole days to keep questions and feedback (config RETENTION_DAYS; default 90). */
  retentionDays?: number;
  clock?: () => Date;
  /** Between purges (default a day). */
  everyMs?: number;
}

export class QuestionRetention {
  readonly retentionDays: number;
  private readonly store: BotStore;
  private readonly logger: Logger;
  private readonly clock: () => Date;
  private readonly everyMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(options: QuestionRetentionOptions) {
    const days = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    if (!Number.isInteger(days) || days < 1) throw new RangeError(`retentionDays must be a whole number of days, 1 or more (got ${days}).`);
    this.retentionDays = days;
    this.store = options.store;
    this.logger = options.logger.child({ component: 'question-retention' });
    this.clock = options.clock ?? (() => new Date());
    this.everyMs = options.everyMs ?? DAY_MS;
  }

  /** Deletes questions and feedback older than the retention period; returns how many. */
  async purgeNow(): Promise<ErasedRecords> {
    const cutoff = new Date(this.clock().getTime() - this.retentionDays * DAY_MS);
    const erased = await this.store.purgeQuestions(cutoff);
    if (erased.unanswered + erased.feedback > 0) this.logger.info({ ...erased, cutoff, retentionDays: this.retentionDays }, 'old questions and feedback deleted');
    return erased;
  }

  /** Purges now and then every `everyMs`; failures are logged and tried again next time. */
  start(): void {
    if (this.timer) return;
    const run = () => {
      this.running ??= this.purgeNow()
        .catch((err: unknown) => this.logger.error({ err }, 'could not delete old questions and feedback; will try again'))
        .finally(() => (this.running = undefined));
    };
    run();
    this.timer = setInterval(run, this.everyMs);
    // The daily purge never keeps the process alive on its own.
    this.timer.unref();
  }

  /** Stops the schedule and waits for a purge under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
