/** Opens the configured store: PostgreSQL when a database URL is given, else SQLite in dataDir. */
import { BotError } from '../errors';
import type { Logger } from '../logger';
import { PostgresStore } from './postgres-store';
import { SqliteStore } from './sqlite-store';
import type { BotStore } from './store';

export interface OpenStoreOptions {
  /** postgres:// URL; when set, replicas share this database. */
  databaseUrl?: string;
  /** Where bot.sqlite lives when no databaseUrl is set; created on first start. */
  dataDir: string;
  logger: Logger;
  /** Time for rows the caller does not timestamp; tests pass a fixed clock. */
  clock?: () => Date;
  /** PostgreSQL only: keep the tables in this schema instead of the connection's default. */
  schema?: string;
}

const CLOSE_WAIT_MS = 2_000;

/**
 * Opens the store and runs its migrations; throws BotError STORE_FAILURE (with the cause) if either fails.
 * Bounded: a PostgreSQL server that accepts connections and never answers fails it within
 * POSTGRES_TIMEOUTS.connectMs (plus the statement timeout if it stalls mid-migration).
 */
export async function openStore(options: OpenStoreOptions): Promise<BotStore> {
  const { databaseUrl, dataDir, logger, clock, schema } = options;
  let store: BotStore;
  let where: Record<string, string>;
  try {
    if (databaseUrl) {
      store = new PostgresStore({ connectionString: databaseUrl, logger, clock, schema });
      where = { kind: 'postgres', database: describeUrl(databaseUrl), ...(schema ? { schema } : {}) };
    } else {
      const sqlite = new SqliteStore({ dataDir, logger, clock });
      store = sqlite;
      where = { kind: 'sqlite', file: sqlite.file };
    }
  } catch (err) {
    throw new BotError('STORE_FAILURE', `Could not open the store: ${errorText(err)}`, { cause: err });
  }
  try {
    await store.migrate();
  } catch (err) {
    // Bounded: closing must not hang start-up's failure on the server that just failed it.
    await Promise.race([store.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
    const which = where.kind === 'postgres' ? `the PostgreSQL database in DATABASE_URL (${where.database})` : `the SQLite store (${where.file})`;
    throw new BotError('STORE_FAILURE', `Could not prepare ${which}: ${errorText(err)}`, { cause: err });
  }
  logger.info(where, 'store opened');
  return store;
}

/** host:port/database only: the URL may carry a password. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgres';
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
