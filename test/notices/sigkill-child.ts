/**
 * Run by sigkill-recovery.test.ts in its own process: delivers a notice through a file-backed
 * platform and, after `hangAfter` messages are out, hangs before recording the last one, so the
 * test can SIGKILL it at the worst moment. Not a test file itself.
 */
import { silentLogger } from '../../src/logger';
import { NoticeOutbox } from '../../src/notices/notice-outbox';
import { SqliteStore } from '../../src/store/sqlite-store';
import { fileBackedCourier } from './file-backed-courier';

async function main(): Promise<void> {
  const [dataDir, sentLog, hangAfter, ...members] = process.argv.slice(2);
  if (!dataDir || !sentLog || !hangAfter) throw new Error('usage: sigkill-child <dataDir> <sentLog> <hangAfter> <member>...');
  const store = new SqliteStore({ dataDir });
  await store.migrate();
  const courier = fileBackedCourier(sentLog, members, async (count) => {
    if (count < Number(hangAfter)) return;
    process.stdout.write('hanging\n');
    await new Promise(() => undefined);
  });
  await new NoticeOutbox({ store, couriers: [courier], logger: silentLogger(), concurrency: 4 }).drain();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
