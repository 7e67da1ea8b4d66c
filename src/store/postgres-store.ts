/**
 * The shared store: several bot replicas use one PostgreSQL database and one delivery queue.
 * Claims use FOR UPDATE SKIP LOCKED, so concurrent claimers never take the same row.
 */
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { silentLogger, type Logger } from '../logger';
import { EventRetention } from './event-retention';
import { migratePostgres } from './migrations';
import { BoundedPool, type PostgresTimeouts } from './postgres-pool';
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

export { POSTGRES_TIMEOUTS, storeFailure, type PostgresTimeouts } from './postgres-pool';

export interface PostgresStoreOptions {
  connectionString: string;
  /**
   * A schema to keep every table in (created by migrate() if missing), set as the search_path of
   * each connection. Tests use a fresh one each and drop it afterwards.
   */
  schema?: string;
  logger?: Logger;
  /** Time for rows the caller does not timestamp (events, feedback, unanswered). */
  clock?: () => Date;
  eventRetentionMs?: number;
  /** Most connections this replica holds (default 10). */
  maxConnections?: number;
  /** Bounds on waiting for the database (defaults in POSTGRES_TIMEOUTS). */
  timeouts?: Partial<PostgresTimeouts>;
}

/** In-flight rows claimed by a version without leases keep the old five-minute window. */
const LEGACY_LEASE = `interval '5 minutes'`;

type NewDelivery = { platform: Platform; recipient: string };

export class PostgresStore implements BotStore {
  private readonly db: BoundedPool;
  private readonly schema: string | undefined;
  private readonly logger: Logger;
  private readonly clock: () => Date;
  private readonly retention: EventRetention;

  constructor(options: PostgresStoreOptions) {
    this.schema = options.schema;
    this.logger = options.logger ?? silentLogger();
    this.clock = options.clock ?? (() => new Date());
    this.retention = new EventRetention(options.eventRetentionMs);
    this.db = new BoundedPool({ ...options, logger: this.logger });
  }

  async migrate(): Promise<void> {
    await migratePostgres(this.db.pool, this.logger, this.schema);
  }

  async ping(): Promise<void> {
    await this.db.ping();
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  async claimEvent(key: string): Promise<boolean> {
    const now = this.clock();
    const cutoff = this.retention.cutoffIfDue(now);
    if (cutoff) await this.pruneEvents(cutoff);
    const r = await this.db.query('INSERT INTO processed_events (key, seen_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, now]);
    return r.rowCount === 1;
  }

  async pruneEvents(olderThan: Date): Promise<number> {
    const r = await this.db.query('DELETE FROM processed_events WHERE seen_at < $1', [olderThan]);
    return r.rowCount ?? 0;
  }

  async putState(key: string, value: string): Promise<void> {
    await this.db.query(
      'INSERT INTO adapter_state (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      [key, value, this.clock()],
    );
  }

  async getState(key: string): Promise<string | null> {
    const r = await this.db.query<{ value: string }>('SELECT value FROM adapter_state WHERE key = $1', [key]);
    return r.rows[0]?.value ?? null;
  }

  async recordFeedback(f: FeedbackRecord): Promise<void> {
    await this.db.query(
      'INSERT INTO feedback (platform, user_id, council, question, clause_id, helpful, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [f.platform, f.userId, f.council, f.question, f.clauseId, f.helpful, this.clock()],
    );
  }

  async recordUnanswered(u: UnansweredRecord): Promise<void> {
    await this.db.query('INSERT INTO unanswered (platform, user_id, council, question, at) VALUES ($1, $2, $3, $4, $5)', [
      u.platform,
      u.userId,
      u.council,
      u.question,
      this.clock(),
    ]);
  }

  async report(council: string, since: Date): Promise<ReportRow[]> {
    const r = await this.db.query<ReportDbRow>(reportSql(['$1', '$2', '$1', '$2'], 'FALSE'), [council, since]);
    return r.rows.map(reportFromRow);
  }

  async purgeQuestions(olderThan: Date): Promise<ErasedRecords> {
    return this.db.transaction(async (client) => ({
      unanswered: (await client.query('DELETE FROM unanswered WHERE at < $1', [olderThan])).rowCount ?? 0,
      feedback: (await client.query('DELETE FROM feedback WHERE at < $1', [olderThan])).rowCount ?? 0,
    }));
  }

  async forgetUser(userId: string, platform?: Platform): Promise<ErasedRecords> {
    const where = platform ? 'user_id = $1 AND platform = $2' : 'user_id = $1';
    const params = platform ? [userId, platform] : [userId];
    return this.db.transaction(async (client) => ({
      unanswered: (await client.query(`DELETE FROM unanswered WHERE ${where}`, params)).rowCount ?? 0,
      feedback: (await client.query(`DELETE FROM feedback WHERE ${where}`, params)).rowCount ?? 0,
    }));
  }

  async fileNotice(notice: StoredNotice, deliveries: NewDelivery[], submissionKey?: string): Promise<StoredNotice> {
    const n = noticeToRow(notice);
    return this.db.transaction(async (client) => {
      // A concurrent filing with the same key makes this wait for it, then do nothing: one notice.
      const inserted = await client.query(
        `INSERT INTO notices (id, council, group_name, meeting_date, officers, advice, information,
           filed_by_platform, filed_by_user, filed_by_name, filed_at, submission_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (submission_key) DO NOTHING`,
        [n.id, n.council, n.group_name, n.meeting_date, n.officers, n.advice, n.information, n.filed_by_platform, n.filed_by_user, n.filed_by_name, notice.filedAt, submissionKey ?? null],
      );
      if (inserted.rowCount === 0) {
        const earlier = await client.query<NoticeRow>('SELECT * FROM notices WHERE submission_key = $1', [submissionKey]);
        if (!earlier.rows[0]) throw new Error('notice submission key conflict, but no notice holds the key');
        return noticeFromRow(earlier.rows[0]);
      }
      await insertDeliveries(client, notice.id, deliveries);
      return notice;
    });
  }

  async addDeliveries(noticeId: string, deliveries: NewDelivery[]): Promise<number> {
    return this.db.transaction((client) => insertDeliveries(client, noticeId, deliveries));
  }

  async claimDeliveries(platform: Platform, limit: number, now: Date, leaseMs: number): Promise<Delivery[]> {
    const r = await this.db.query<DeliveryRow>(
      `WITH due AS (
         SELECT id FROM deliveries
         WHERE platform = $1
           AND ((state = 'pending' AND not_before <= $2)
             OR (state = 'in-flight' AND COALESCE(lease_until, claimed_at + ${LEGACY_LEASE}) <= $2))
         ORDER BY not_before, id
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
       UPDATE deliveries d SET
         may_have_been_sent = d.may_have_been_sent OR d.state = 'in-flight',
         state = 'in-flight', attempts = d.attempts + 1, claimed_at = $2, lease_until = $3
       FROM due WHERE d.id = due.id
       RETURNING d.*`,
      [platform, now, new Date(now.getTime() + leaseMs), limit],
    );
    return r.rows.map(deliveryFromRow).sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime() || a.id.localeCompare(b.id));
  }

  async renewLeases(deliveryIds: string[], claimedAt: Date, leaseUntil: Date): Promise<string[]> {
    if (deliveryIds.length === 0) return [];
    const r = await this.db.query<{ id: string }>(
      `UPDATE deliveries SET lease_until = $1 WHERE id = ANY($2::text[]) AND state = 'in-flight' AND claimed_at = $3 RETURNING id`,
      [leaseUntil, deliveryIds, claimedAt],
    );
    const renewed = new Set(r.rows.map((row) => row.id));
    return deliveryIds.filter((id) => renewed.has(id));
  }

  async nextDueAt(platform: Platform): Promise<Date | null> {
    const r = await this.db.query<{ at: Date | null }>(`SELECT MIN(not_before) AS at FROM deliveries WHERE platform = $1 AND state = 'pending'`, [platform]);
    return r.rows[0]?.at ?? null;
  }

  async markDelivered(deliveryId: string, messageId: string): Promise<void> {
    await this.db.query(`UPDATE deliveries SET state = 'delivered', message_id = $1, claimed_at = NULL, lease_until = NULL WHERE id = $2`, [messageId, deliveryId]);
  }

  async markRetry(deliveryId: string, notBefore: Date, error: string): Promise<void> {
    await this.db.query(
      `UPDATE deliveries SET state = 'pending', not_before = $1, last_error = $2, claimed_at = NULL, lease_until = NULL WHERE id = $3 AND state = 'in-flight'`,
      [notBefore, clipError(error), deliveryId],
    );
  }

  async releaseDeliveries(deliveryIds: string[], notBefore: Date, note?: string): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.db.query(
      `UPDATE deliveries SET state = 'pending', not_before = $1, attempts = GREATEST(attempts - 1, 0),
         last_error = COALESCE($2, last_error), claimed_at = NULL, lease_until = NULL
       WHERE id = ANY($3::text[]) AND state = 'in-flight'`,
      [notBefore, note === undefined ? null : clipError(note), deliveryIds],
    );
  }

  async recoverInFlight(now: Date): Promise<number> {
    const result = await this.db.query(
      `UPDATE deliveries SET state = 'pending', may_have_been_sent = TRUE, claimed_at = NULL, lease_until = NULL, not_before = $1 WHERE state = 'in-flight'`,
      [now],
    );
    return result.rowCount ?? 0;
  }

  async markFailed(deliveryId: string, error: string): Promise<void> {
    await this.db.query(`UPDATE deliveries SET state = 'failed', last_error = $1, claimed_at = NULL, lease_until = NULL WHERE id = $2 AND state <> 'delivered'`, [
      clipError(error),
      deliveryId,
    ]);
  }

  async getDelivery(deliveryId: string): Promise<Delivery | null> {
    const r = await this.db.query<DeliveryRow>('SELECT * FROM deliveries WHERE id = $1', [deliveryId]);
    return r.rows[0] ? deliveryFromRow(r.rows[0]) : null;
  }

  async listDeliveries(noticeId: string): Promise<Delivery[]> {
    // COLLATE "C": the same byte order SQLite uses, whatever the database's locale.
    const r = await this.db.query<DeliveryRow>('SELECT * FROM deliveries WHERE notice_id = $1 ORDER BY platform, recipient COLLATE "C"', [noticeId]);
    return r.rows.map(deliveryFromRow);
  }

  async acknowledge(noticeId: string, platform: Platform, userId: string, at: Date): Promise<boolean> {
    const r = await this.db.query<{ recipient: boolean }>(
      `WITH recipient AS (SELECT 1 FROM deliveries WHERE notice_id = $1 AND platform = $2 AND recipient = $3),
       recorded AS (
         INSERT INTO acknowledgements (notice_id, platform, user_id, at) SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM recipient)
         ON CONFLICT (notice_id, platform, user_id) DO NOTHING)
       SELECT EXISTS (SELECT 1 FROM recipient) AS recipient`,
      [noticeId, platform, userId, at],
    );
    return r.rows[0]?.recipient === true;
  }

  async getNotice(noticeId: string): Promise<StoredNotice | null> {
    const r = await this.db.query<NoticeRow>('SELECT * FROM notices WHERE id = $1', [noticeId]);
    return r.rows[0] ? noticeFromRow(r.rows[0]) : null;
  }

  async listNotices(council: string): Promise<NoticeSummary[]> {
    const r = await this.db.query<SummaryRow>(registerSql('$1'), [council]);
    return r.rows.map(summaryFromRow);
  }
}

/** One statement for any number of rows; due from the notice's filing time, as in SQLite. */
async function insertDeliveries(client: PoolClient, noticeId: string, deliveries: NewDelivery[]): Promise<number> {
  if (deliveries.length === 0) return 0;
  const r = await client.query(
    `INSERT INTO deliveries (id, notice_id, platform, recipient, state, not_before)
     SELECT x.id, n.id, x.platform, x.recipient, 'pending', n.filed_at
     FROM unnest($1::text[], $2::text[], $3::text[]) AS x (id, platform, recipient)
     JOIN notices n ON n.id = $4
     ON CONFLICT (notice_id, platform, recipient) DO NOTHING`,
    [deliveries.map(() => randomUUID()), deliveries.map((d) => d.platform), deliveries.map((d) => d.recipient), noticeId],
  );
  return r.rowCount ?? 0;
}
