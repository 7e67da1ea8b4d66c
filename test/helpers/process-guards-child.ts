/**
 * A child process for the process-guards test: installs the guards as the entry point does, then
 * leaves a promise rejection unhandled ("rejection") or throws from a timer ("exception").
 */
import { installProcessGuards } from '../../adapters/process-guards';
import { createLogger } from '../../src/logger';

const logger = createLogger({ level: 'info', fd: 1 });
installProcessGuards(logger, (code) => process.exit(code));

if (process.argv[2] === 'rejection') {
  void Promise.reject(new Error('a stray rejection nobody awaited'));
  setTimeout(() => {
    logger.info('still serving');
    process.exit(0);
  }, 200);
} else {
  setTimeout(() => {
    throw new Error('a bug thrown from a timer');
  }, 10);
}
