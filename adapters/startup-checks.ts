/**
 * Start-up checks that turn what the operating system or the content says into one line naming the
 * variable to change, before (or instead of) an error from deep inside a library.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../src/config';
import { ConfigError, UnknownCouncilError } from '../src/errors';
import { COUNCILS_SUBDIR } from '../src/protocol/content-loader';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** CONTENT_DIR must be a folder with a councils/ folder in it. */
export function checkContentDir(contentDir: string): void {
  if (!isFolder(contentDir)) {
    throw new ConfigError(`CONTENT_DIR: no folder "${contentDir}" (expected a folder holding councils/<id>.yaml)`);
  }
  if (!isFolder(join(contentDir, COUNCILS_SUBDIR))) {
    throw new ConfigError(`CONTENT_DIR: no folder "${join(contentDir, COUNCILS_SUBDIR)}" (expected one content file per council in it)`);
  }
}

/** The embedded database's folder must exist or be creatable, and be writable. */
export function checkDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EEXIST' || code === 'ENOTDIR' ? 'not a folder' : (code ?? 'unusable');
    throw new ConfigError(`DATA_DIR: cannot create or write to the folder "${dataDir}" (${why})`);
  }
}

/** Runs `load`, naming COUNCIL when the configured council has no content file. */
export function withCouncilNamed<T>(config: Pick<Config, 'council' | 'contentDir'>, load: () => T): T {
  try {
    return load();
  } catch (err) {
    if (err instanceof UnknownCouncilError && err.council === config.council) {
      throw new ConfigError(
        `COUNCIL: no council "${err.council}" in ${join(config.contentDir, COUNCILS_SUBDIR)} (known: ${err.known.join(', ')})`,
      );
    }
    throw err;
  }
}

/** Turns a failure to listen into a line naming PORT or HOST. */
export function listenError(err: unknown, port: number, host: string | undefined): unknown {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') return new ConfigError(`PORT ${port} is already in use${host ? ` on ${host}` : ''} (expected a free port)`);
  if (code === 'EACCES') return new ConfigError(`PORT ${port} needs privileges this user does not have (expected a port from 1024 up)`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ConfigError(`HOST: expected an address of this machine to listen on, got "${host ?? ''}"`);
  }
  return err;
}
