/** pino logger: JSON lines, pretty when writing to a terminal. Secrets are redacted by path. */
import pino, { type Logger } from 'pino';

export type { Logger };

const REDACT = [
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.password',
  '*.MicrosoftAppPassword',
  '*.authorization',
  'req.headers.authorization',
  'headers.authorization',
];

/** `fd` 1 (stdout, the default for services) or 2 (stderr, so logs stay out of the terminal chat). */
export function createLogger(options: { level: string; pretty?: boolean; fd?: 1 | 2; destination?: pino.DestinationStream }): Logger {
  const base: pino.LoggerOptions = { level: options.level, redact: { paths: REDACT, censor: '[redacted]' } };
  if (options.destination) return pino(base, options.destination);
  const fd = options.fd ?? 1;
  if (options.pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true, destination: fd } } });
  }
  return pino(base, pino.destination({ fd, sync: true }));
}

/** A logger that discards everything, for tests and one-shot CLI runs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
