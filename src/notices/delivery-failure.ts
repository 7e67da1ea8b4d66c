/** What the outbox does after a failed attempt, decided from the courier's DeliveryError code. */
import { DeliveryError } from '../errors';

export interface RetryPolicy {
  maxAttempts: number;
  backoff: { baseMs: number; maxMs: number };
  /** 0 <= x < 1; injectable so tests can pin the jitter. */
  random: () => number;
}

export type FailurePlan =
  /** The platform refused for now: requeue without counting the attempt and pause the courier. */
  | { kind: 'rate-limited'; until: Date; reason: string }
  | { kind: 'retry'; at: Date; reason: string }
  | { kind: 'failed'; reason: string };

/** `attempts` counts this attempt (the store counts a claim as an attempt). */
export function planAfterFailure(err: unknown, attempts: number, now: Date, policy: RetryPolicy): FailurePlan {
  const reason = reasonOf(err);
  if (err instanceof DeliveryError && err.code === 'DELIVERY_RATE_LIMITED') {
    const waitMs = err.retryAfterMs !== undefined && err.retryAfterMs >= 0 ? err.retryAfterMs : backoffMs(1, policy);
    return { kind: 'rate-limited', until: new Date(now.getTime() + waitMs), reason: `rate limited: ${reason}` };
  }
  if (err instanceof DeliveryError && err.code === 'DELIVERY_PERMANENT') return { kind: 'failed', reason };
  if (attempts >= policy.maxAttempts) return { kind: 'failed', reason: `gave up after ${attempts} attempts: ${reason}` };
  return { kind: 'retry', at: new Date(now.getTime() + backoffMs(attempts, policy)), reason };
}

/** Exponential from baseMs, capped at maxMs, with "equal jitter": between half and all of it. */
export function backoffMs(attempts: number, policy: RetryPolicy): number {
  const { baseMs, maxMs } = policy.backoff;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + policy.random() * (ceiling / 2));
}

function reasonOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
