/**
 * The last resort for errors nothing else caught. Policy:
 * - an unhandled promise rejection (a stray promise in a library, e.g. an un-awaited block inside
 *   an SDK) is logged as an error with its stack, and the bot keeps serving: one bad request must
 *   not end every conversation and the notice outbox, and everything that matters is in the store;
 * - an uncaught exception leaves the process in an unknown state (Node's own advice is not to
 *   carry on), so it is logged as fatal and the process exits with status 1 for the supervisor
 *   (Docker's restart policy, systemd, the platform) to restart it; the outbox resumes from the
 *   store on start-up, so nothing filed is lost.
 * Installed once, by the entry point, which also supplies how to exit.
 */
import type { Logger } from '../src/logger';

export function installProcessGuards(logger: Logger, exit: (code: number) => void): void {
  process.on('unhandledRejection', (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled promise rejection; still serving');
  });
  process.on('uncaughtException', (err: Error, origin: string) => {
    logger.fatal({ err, origin }, 'uncaught exception; exiting so the supervisor restarts the bot');
    exit(1);
  });
}
