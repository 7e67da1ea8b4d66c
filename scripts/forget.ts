/**
 * `npm run forget -- --user <id> [--platform slack|teams|shell]`: erases one person's questions and
 * feedback (UK GDPR right to erasure). The notices register is a council record and is kept.
 */
import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../src/config';
import { BotError } from '../src/errors';
import { createLogger } from '../src/logger';
import { DataProtection, describeErasure } from '../src/store/data-protection';
import { openStore } from '../src/store/open-store';
import type { Platform } from '../src/store/store';

const USAGE = 'usage: npm run forget -- --user <id> [--platform slack|teams|shell]';
const PLATFORMS: readonly Platform[] = ['slack', 'teams', 'shell'];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let userId: string | undefined;
  let platform: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--user') userId = args[++i];
    else if (a === '--platform') platform = args[++i];
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else {
      process.stderr.write(`forget: unexpected "${a}"\n${USAGE}\n`);
      return 2;
    }
  }
  if (!userId?.trim()) {
    process.stderr.write(`forget: --user is required\n${USAGE}\n`);
    return 2;
  }
  if (platform !== undefined && !(PLATFORMS as readonly string[]).includes(platform)) {
    process.stderr.write(`forget: --platform must be one of ${PLATFORMS.join(', ')} (got "${platform}")\n`);
    return 2;
  }
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  // The erasure is logged (who, how many) as a record that the request was carried out.
  const logger = createLogger({ level: 'info', fd: 2 });
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  try {
    const request = { userId: userId.trim(), ...(platform ? { platform: platform as Platform } : {}) };
    const erased = await new DataProtection(store, logger).forget('officer', request, { platform: 'shell', userId: 'npm run forget' });
    process.stdout.write(`${describeErasure(request.userId, erased)}\n`);
  } finally {
    await store.close();
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`forget: ${err instanceof BotError ? err.message : (err as Error).message}\n`);
    process.exitCode = 1;
  },
);
