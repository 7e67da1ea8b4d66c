/**
 * Filing, tracking and exporting political-group attendance notices. The one write path that
 * must never lose anything: a notice and its outbox rows are stored in one transaction before
 * anything is sent, and the outbox delivers from there.
 */
import { randomUUID } from 'node:crypto';
import { NotAuthorisedError } from '../errors';
import type { Logger } from '../logger';
import type { Role } from '../protocol/model';
import { ROSTER_RECIPIENT, type BotStore, type NoticeSummary, type Platform, type StoredNotice } from '../store/store';
import { channelOf, type Courier } from './courier';
import { announceNoticeFiled } from './notice-filed-signal';
import { validateNoticeInput, type NoticeField, type NoticeProgress } from './notice-model';
import { registerCsv } from './notice-register-csv';

export type { NoticeProgress } from './notice-model';

/** Who is filing: the adapter has worked out their role from its officer list. */
export interface Filer {
  platform: Platform;
  userId: string;
  name?: string;
  role: Role;
}

/**
 * `alreadyFiled` is true when the submission key had been used before: the notice returned is the
 * one filed then, and nothing new was stored or sent.
 */
export type FileResult =
  | { ok: true; notice: StoredNotice; alreadyFiled?: boolean }
  | { ok: false; errors: Partial<Record<NoticeField, string>> };

export interface FileOptions {
  /**
   * A key from the submission (a Slack view id, a Teams activity id): filing twice with the same key
   * files once, so a replay, a platform retry or a double click never files or sends twice.
   */
  submissionKey?: string;
  /** The council whose register the notice goes in; defaults to the service's council. */
  council?: string;
}

export interface NoticeServiceDeps {
  store: BotStore;
  /** One per platform the notice goes out on; each gets a roster-expansion row when a notice is filed. */
  couriers: Courier[];
  logger: Logger;
  /** The council whose register this is. */
  council: string;
  clock?: () => Date;
  newId?: () => string;
}

export class NoticeService {
  private readonly store: BotStore;
  private readonly platforms: Platform[];
  private readonly logger: Logger;
  private readonly council: string;
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(deps: NoticeServiceDeps) {
    this.store = deps.store;
    this.platforms = [...new Set(deps.couriers.map((c) => c.platform))];
    this.logger = deps.logger.child({ component: 'notice-service' });
    this.council = deps.council;
    this.clock = deps.clock ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  /**
   * Validates (per-field errors), refuses non-officers with NotAuthorisedError (nothing stored),
   * stores the notice and its outbox rows in ONE transaction, then wakes the outbox.
   */
  async file(raw: unknown, filer: Filer, options: FileOptions = {}): Promise<FileResult> {
    if (filer.role !== 'officer') {
      this.logger.warn({ platform: filer.platform, userId: filer.userId, role: filer.role }, 'notice refused: not an officer');
      throw new NotAuthorisedError('file political-group attendance notices');
    }
    const checked = validateNoticeInput(raw);
    if (!checked.ok) return checked;
    const notice: StoredNotice = {
      ...checked.notice,
      id: this.newId(),
      council: options.council ?? this.council,
      filedBy: { platform: filer.platform, userId: filer.userId, ...(filer.name ? { name: filer.name } : {}) },
      filedAt: this.clock(),
    };
    // Keys are per platform: a Slack view id and a Teams activity id can never collide.
    const key = options.submissionKey === undefined ? undefined : `${filer.platform}:${options.submissionKey}`;
    const stored = await this.store.fileNotice(
      notice,
      this.platforms.map((platform) => ({ platform, recipient: ROSTER_RECIPIENT })),
      key,
    );
    if (stored.id !== notice.id) {
      this.logger.info({ noticeId: stored.id, platform: filer.platform, userId: filer.userId }, 'notice already filed with this submission; not filed again');
      return { ok: true, notice: stored, alreadyFiled: true };
    }
    this.logger.info(
      { noticeId: notice.id, council: notice.council, platform: filer.platform, userId: filer.userId, deliverVia: this.platforms },
      'notice filed',
    );
    announceNoticeFiled(this.store);
    return { ok: true, notice };
  }

  /** Delivered N of M, failures with reasons, and whether anything is left to send. */
  async progress(noticeId: string): Promise<NoticeProgress> {
    const deliveries = await this.store.listDeliveries(noticeId);
    const progress: NoticeProgress = { total: 0, delivered: 0, failed: 0, pending: 0, failures: [], done: true, channels: { total: 0, delivered: 0 } };
    for (const d of deliveries) {
      const unfinished = d.state === 'pending' || d.state === 'in-flight';
      if (unfinished) progress.done = false;
      if (d.state === 'failed') progress.failures.push({ recipient: d.recipient, platform: d.platform, error: d.lastError ?? 'unknown error' });
      if (d.recipient === ROSTER_RECIPIENT) continue;
      if (channelOf(d.recipient) !== undefined) {
        progress.channels.total += 1;
        if (d.state === 'delivered') progress.channels.delivered += 1;
        continue;
      }
      progress.total += 1;
      if (d.state === 'delivered') progress.delivered += 1;
      else if (d.state === 'failed') progress.failed += 1;
      else progress.pending += 1;
    }
    return progress;
  }

  /** The council's register, newest first. Officers only. */
  async register(role: Role): Promise<NoticeSummary[]> {
    if (role !== 'officer') throw new NotAuthorisedError('see the register of political-group attendance notices');
    return this.store.listNotices(this.council);
  }

  /** The register as CSV (see notice-register-csv.ts for columns and escaping). Officers only. */
  async exportCsv(role: Role): Promise<string> {
    if (role !== 'officer') throw new NotAuthorisedError('export the register of political-group attendance notices');
    return registerCsv(await this.store.listNotices(this.council));
  }

  /**
   * Records "I've read this" from one of the notice's recipients on that platform; repeats are
   * harmless. False (nothing counted, logged) for anyone the notice was not sent to, or an unknown notice.
   */
  async acknowledge(noticeId: string, platform: Platform, userId: string): Promise<boolean> {
    const counted = await this.store.acknowledge(noticeId, platform, userId, this.clock());
    if (counted) this.logger.info({ noticeId, platform, userId }, 'notice acknowledged');
    else this.logger.warn({ noticeId, platform, userId }, 'acknowledgement not counted: not a recipient of this notice');
    return counted;
  }
}
