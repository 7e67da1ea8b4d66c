/**
 * `npm run backup -- <file>`: a consistent copy of the SQLite store while the bot runs. With
 * DATABASE_URL set it prints how to back up PostgreSQL instead (and writes nothing).
 */
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../src/config';
import { BotError } from '../src/errors';
import { backupSqlite } from '../src/store/sqlite-backup';

const USAGE = 'usage: npm run backup -- <file>   (a new file: backups never overwrite)';

const POSTGRES_ADVICE = `This bot keeps its data in PostgreSQL (DATABASE_URL), so back it up with PostgreSQL's own tools,
which take a consistent snapshot while the bot runs:
  pg_dump --format=custom --file=protocol-bot.dump "$DATABASE_URL"
Restore into an empty database (stop the bot first):
  pg_restore --no-owner --dbname="$DATABASE_URL" protocol-bot.dump
Nothing was written.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  if (config.databaseUrl) {
    process.stdout.write(`${POSTGRES_ADVICE}\n`);
    return 2;
  }
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const result = await backupSqlite(config.dataDir, path.resolve(args[0]!));
  process.stdout.write(
    `Backed up ${result.notices} notice(s), ${result.bytes} bytes, from ${result.source} to ${result.file}.\n` +
      'To restore: stop the bot, delete bot.sqlite-wal and bot.sqlite-shm next to bot.sqlite, copy this file over bot.sqlite, start the bot.\n',
  );
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`backup: ${err instanceof BotError ? err.message : (err as Error).message}\n`);
    process.exitCode = 1;
  },
);
