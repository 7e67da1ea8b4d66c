/**
 * Run by sigkill-recovery.test.ts in its own process: a bot replica delivering a notice through a
 * file-backed platform with the outbox's real settings (leases included). Once `hangAfter` messages
 * are out, every send hangs after reaching its member and before the bot records it, so the test
 * can SIGKILL it at the worst moment. Not a test file itself.
 *
 * usage: sigkill-child <sqlite:<dataDir> | postgres:<schema>> <sentLog> <hangAfter> <member>...
 * (postgres uses TEST_DATABASE_URL from the environment)
 */
import { silentLogger } from '../../src/logger';
import { NoticeOutbox } from '../../src/notices/notice-outbox';
import { PostgresStore } from '../../src/store/postgres-store';
import { SqliteStore } from '../../src/store/sqlite-store';
import type { BotStore } from '../../src/store/store';
import { fileBackedCourier } from './file-backed-courier';

export function openTestStore(spec: string): BotStore {
  const [kind, where] = [spec.slice(0, spec.indexOf(':')), spec.slice(spec.indexOf(':') + 1)];
  if (kind === 'sqlite') return new SqliteStore({ dataDir: where });
  const url = process.env.TEST_DATABASE_URL;
  if (kind === 'postgres' && url) return new PostgresStore({ connectionString: url, schema: where });
  throw new Error(`unknown store ${spec}`);
}

async function main(): Promise<void> {
  const [storeSpec, sentLog, hangAfter, ...members] = process.argv.slice(2);
  if (!storeSpec || !sentLog || !hangAfter) throw new Error('usage: sigkill-child <store> <sentLog> <hangAfter> <member>...');
  const store = openTestStore(storeSpec);
  await store.migrate();
  const courier = fileBackedCourier(sentLog, members, async (count) => {
    if (count < Number(hangAfter)) return;
    if (count === Number(hangAfter)) process.stdout.write('hanging\n');
    await new Promise(() => undefined);
  });
  new NoticeOutbox({ store, couriers: [courier], logger: silentLogger(), concurrency: 4 }).start();
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
