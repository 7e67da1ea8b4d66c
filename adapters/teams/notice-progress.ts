/**
 * Shows the officer who filed a notice how delivery is going: the card sent when it was filed is
 * updated in place as counts change, and a final status is posted when nothing is left to send.
 * Watches live in this process only; after a restart `notices` shows the same counts.
 */
import type { Logger } from '../../src/logger';
import { formatMeetingDate } from '../../src/notices/notice-messages';
import type { NoticeService } from '../../src/notices/notice-service';
import type { StoredNotice } from '../../src/store/store';
import { cardAttachment } from './adaptive-card';
import { renderProgressCard } from './notice-cards';
import type { ConversationTarget, ProactiveMessenger } from './proactive';
import { teamsMessages } from './teams-messages';

export interface ProgressOptions {
  /** How often to look at the outbox (default 3 s). */
  intervalMs: number;
  /** Give up watching after this long and say so (default 2 h). */
  maxWatchMs: number;
}

export const PROGRESS_DEFAULTS = Object.freeze({ intervalMs: 3_000, maxWatchMs: 2 * 60 * 60_000 });

const MAX_CONSECUTIVE_ERRORS = 5;

interface Watch {
  notice: StoredNotice;
  target: ConversationTarget;
  activityId: string;
  startedAt: number;
  lastShown: string;
  errors: number;
  timer?: NodeJS.Timeout;
}

export class NoticeProgressWatcher {
  private readonly watches = new Set<Watch>();
  private stopped = false;

  constructor(
    private readonly notices: NoticeService,
    private readonly messenger: ProactiveMessenger,
    private readonly logger: Logger,
    private readonly options: ProgressOptions = PROGRESS_DEFAULTS,
  ) {}

  /** Starts watching a notice whose progress card is `activityId` in `target`. */
  watch(notice: StoredNotice, target: ConversationTarget, activityId: string): void {
    if (this.stopped) return;
    const watch: Watch = { notice, target, activityId, startedAt: Date.now(), lastShown: '', errors: 0 };
    this.watches.add(watch);
    this.schedule(watch);
  }

  /** Stops every watch (on shutdown). */
  stop(): void {
    this.stopped = true;
    for (const w of this.watches) clearTimeout(w.timer);
    this.watches.clear();
  }

  private schedule(watch: Watch): void {
    if (this.stopped) return;
    watch.timer = setTimeout(() => void this.tick(watch), this.options.intervalMs);
  }

  private async tick(watch: Watch): Promise<void> {
    const log = { noticeId: watch.notice.id };
    try {
      const progress = await this.notices.progress(watch.notice.id);
      if (this.stopped) return;
      const shown = JSON.stringify(progress);
      if (shown !== watch.lastShown) {
        await this.messenger.update(watch.target, watch.activityId, {
          attachments: [cardAttachment(renderProgressCard(watch.notice, progress, false))],
        });
        watch.lastShown = shown;
      }
      watch.errors = 0;
      if (progress.done) {
        await this.messenger.send(watch.target, {
          type: 'message',
          summary: teamsMessages.noticeFinished(watch.notice.group, formatMeetingDate(watch.notice.meetingDate)),
          attachments: [cardAttachment(renderProgressCard(watch.notice, progress, true))],
        });
        this.logger.info({ ...log, delivered: progress.delivered, failed: progress.failed }, 'notice delivery finished; filer told');
        return this.finish(watch);
      }
      if (Date.now() - watch.startedAt > this.options.maxWatchMs) {
        await this.messenger.send(watch.target, { type: 'message', text: teamsMessages.noticeStillSending });
        return this.finish(watch);
      }
    } catch (err) {
      watch.errors += 1;
      this.logger.warn({ err, ...log, errors: watch.errors }, 'could not show notice progress');
      if (watch.errors >= MAX_CONSECUTIVE_ERRORS) return this.finish(watch);
    }
    this.schedule(watch);
  }

  private finish(watch: Watch): void {
    clearTimeout(watch.timer);
    this.watches.delete(watch);
  }
}
