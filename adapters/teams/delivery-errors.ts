/**
 * Turns a Bot Connector failure into the outbox's DeliveryError. The connector client has already
 * retried 429s (honouring Retry-After) and 5xx a few times by the time an error reaches us.
 */
import { DeliveryError } from '../../src/errors';

interface ConnectorFailure {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { status?: number; headers?: { get?: (name: string) => string | undefined } };
}

/** 429 → RATE_LIMITED (with Retry-After), 403/404 → PERMANENT (not in the team, blocked the bot), else TRANSIENT. */
export function toDeliveryError(err: unknown, what: string): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const failure = (typeof err === 'object' && err !== null ? err : {}) as ConnectorFailure;
  const status = failure.statusCode ?? failure.response?.status;
  const detail = `${what}: ${status ? `Bot Connector answered ${status}` : 'no answer from the Bot Connector'}${failure.code ? ` (${failure.code})` : ''}`;
  if (status === 429) return new DeliveryError('DELIVERY_RATE_LIMITED', detail, retryAfterMs(failure));
  if (status === 403 || status === 404) return new DeliveryError('DELIVERY_PERMANENT', detail);
  return new DeliveryError('DELIVERY_TRANSIENT', detail);
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(failure: ConnectorFailure): number | undefined {
  const raw = failure.response?.headers?.get?.('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
