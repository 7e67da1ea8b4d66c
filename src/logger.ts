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

export function createLogger(options: { level: string; pretty?: boolean; destination?: pino.DestinationStream }): Logger {
  const base: pino.LoggerOptions = { level: options.level, redact: { paths: REDACT, censor: '[redacted]' } };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true, destination: 2 } } });
  }
  return pino(base);
}

/** A logger that discards everything, for tests and one-shot CLI runs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
