/**
 * Versioned schema migrations. Each has one SQL script per dialect; applied versions are recorded
 * in schema_migrations. Never edit an applied migration: append a new version instead.
 */
import type Database from 'better-sqlite3';
import type { Pool } from 'pg';
import type { Logger } from '../logger';

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

/** Times are epoch milliseconds in SQLite and timestamptz in PostgreSQL. */
export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'events, feedback, unanswered, notices, deliveries, acknowledgements',
    sqlite: `
      CREATE TABLE processed_events (key TEXT PRIMARY KEY, seen_at INTEGER NOT NULL);
      CREATE INDEX processed_events_seen_at ON processed_events (seen_at);

      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL, user_id TEXT NOT NULL,
        council TEXT NOT NULL, question TEXT NOT NULL, clause_id TEXT, helpful INTEGER NOT NULL,
        at INTEGER NOT NULL);
      CREATE INDEX feedback_council_at ON feedback (council, at);

      CREATE TABLE unanswered (
        id INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL, user_id TEXT NOT NULL,
        council TEXT NOT NULL, question TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX unanswered_council_at ON unanswered (council, at);

      CREATE TABLE notices (
        id TEXT PRIMARY KEY, council TEXT NOT NULL, group_name TEXT NOT NULL,
        meeting_date TEXT NOT NULL, officers TEXT NOT NULL, advice TEXT NOT NULL,
        information TEXT NOT NULL, filed_by_platform TEXT NOT NULL, filed_by_user TEXT NOT NULL,
        filed_by_name TEXT, filed_at INTEGER NOT NULL);
      CREATE INDEX notices_council_filed_at ON notices (council, filed_at);

      CREATE TABLE deliveries (
        id TEXT PRIMARY KEY, notice_id TEXT NOT NULL REFERENCES notices (id),
        platform TEXT NOT NULL, recipient TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'in-flight', 'delivered', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0, not_before INTEGER NOT NULL, claimed_at INTEGER,
        message_id TEXT, last_error TEXT, may_have_been_sent INTEGER NOT NULL DEFAULT 0,
        UNIQUE (notice_id, platform, recipient));
      CREATE INDEX deliveries_due ON deliveries (platform, state, not_before);

      CREATE TABLE acknowledgements (
        notice_id TEXT NOT NULL REFERENCES notices (id), platform TEXT NOT NULL,
        user_id TEXT NOT NULL, at INTEGER NOT NULL,
        PRIMARY KEY (notice_id, platform, user_id));
    `,
    postgres: `
      CREATE TABLE processed_events (key TEXT PRIMARY KEY, seen_at TIMESTAMPTZ NOT NULL);
      CREATE INDEX processed_events_seen_at ON processed_events (seen_at);

      CREATE TABLE feedback (
        id BIGSERIAL PRIMARY KEY, platform TEXT NOT NULL, user_id TEXT NOT NULL,
        council TEXT NOT NULL, question TEXT NOT NULL, clause_id TEXT, helpful BOOLEAN NOT NULL,
        at TIMESTAMPTZ NOT NULL);
      CREATE INDEX feedback_council_at ON feedback (council, at);

      CREATE TABLE unanswered (
        id BIGSERIAL PRIMARY KEY, platform TEXT NOT NULL, user_id TEXT NOT NULL,
        council TEXT NOT NULL, question TEXT NOT NULL, at TIMESTAMPTZ NOT NULL);
      CREATE INDEX unanswered_council_at ON unanswered (council, at);

      CREATE TABLE notices (
        id TEXT PRIMARY KEY, council TEXT NOT NULL, group_name TEXT NOT NULL,
        meeting_date TEXT NOT NULL, officers TEXT NOT NULL, advice TEXT NOT NULL,
        information TEXT NOT NULL, filed_by_platform TEXT NOT NULL, filed_by_user TEXT NOT NULL,
        filed_by_name TEXT, filed_at TIMESTAMPTZ NOT NULL);
      CREATE INDEX notices_council_filed_at ON notices (council, filed_at);

      CREATE TABLE deliveries (
        id TEXT PRIMARY KEY, notice_id TEXT NOT NULL REFERENCES notices (id),
        platform TEXT NOT NULL, recipient TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'in-flight', 'delivered', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0, not_before TIMESTAMPTZ NOT NULL,
        claimed_at TIMESTAMPTZ, message_id TEXT, last_error TEXT,
        may_have_been_sent BOOLEAN NOT NULL DEFAULT FALSE,
        UNIQUE (notice_id, platform, recipient));
      CREATE INDEX deliveries_due ON deliveries (platform, state, not_before);

      CREATE TABLE acknowledgements (
        notice_id TEXT NOT NULL REFERENCES notices (id), platform TEXT NOT NULL,
        user_id TEXT NOT NULL, at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (notice_id, platform, user_id));
    `,
  },
  {
    version: 2,
    name: 'adapter state',
    sqlite: `CREATE TABLE adapter_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL);`,
    postgres: `CREATE TABLE adapter_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TIMESTAMPTZ NOT NULL);`,
  },
  {
    version: 3,
    // Rows in flight when this runs keep the old five-minute window as their lease.
    name: 'notice submission keys; delivery leases',
    sqlite: `
      ALTER TABLE notices ADD COLUMN submission_key TEXT;
      CREATE UNIQUE INDEX notices_submission_key ON notices (submission_key);
      ALTER TABLE deliveries ADD COLUMN lease_until INTEGER;
      UPDATE deliveries SET lease_until = claimed_at + 300000 WHERE state = 'in-flight';
    `,
    postgres: `
      ALTER TABLE notices ADD COLUMN submission_key TEXT;
      CREATE UNIQUE INDEX notices_submission_key ON notices (submission_key);
      ALTER TABLE deliveries ADD COLUMN lease_until TIMESTAMPTZ;
      UPDATE deliveries SET lease_until = claimed_at + interval '5 minutes' WHERE state = 'in-flight';
    `,
  },
]);

const LEDGER_SQLITE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`;
const LEDGER_POSTGRES = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`;

/**
 * Applies pending migrations in one IMMEDIATE transaction, which takes SQLite's write lock first,
 * so two processes starting on one file apply each version once. Returns the versions applied.
 */
export function migrateSqlite(db: Database.Database, logger: Logger, migrations = MIGRATIONS): number[] {
  const run = db.transaction(() => {
    db.exec(LEDGER_SQLITE);
    const done = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      db.exec(m.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
      applied.push(m.version);
    }
    return applied;
  });
  const applied = run.immediate();
  for (const v of applied) logger.info({ version: v, dialect: 'sqlite' }, 'schema migration applied');
  return applied;
}

/**
 * Applies pending migrations in one transaction under an advisory lock keyed by schema, so
 * replicas starting at once queue behind each other and each version is applied once.
 */
export async function migratePostgres(
  pool: Pool,
  logger: Logger,
  schema: string | undefined,
  migrations = MIGRATIONS,
): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  let failure: unknown;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`protocol-bot:migrate:${schema ?? 'public'}`]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(LEDGER_POSTGRES);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query(m.postgres);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
  } catch (err) {
    failure = err;
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    // A client that failed (a timeout, say) may be mid-query: the pool destroys it instead of reusing it.
    client.release(failure === undefined ? undefined : true);
  }
  for (const v of applied) logger.info({ version: v, dialect: 'postgres', schema }, 'schema migration applied');
  return applied;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** Quotes a schema name after checking it is a plain lower-case identifier. */
export function quoteIdent(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Invalid schema name "${name}": use lower-case letters, digits and _.`);
  return `"${name}"`;
}
