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

/** Opens the store and runs its migrations; throws BotError STORE_FAILURE (with the cause) if either fails. */
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
    await store.close().catch(() => undefined);
    throw new BotError('STORE_FAILURE', `Could not prepare the ${where.kind} store (${where.file ?? where.database}): ${errorText(err)}`, {
      cause: err,
    });
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
