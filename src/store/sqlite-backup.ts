/**
 * A consistent copy of the embedded store while the bot runs, through SQLite's online backup API
 * (better-sqlite3 `db.backup()`): it copies one snapshot, starting again if a write lands midway.
 */
import { closeSync, openSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BotError } from '../errors';
import { DATA_FILE_MODE, SQLITE_FILE_NAME } from './sqlite-store';

export interface BackupResult {
  source: string;
  file: string;
  bytes: number;
  notices: number;
}

/** Copies `<dataDir>/bot.sqlite` to `target`, which must not exist yet; the copy is checked and readable by its owner only. */
export async function backupSqlite(dataDir: string, target: string): Promise<BackupResult> {
  const source = path.join(dataDir, SQLITE_FILE_NAME);
  let db: Database.Database;
  try {
    db = new Database(source, { fileMustExist: true });
  } catch (err) {
    throw new BotError('STORE_FAILURE', `No SQLite store to back up at ${source} (check DATA_DIR).`, { cause: err });
  }
  try {
    // Created here, exclusively and private, so an existing file is never overwritten and the copy is never world-readable.
    closeSync(openSync(target, 'wx', DATA_FILE_MODE));
  } catch (err) {
    db.close();
    const exists = (err as NodeJS.ErrnoException).code === 'EEXIST';
    throw new BotError('STORE_FAILURE', exists ? `${target} already exists: choose a new file name (backups never overwrite).` : `Cannot create ${target}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target);
    const notices = checkCopy(target);
    return { source, file: target, bytes: statSync(target).size, notices };
  } catch (err) {
    unlinkSync(target);
    throw err instanceof BotError ? err : new BotError('STORE_FAILURE', `Backup of ${source} failed: ${(err as Error).message}`, { cause: err });
  } finally {
    db.close();
  }
}

/** Opens the copy on its own and checks it page by page; returns how many notices it holds. */
function checkCopy(file: string): number {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BotError('STORE_FAILURE', `The backup in ${file} failed its integrity check: ${String(check)}`);
    return (copy.prepare('SELECT COUNT(*) AS n FROM notices').get() as { n: number }).n;
  } finally {
    copy.close();
  }
}
