/**
 * The embedded store: one SQLite file, `<dataDir>/bot.sqlite`. WAL with synchronous=FULL, so a
 * transaction that has returned survives a SIGKILL or power cut; every write that reads first takes
 * the write lock up front (BEGIN IMMEDIATE), so two processes on one file cannot interleave.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger, type Logger } from '../logger';
import { EventRetention } from './event-retention';
import { migrateSqlite } from './migrations';
import type { BotStore, Delivery, ErasedRecords, FeedbackRecord, NoticeSummary, Platform, ReportRow, StoredNotice, UnansweredRecord } from './store';
import {
  clipError,
  deliveryFromRow,
  noticeFromRow,
  noticeToRow,
  registerSql,
  reportFromRow,
  reportSql,
  summaryFromRow,
  type DeliveryRow,
  type NoticeRow,
  type ReportDbRow,
  type SummaryRow,
} from './store-rows';

export const SQLITE_FILE_NAME = 'bot.sqlite';

/**
 * Only the service user may read the store: it holds user ids and questions. SQLite gives the -wal
 * and -shm files the main file's mode, so setting it on the main file before opening covers them.
 */
export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

/** In-flight rows claimed by a version without leases keep the old five-minute window. */
const LEGACY_LEASE_MS = 5 * 60_000;

export interface SqliteStoreOptions {
  /** Directory for bot.sqlite; created if missing. */
  dataDir: string;
  logger?: Logger;
  /** Time for rows the caller does not timestamp (events, feedback, unanswered). */
  clock?: () => Date;
  eventRetentionMs?: number;
  /** How long to wait for another process's write lock before failing (default 5 s). */
  busyTimeoutMs?: number;
}

type NewDelivery = { platform: Platform; recipient: string };

export class SqliteStore implements BotStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly logger: Logger;
  private readonly clock: () => Date;
  private readonly retention: EventRetention;
  private readonly busyTimeoutMs: number;
  /**
   * A second connection for de-duplication keys only, with synchronous=NORMAL: under WAL that skips
   * an fsync per incoming event (the hot path under load); losing the last few keys in a power cut
   * costs at most a repeated answer, never a notice, which stays on the FULL connection.
   */
  private eventsDb: Database.Database | undefined;
  private claimStatement: Database.Statement | undefined;

  constructor(options: SqliteStoreOptions) {
    // An existing folder keeps its mode: it may be a mounted volume the service does not own.
    mkdirSync(options.dataDir, { recursive: true, mode: DATA_DIR_MODE });
    this.file = path.join(options.dataDir, SQLITE_FILE_NAME);
    closeSync(openSync(this.file, 'a', DATA_FILE_MODE));
    chmodSync(this.file, DATA_FILE_MODE);
    this.logger = options.logger ?? silentLogger();
    this.clock = options.clock ?? (() => new Date());
    this.retention = new EventRetention(options.eventRetentionMs);
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.busyTimeoutMs = Math.trunc(options.busyTimeoutMs ?? 5000);
    this.db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
    this.db.pragma('foreign_keys = ON');
  }

  async migrate(): Promise<void> {
    migrateSqlite(this.db, this.logger);
  }

  async ping(): Promise<void> {
    this.db.prepare('select 1').get();
  }

  async close(): Promise<void> {
    if (this.eventsDb?.open) this.eventsDb.close();
    if (this.db.open) this.db.close();
  }

  async claimEvent(key: string): Promise<boolean> {
    const now = this.clock();
    const cutoff = this.retention.cutoffIfDue(now);
    if (cutoff) await this.pruneEvents(cutoff);
    if (!this.claimStatement) {
      this.eventsDb = new Database(this.file);
      this.eventsDb.pragma('synchronous = NORMAL');
      this.eventsDb.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
      this.claimStatement = this.eventsDb.prepare('INSERT INTO processed_events (key, seen_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
    }
    return this.claimStatement.run(key, now.getTime()).changes === 1;
  }

  async pruneEvents(olderThan: Date): Promise<number> {
    return this.db.prepare('DELETE FROM processed_events WHERE seen_at < ?').run(olderThan.getTime()).changes;
  }

  async putState(key: string, value: string): Promise<void> {
    this.db
      .prepare('INSERT INTO adapter_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
      .run(key, value, this.clock().getTime());
  }

  async getState(key: string): Promise<string | null> {
    const row = this.db.prepare('SELECT value FROM adapter_state WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? row.value : null;
  }

  async recordFeedback(f: FeedbackRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO feedback (platform, user_id, council, question, clause_id, helpful, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(f.platform, f.userId, f.council, f.question, f.clauseId, f.helpful ? 1 : 0, this.clock().getTime());
  }

  async recordUnanswered(u: UnansweredRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO unanswered (platform, user_id, council, question, at) VALUES (?, ?, ?, ?, ?)')
      .run(u.platform, u.userId, u.council, u.question, this.clock().getTime());
  }

  async report(council: string, since: Date): Promise<ReportRow[]> {
    const rows = this.db.prepare(reportSql(['?', '?', '?', '?'], '0')).all(council, since.getTime(), council, since.getTime()) as ReportDbRow[];
    return rows.map(reportFromRow);
  }

  async purgeQuestions(olderThan: Date): Promise<ErasedRecords> {
    const cutoff = olderThan.getTime();
    return this.db
      .transaction(() => ({
        unanswered: this.db.prepare('DELETE FROM unanswered WHERE at < ?').run(cutoff).changes,
        feedback: this.db.prepare('DELETE FROM feedback WHERE at < ?').run(cutoff).changes,
      }))
      .immediate();
  }

  async forgetUser(userId: string, platform?: Platform): Promise<ErasedRecords> {
    const where = platform ? 'user_id = ? AND platform = ?' : 'user_id = ?';
    const params = platform ? [userId, platform] : [userId];
    return this.db
      .transaction(() => ({
        unanswered: this.db.prepare(`DELETE FROM unanswered WHERE ${where}`).run(...params).changes,
        feedback: this.db.prepare(`DELETE FROM feedback WHERE ${where}`).run(...params).changes,
      }))
      .immediate();
  }

  async fileNotice(notice: StoredNotice, deliveries: NewDelivery[], submissionKey?: string): Promise<StoredNotice> {
    const insertNotice = this.db.prepare(`INSERT INTO notices (id, council, group_name, meeting_date, officers, advice,
      information, filed_by_platform, filed_by_user, filed_by_name, filed_at, submission_key)
      VALUES (@id, @council, @group_name, @meeting_date, @officers, @advice, @information,
      @filed_by_platform, @filed_by_user, @filed_by_name, @filed_at, @submission_key)`);
    const findByKey = this.db.prepare('SELECT * FROM notices WHERE submission_key = ?');
    // IMMEDIATE takes the write lock before the look-up, so two processes cannot both miss the key.
    return this.db
      .transaction(() => {
        const earlier = submissionKey === undefined ? undefined : (findByKey.get(submissionKey) as NoticeRow | undefined);
        if (earlier) return noticeFromRow(earlier);
        insertNotice.run({ ...noticeToRow(notice), submission_key: submissionKey ?? null });
        this.insertDeliveries(notice.id, deliveries);
        return notice;
      })
      .immediate();
  }

  async addDeliveries(noticeId: string, deliveries: NewDelivery[]): Promise<number> {
    return this.db.transaction(() => this.insertDeliveries(noticeId, deliveries)).immediate();
  }

  private insertDeliveries(noticeId: string, deliveries: NewDelivery[]): number {
    // Due from the notice's filing time, so rows added later by roster expansion are due at once.
    const insert = this.db.prepare(`INSERT INTO deliveries (id, notice_id, platform, recipient, state, not_before)
      SELECT ?, n.id, ?, ?, 'pending', n.filed_at FROM notices n WHERE n.id = ?
      ON CONFLICT (notice_id, platform, recipient) DO NOTHING`);
    let added = 0;
    for (const d of deliveries) added += insert.run(randomUUID(), d.platform, d.recipient, noticeId).changes;
    return added;
  }

  async claimDeliveries(platform: Platform, limit: number, now: Date, leaseMs: number): Promise<Delivery[]> {
    // One UPDATE takes the write lock for its whole run, so no two claimers see the same row due.
    const rows = this.db
      .prepare(
        `UPDATE deliveries SET
           may_have_been_sent = CASE WHEN state = 'in-flight' THEN 1 ELSE may_have_been_sent END,
           state = 'in-flight', attempts = attempts + 1, claimed_at = @now, lease_until = @leaseUntil
         WHERE id IN (
           SELECT id FROM deliveries
           WHERE platform = @platform
             AND ((state = 'pending' AND not_before <= @now)
               OR (state = 'in-flight' AND COALESCE(lease_until, claimed_at + @legacyLease) <= @now))
           ORDER BY not_before, id LIMIT @limit)
         RETURNING *`,
      )
      .all({ platform, now: now.getTime(), leaseUntil: now.getTime() + leaseMs, legacyLease: LEGACY_LEASE_MS, limit }) as DeliveryRow[];
    return rows.map(deliveryFromRow).sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime() || a.id.localeCompare(b.id));
  }

  async renewLeases(deliveryIds: string[], claimedAt: Date, leaseUntil: Date): Promise<string[]> {
    const renew = this.db.prepare(`UPDATE deliveries SET lease_until = ? WHERE id = ? AND state = 'in-flight' AND claimed_at = ?`);
    return this.db
      .transaction(() => deliveryIds.filter((id) => renew.run(leaseUntil.getTime(), id, claimedAt.getTime()).changes === 1))
      .immediate();
  }

  async nextDueAt(platform: Platform): Promise<Date | null> {
    const row = this.db.prepare(`SELECT MIN(not_before) AS at FROM deliveries WHERE platform = ? AND state = 'pending'`).get(platform) as {
      at: number | null;
    };
    return row.at === null ? null : new Date(row.at);
  }

  async markDelivered(deliveryId: string, messageId: string): Promise<void> {
    this.db.prepare(`UPDATE deliveries SET state = 'delivered', message_id = ?, claimed_at = NULL, lease_until = NULL WHERE id = ?`).run(messageId, deliveryId);
  }

  async markRetry(deliveryId: string, notBefore: Date, error: string): Promise<void> {
    this.db
      .prepare(`UPDATE deliveries SET state = 'pending', not_before = ?, last_error = ?, claimed_at = NULL, lease_until = NULL WHERE id = ? AND state = 'in-flight'`)
      .run(notBefore.getTime(), clipError(error), deliveryId);
  }

  async releaseDeliveries(deliveryIds: string[], notBefore: Date, note?: string): Promise<void> {
    const release = this.db.prepare(`UPDATE deliveries SET state = 'pending', not_before = ?, attempts = MAX(attempts - 1, 0),
      last_error = COALESCE(?, last_error), claimed_at = NULL, lease_until = NULL WHERE id = ? AND state = 'in-flight'`);
    this.db
      .transaction(() => {
        for (const id of deliveryIds) release.run(notBefore.getTime(), note === undefined ? null : clipError(note), id);
      })
      .immediate();
  }

  async recoverInFlight(now: Date): Promise<number> {
    return this.db
      .prepare(`UPDATE deliveries SET state = 'pending', may_have_been_sent = 1, claimed_at = NULL, lease_until = NULL, not_before = ? WHERE state = 'in-flight'`)
      .run(now.getTime()).changes;
  }

  async markFailed(deliveryId: string, error: string): Promise<void> {
    this.db
      .prepare(`UPDATE deliveries SET state = 'failed', last_error = ?, claimed_at = NULL, lease_until = NULL WHERE id = ? AND state <> 'delivered'`)
      .run(clipError(error), deliveryId);
  }

  async getDelivery(deliveryId: string): Promise<Delivery | null> {
    const row = this.db.prepare('SELECT * FROM deliveries WHERE id = ?').get(deliveryId) as DeliveryRow | undefined;
    return row ? deliveryFromRow(row) : null;
  }

  async listDeliveries(noticeId: string): Promise<Delivery[]> {
    const rows = this.db.prepare('SELECT * FROM deliveries WHERE notice_id = ? ORDER BY platform, recipient').all(noticeId) as DeliveryRow[];
    return rows.map(deliveryFromRow);
  }

  async acknowledge(noticeId: string, platform: Platform, userId: string, at: Date): Promise<boolean> {
    const recipient = this.db.prepare('SELECT 1 FROM deliveries WHERE notice_id = ? AND platform = ? AND recipient = ?').get(noticeId, platform, userId);
    if (!recipient) return false;
    this.db
      .prepare(`INSERT INTO acknowledgements (notice_id, platform, user_id, at) VALUES (?, ?, ?, ?)
        ON CONFLICT (notice_id, platform, user_id) DO NOTHING`)
      .run(noticeId, platform, userId, at.getTime());
    return true;
  }

  async getNotice(noticeId: string): Promise<StoredNotice | null> {
    const row = this.db.prepare('SELECT * FROM notices WHERE id = ?').get(noticeId) as NoticeRow | undefined;
    return row ? noticeFromRow(row) : null;
  }

  async listNotices(council: string): Promise<NoticeSummary[]> {
    return (this.db.prepare(registerSql('?')).all(council) as SummaryRow[]).map(summaryFromRow);
  }
}
