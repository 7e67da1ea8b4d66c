/**
 * Keeps the filer's status message for a notice up to date ("Delivered to N of M members", then
 * the final status with failures) by polling NoticeService.progress and calling chat.update.
 * The message being followed is remembered in the store, so a restart picks it up again.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/logger';
import type { NoticeProgress } from '../../src/notices/notice-model';
import type { NoticeService } from '../../src/notices/notice-service';
import type { BotStore, StoredNotice } from '../../src/store/store';
import { POST_OPTIONS } from './block-kit';
import { progressMessage } from './notice-blocks';

const STATE_KEY = 'slack:notice-status-messages';

interface StatusMessage {
  noticeId: string;
  channel: string;
  ts: string;
}

export class NoticeProgressReporter {
  private readonly following = new Map<string, Promise<void>>();
  private readonly wakers = new Set<() => void>();
  private stopped = false;
  /** Serialises read-modify-write of the remembered list within this process. */
  private stateChain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: {
      notices: NoticeService;
      store: BotStore;
      client: webApi.WebClient;
      logger: Logger;
      intervalMs: number;
    },
  ) {}

  /** Posts the status message in the filer's DM and follows the delivery until it is done. */
  async report(notice: StoredNotice, filerUserId: string): Promise<void> {
    const progress = await this.deps.notices.progress(notice.id);
    const posted = await this.deps.client.chat.postMessage({ channel: filerUserId, ...progressMessage(notice, progress), ...POST_OPTIONS });
    if (!posted.channel || !posted.ts) return;
    const status = { noticeId: notice.id, channel: posted.channel, ts: posted.ts };
    if (progress.done) return;
    await this.remember(status, true);
    this.follow(notice, status, progress);
  }

  /** Picks up status messages left by an earlier run (a restart mid-delivery). */
  async resume(): Promise<void> {
    for (const status of await this.remembered()) {
      if (this.following.has(status.noticeId)) continue;
      const notice = await this.deps.store.getNotice(status.noticeId);
      if (!notice) await this.remember(status, false);
      else this.follow(notice, status, undefined);
    }
  }

  /** Stops following; what was left unfinished is picked up by resume() after a restart. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const wake of this.wakers) wake();
    await Promise.allSettled([...this.following.values()]);
  }

  private follow(notice: StoredNotice, status: StatusMessage, shown: NoticeProgress | undefined): void {
    const run = this.loop(notice, status, shown)
      .catch((err) => this.deps.logger.warn({ err, noticeId: notice.id }, 'stopped following a notice status message'))
      .finally(() => this.following.delete(notice.id));
    this.following.set(notice.id, run);
  }

  private async loop(notice: StoredNotice, status: StatusMessage, shown: NoticeProgress | undefined): Promise<void> {
    let last = shown ? key(shown) : '';
    while (!this.stopped) {
      await this.pause();
      if (this.stopped) return;
      let progress: NoticeProgress;
      try {
        progress = await this.deps.notices.progress(notice.id);
      } catch (err) {
        this.deps.logger.warn({ err, noticeId: notice.id }, 'could not read notice progress');
        continue;
      }
      if (key(progress) !== last) {
        try {
          await this.deps.client.chat.update({ channel: status.channel, ts: status.ts, ...progressMessage(notice, progress) });
          last = key(progress);
        } catch (err) {
          this.deps.logger.warn({ err, noticeId: notice.id }, 'could not update a notice status message');
          continue;
        }
      }
      if (progress.done) {
        await this.remember(status, false);
        return;
      }
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.deps.intervalMs);
      this.wakers.add(wake);
    });
  }

  private async remembered(): Promise<StatusMessage[]> {
    const raw = await this.deps.store.getState(STATE_KEY);
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter(isStatusMessage) : [];
    } catch {
      return [];
    }
  }

  private remember(status: StatusMessage, keep: boolean): Promise<void> {
    const next = this.stateChain.then(async () => {
      const others = (await this.remembered()).filter((s) => s.noticeId !== status.noticeId);
      await this.deps.store.putState(STATE_KEY, JSON.stringify(keep ? [...others, status] : others));
    });
    this.stateChain = next.catch(() => undefined);
    return next;
  }
}

function key(p: NoticeProgress): string {
  return `${p.total}/${p.delivered}/${p.failed}/${p.pending}/${p.done}`;
}

function isStatusMessage(v: unknown): v is StatusMessage {
  const s = v as Partial<StatusMessage> | null;
  return typeof s?.noticeId === 'string' && typeof s.channel === 'string' && typeof s.ts === 'string';
}
