/** Throwaway PostgreSQL schemas, so each test (and each parallel jest worker) starts empty. */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Set by CI; tests that need PostgreSQL say plainly when it is missing instead of skipping. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export const POSTGRES_MISSING_MESSAGE =
  'PostgreSQL store suite did not run: TEST_DATABASE_URL is not set (CI sets it to postgres://postgres@127.0.0.1:5432/test)';

export function freshSchemaName(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

/** Creates the schema; the store's migrate() would too, but tests own their schema's lifetime. */
export async function createSchema(url: string, schema: string): Promise<void> {
  await withClient(url, (c) => c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`));
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  await withClient(url, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
