import { silentLogger } from '../../src/logger';
import { MIGRATIONS } from '../../src/store/migrations';
import { PostgresStore } from '../../src/store/postgres-store';
import { describeStoreContract } from './store-contract';
import { createSchema, dropSchema, freshSchemaName, POSTGRES_MISSING_MESSAGE, TEST_DATABASE_URL, withClient } from './postgres-test-schema';

if (TEST_DATABASE_URL) {
  const url = TEST_DATABASE_URL;
  let schema: string | undefined;

  describeStoreContract(
    'PostgreSQL',
    async ({ clock }) => {
      if (!schema) {
        schema = freshSchemaName();
        await createSchema(url, schema);
      }
      return new PostgresStore({ connectionString: url, schema, clock, logger: silentLogger(), maxConnections: 5 });
    },
    async () => {
      if (schema) await dropSchema(url, schema);
      schema = undefined;
    },
  );

  describe('PostgreSQL schema handling', () => {
    const created: string[] = [];
    afterAll(async () => {
      for (const s of created) await dropSchema(url, s);
    });

    it('creates a missing schema and records each migration once when replicas start together', async () => {
      const name = freshSchemaName();
      created.push(name);
      const replicas = [1, 2, 3].map(() => new PostgresStore({ connectionString: url, schema: name, maxConnections: 2 }));
      try {
        await Promise.all(replicas.map((r) => r.migrate()));
        await replicas[0]!.migrate();
      } finally {
        await Promise.all(replicas.map((r) => r.close()));
      }
      const versions = await withClient(url, (c) => c.query(`SELECT version FROM "${name}".schema_migrations ORDER BY version`));
      expect(versions.rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    });

    it('refuses a schema name that is not a plain identifier', () => {
      expect(() => new PostgresStore({ connectionString: url, schema: 'x"; DROP TABLE notices; --' })).toThrow(/Invalid schema name/);
    });
  });
} else {
  describe('PostgreSQL store', () => {
    it('needs TEST_DATABASE_URL to run', () => {
      console.warn(POSTGRES_MISSING_MESSAGE);
      expect(process.env.TEST_DATABASE_URL ?? '').toBe('');
    });
  });
}
