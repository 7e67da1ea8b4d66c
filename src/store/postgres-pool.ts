/**
 * PostgreSQL connections with every wait bounded: connecting, each statement, a transaction left
 * idle, a silent peer (keepalive), and the readiness ping. Any failure surfaces as STORE_FAILURE.
 */
import { Pool, type PoolClient, type QueryConfig, type QueryResult, type QueryResultRow } from 'pg';
import { BotError } from '../errors';
import type { Logger } from '../logger';
import { quoteIdent } from './migrations';

export interface PostgresTimeouts {
  /** Opening a connection, TLS and authentication included; also waiting for a free pooled one. */
  connectMs: number;
  /** One statement: the server cancels it (statement_timeout) and the client gives up soon after. */
  queryMs: number;
  /** A transaction left open this long (a stalled replica) is ended by the server, freeing its locks. */
  idleInTransactionMs: number;
  /** TCP keepalive probes on idle connections, so a vanished server or NAT drop is noticed. */
  keepAliveDelayMs: number;
  /** store.ping(): the readiness check must answer well inside a probe's period. */
  pingMs: number;
}

/** Nothing waits on PostgreSQL for ever: a stalled server turns into a STORE_FAILURE within these. */
export const POSTGRES_TIMEOUTS: Readonly<PostgresTimeouts> = Object.freeze({
  connectMs: 5_000,
  queryMs: 10_000,
  idleInTransactionMs: 30_000,
  keepAliveDelayMs: 10_000,
  pingMs: 2_000,
});

/** The client-side bound is a little longer, so a live server's own cancel normally comes first. */
const CLIENT_GRACE_MS = 1_000;

/** Longest close() waits for the pool to end. */
const CLOSE_WAIT_MS = 1_000;

export interface BoundedPoolOptions {
  connectionString: string;
  /** Set as each connection's search_path. */
  schema?: string;
  logger: Logger;
  maxConnections?: number;
  timeouts?: Partial<PostgresTimeouts>;
}

export class BoundedPool {
  readonly pool: Pool;
  private readonly timeouts: PostgresTimeouts;

  constructor(options: BoundedPoolOptions) {
    const t = (this.timeouts = { ...POSTGRES_TIMEOUTS, ...options.timeouts });
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: t.connectMs,
      statement_timeout: t.queryMs,
      query_timeout: t.queryMs + CLIENT_GRACE_MS,
      idle_in_transaction_session_timeout: t.idleInTransactionMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: t.keepAliveDelayMs,
      // A startup parameter rather than a SET after connecting: it holds before the first query.
      ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
    });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.pool.on('error', (err) => options.logger.error({ err }, 'postgres idle client error'));
  }

  /** pool.query with every failure (timeouts included) as a STORE_FAILURE; the pool drops a client that failed. */
  async query<R extends QueryResultRow = QueryResultRow>(text: string | QueryConfig, params?: unknown[]): Promise<QueryResult<R>> {
    try {
      return typeof text === 'string' ? await this.pool.query<R>(text, params) : await this.pool.query<R>(text);
    } catch (err) {
      throw storeFailure(err);
    }
  }

  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw storeFailure(err);
    }
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A client that timed out may still be mid-query: destroy it rather than return it to the pool.
      client.release(err instanceof Error ? err : true);
      throw storeFailure(err);
    }
  }

  /** Bounded as a whole (waiting for a connection included) by pingMs. */
  async ping(): Promise<void> {
    const { pingMs } = this.timeouts;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BotError('STORE_FAILURE', `The PostgreSQL store did not answer within ${pingMs} ms.`)), pingMs);
    });
    // pg reads a per-query query_timeout (client.js) though @types/pg's QueryConfig leaves it out.
    const answer = this.query({ text: 'select 1', query_timeout: pingMs } as QueryConfig);
    answer.catch(() => undefined);
    try {
      await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the pool; closing twice is harmless. */
  async close(): Promise<void> {
    if (this.pool.ended || this.pool.ending) return;
    // A connection still being attempted holds end() until it times out: shutdown need not wait for it.
    let timer: NodeJS.Timeout | undefined;
    const enough = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)));
    timer?.unref();
    await Promise.race([this.pool.end(), enough]);
    clearTimeout(timer);
  }
}

/** Any database failure, as the coded error adapters turn into a polite reply; the cause is kept for the log. */
export function storeFailure(err: unknown): BotError {
  if (err instanceof BotError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new BotError('STORE_FAILURE', `The PostgreSQL store failed: ${detail}`, { cause: err });
}
