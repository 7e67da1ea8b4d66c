import { DeliveryError } from '../../src/errors';
import { backoffMs, planAfterFailure, type RetryPolicy } from '../../src/notices/delivery-failure';
import { DeliveryPacer } from '../../src/notices/delivery-pacer';

describe('DeliveryPacer', () => {
  it('lets a second’s worth of sends through at once, then spaces them at the overall rate', () => {
    let now = 0;
    const pacer = new DeliveryPacer({ perSecond: 4, perRecipientPerSecond: 1 }, () => now);
    expect(['A', 'B', 'C', 'D', 'E'].map((r) => pacer.take(r))).toEqual([0, 0, 0, 0, 250]);
    now = 250;
    expect(pacer.take('E')).toBe(0);
    expect(pacer.take('F')).toBe(250);
    now = 2000;
    expect(['G', 'H', 'I', 'J', 'K'].map((r) => pacer.take(r))).toEqual([0, 0, 0, 0, 250]);
  });

  it('spaces sends to one recipient or channel at its own rate, without holding back others', () => {
    let now = 0;
    const pacer = new DeliveryPacer({ perSecond: 100, perRecipientPerSecond: 1 }, () => now);
    expect(pacer.take('channel:C1')).toBe(0);
    expect(pacer.take('channel:C1')).toBe(1000);
    expect(pacer.take('U1')).toBe(0);
    now = 400;
    expect(pacer.take('channel:C1')).toBe(600);
    now = 1000;
    expect(pacer.take('channel:C1')).toBe(0);
    expect(pacer.take('channel:C1')).toBe(1000);
  });

  it('does not pace at all for unlimited couriers', () => {
    const pacer = new DeliveryPacer({ perSecond: Infinity, perRecipientPerSecond: Infinity }, () => 0);
    expect(Array.from({ length: 5 }, () => pacer.take('U1'))).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('planAfterFailure', () => {
  const policy: RetryPolicy = { maxAttempts: 3, backoff: { baseMs: 1000, maxMs: 5000 }, random: () => 0.5 };
  const now = new Date('2026-11-23T10:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);

  it('waits as long as the platform asked after a rate limit', () => {
    expect(planAfterFailure(new DeliveryError('DELIVERY_RATE_LIMITED', 'ratelimited', 30_000), 7, now, policy)).toEqual({
      kind: 'rate-limited',
      until: at(30_000),
      reason: 'rate limited: ratelimited',
    });
  });

  it('fails permanent errors at once', () => {
    expect(planAfterFailure(new DeliveryError('DELIVERY_PERMANENT', 'cannot_dm_bot'), 1, now, policy)).toEqual({ kind: 'failed', reason: 'cannot_dm_bot' });
  });

  it('backs off transient and unknown errors, then gives up at maxAttempts', () => {
    expect(planAfterFailure(new DeliveryError('DELIVERY_TRANSIENT', 'timeout'), 1, now, policy)).toEqual({ kind: 'retry', at: at(750), reason: 'timeout' });
    expect(planAfterFailure(new TypeError('fetch failed'), 2, now, policy)).toEqual({ kind: 'retry', at: at(1500), reason: 'fetch failed' });
    expect(planAfterFailure('socket hang up', 3, now, policy)).toEqual({ kind: 'failed', reason: 'gave up after 3 attempts: socket hang up' });
  });

  it('doubles the backoff up to its cap, with jitter between half and all of it', () => {
    const at0 = { ...policy, random: () => 0 };
    const atMax = { ...policy, random: () => 0.999999 };
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, at0))).toEqual([500, 1000, 2000, 2500, 2500]);
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, atMax))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});
