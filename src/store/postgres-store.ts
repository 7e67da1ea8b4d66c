/**
 * The shared store: several bot replicas use one PostgreSQL database and one delivery queue.
 * Claims use FOR UPDATE SKIP LOCKED, so concurrent claimers never take the same row.
 */
import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { silentLogger, type Logger } from '../logger';
import { EventRetention } from './event-retention';
import { migratePostgres, quoteIdent } from './migrations';
import type { BotStore, Delivery, FeedbackRecord, NoticeSummary, Platform, ReportRow, StoredNotice, UnansweredRecord } from './store';
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
}

type NewDelivery = { platform: Platform; recipient: string };

export class PostgresStore implements BotStore {
  private readonly pool: Pool;
  private readonly schema: string | undefined;
  private readonly logger: Logger;
  private readonly clock: () => Date;
  private readonly retention: EventRetention;

  constructor(options: PostgresStoreOptions) {
    this.schema = options.schema;
    this.logger = options.logger ?? silentLogger();
    this.clock = options.clock ?? (() => new Date());
    this.retention = new EventRetention(options.eventRetentionMs);
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      // A startup parameter rather than a SET after connecting: it holds before the first query.
      ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
    });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.pool.on('error', (err) => this.logger.error({ err }, 'postgres idle client error'));
  }

  async migrate(): Promise<void> {
    await migratePostgres(this.pool, this.logger, this.schema);
  }

  /** Ends the pool; closing twice is harmless. */
  async ping(): Promise<void> {
    await this.pool.query('select 1');
  }

  async close(): Promise<void> {
    if (this.pool.ended || this.pool.ending) return;
    await this.pool.end();
  }

  async claimEvent(key: string): Promise<boolean> {
    const now = this.clock();
    const cutoff = this.retention.cutoffIfDue(now);
    if (cutoff) await this.pruneEvents(cutoff);
    const r = await this.pool.query('INSERT INTO processed_events (key, seen_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, now]);
    return r.rowCount === 1;
  }

  async pruneEvents(olderThan: Date): Promise<number> {
    const r = await this.pool.query('DELETE FROM processed_events WHERE seen_at < $1', [olderThan]);
    return r.rowCount ?? 0;
  }

  async putState(key: string, value: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO adapter_state (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      [key, value, this.clock()],
    );
  }

  async getState(key: string): Promise<string | null> {
    const r = await this.pool.query<{ value: string }>('SELECT value FROM adapter_state WHERE key = $1', [key]);
    return r.rows[0]?.value ?? null;
  }

  async recordFeedback(f: FeedbackRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO feedback (platform, user_id, council, question, clause_id, helpful, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [f.platform, f.userId, f.council, f.question, f.clauseId, f.helpful, this.clock()],
    );
  }

  async recordUnanswered(u: UnansweredRecord): Promise<void> {
    await this.pool.query('INSERT INTO unanswered (platform, user_id, council, question, at) VALUES ($1, $2, $3, $4, $5)', [
      u.platform,
      u.userId,
      u.council,
      u.question,
      this.clock(),
    ]);
  }

  async report(council: string, since: Date): Promise<ReportRow[]> {
    const r = await this.pool.query<ReportDbRow>(reportSql(['$1', '$2', '$1', '$2'], 'FALSE'), [council, since]);
    return r.rows.map(reportFromRow);
  }

  async fileNotice(notice: StoredNotice, deliveries: NewDelivery[]): Promise<void> {
    const n = noticeToRow(notice);
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO notices (id, council, group_name, meeting_date, officers, advice, information,
           filed_by_platform, filed_by_user, filed_by_name, filed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [n.id, n.council, n.group_name, n.meeting_date, n.officers, n.advice, n.information, n.filed_by_platform, n.filed_by_user, n.filed_by_name, notice.filedAt],
      );
      await insertDeliveries(client, notice.id, deliveries);
    });
  }

  async addDeliveries(noticeId: string, deliveries: NewDelivery[]): Promise<number> {
    const client = await this.pool.connect();
    try {
      return await insertDeliveries(client, noticeId, deliveries);
    } finally {
      client.release();
    }
  }

  async claimDeliveries(platform: Platform, limit: number, now: Date, staleAfterMs: number): Promise<Delivery[]> {
    const r = await this.pool.query<DeliveryRow>(
      `WITH due AS (
         SELECT id FROM deliveries
         WHERE platform = $1
           AND ((state = 'pending' AND not_before <= $2) OR (state = 'in-flight' AND claimed_at <= $3))
         ORDER BY not_before, id
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
       UPDATE deliveries d SET
         may_have_been_sent = d.may_have_been_sent OR d.state = 'in-flight',
         state = 'in-flight', attempts = d.attempts + 1, claimed_at = $2
       FROM due WHERE d.id = due.id
       RETURNING d.*`,
      [platform, now, new Date(now.getTime() - staleAfterMs), limit],
    );
    return r.rows.map(deliveryFromRow).sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime() || a.id.localeCompare(b.id));
  }

  async nextDueAt(platform: Platform): Promise<Date | null> {
    const r = await this.pool.query<{ at: Date | null }>(`SELECT MIN(not_before) AS at FROM deliveries WHERE platform = $1 AND state = 'pending'`, [platform]);
    return r.rows[0]?.at ?? null;
  }

  async markDelivered(deliveryId: string, messageId: string): Promise<void> {
    await this.pool.query(`UPDATE deliveries SET state = 'delivered', message_id = $1, claimed_at = NULL WHERE id = $2`, [messageId, deliveryId]);
  }

  async markRetry(deliveryId: string, notBefore: Date, error: string): Promise<void> {
    await this.pool.query(
      `UPDATE deliveries SET state = 'pending', not_before = $1, last_error = $2, claimed_at = NULL WHERE id = $3 AND state = 'in-flight'`,
      [notBefore, clipError(error), deliveryId],
    );
  }

  async releaseDeliveries(deliveryIds: string[], notBefore: Date, note?: string): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.pool.query(
      `UPDATE deliveries SET state = 'pending', not_before = $1, attempts = GREATEST(attempts - 1, 0),
         last_error = COALESCE($2, last_error), claimed_at = NULL
       WHERE id = ANY($3::text[]) AND state = 'in-flight'`,
      [notBefore, note === undefined ? null : clipError(note), deliveryIds],
    );
  }

  async recoverInFlight(now: Date): Promise<number> {
    const result = await this.pool.query(
      `UPDATE deliveries SET state = 'pending', may_have_been_sent = TRUE, claimed_at = NULL, not_before = $1 WHERE state = 'in-flight'`,
      [now],
    );
    return result.rowCount ?? 0;
  }

  async markFailed(deliveryId: string, error: string): Promise<void> {
    await this.pool.query(`UPDATE deliveries SET state = 'failed', last_error = $1, claimed_at = NULL WHERE id = $2 AND state <> 'delivered'`, [
      clipError(error),
      deliveryId,
    ]);
  }

  async getDelivery(deliveryId: string): Promise<Delivery | null> {
    const r = await this.pool.query<DeliveryRow>('SELECT * FROM deliveries WHERE id = $1', [deliveryId]);
    return r.rows[0] ? deliveryFromRow(r.rows[0]) : null;
  }

  async listDeliveries(noticeId: string): Promise<Delivery[]> {
    // COLLATE "C": the same byte order SQLite uses, whatever the database's locale.
    const r = await this.pool.query<DeliveryRow>('SELECT * FROM deliveries WHERE notice_id = $1 ORDER BY platform, recipient COLLATE "C"', [noticeId]);
    return r.rows.map(deliveryFromRow);
  }

  async acknowledge(noticeId: string, platform: Platform, userId: string, at: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO acknowledgements (notice_id, platform, user_id, at) SELECT id, $1, $2, $3 FROM notices WHERE id = $4
       ON CONFLICT (notice_id, platform, user_id) DO NOTHING`,
      [platform, userId, at, noticeId],
    );
  }

  async getNotice(noticeId: string): Promise<StoredNotice | null> {
    const r = await this.pool.query<NoticeRow>('SELECT * FROM notices WHERE id = $1', [noticeId]);
    return r.rows[0] ? noticeFromRow(r.rows[0]) : null;
  }

  async listNotices(council: string): Promise<NoticeSummary[]> {
    const r = await this.pool.query<SummaryRow>(registerSql('$1'), [council]);
    return r.rows.map(summaryFromRow);
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
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
