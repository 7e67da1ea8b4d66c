/** Bolt and the Web API client log through our pino logger, so their lines share our format and redaction. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger';

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/** Wraps a pino logger in Bolt's logger interface; its level follows the pino logger's. */
export function boltLogger(logger: Logger, name: string): BoltLogger {
  const child = logger.child({ component: name });
  const line = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  const errorOf = (msg: unknown[]) => msg.find((m): m is Error => m instanceof Error);
  return {
    debug: (...msg: unknown[]) => {
      if (child.isLevelEnabled('debug')) child.debug(line(msg));
    },
    info: (...msg: unknown[]) => child.info(line(msg)),
    warn: (...msg: unknown[]) => child.warn(line(msg)),
    error: (...msg: unknown[]) => {
      const err = errorOf(msg);
      if (err) child.error({ err }, line(msg));
      else child.error(line(msg));
    },
    // Bolt calls setLevel with its own default; the pino logger's level stays in charge.
    setLevel: () => undefined,
    getLevel: () => LEVELS[child.level] ?? LogLevel.INFO,
    setName: () => undefined,
  };
}
