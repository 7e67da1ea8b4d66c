/**
 * Slack request signatures already accepted, each kept until its request's timestamp leaves the
 * five-minute window (after that the timestamp check refuses the request anyway). In memory: one
 * process is the unit a replayed request can reach twice in a row; across replicas, the event-id
 * claim and the notice submission key keep a replay from acting twice.
 */
export class ReplayCache {
  private readonly expiries = new Map<string, number>();
  private nextSweep = 0;

  constructor(
    private readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** True the first time a signature is seen within its window; false for a replay. */
  claim(signature: string, requestTimeMs: number): boolean {
    const now = this.clock();
    this.sweep(now);
    const expiry = this.expiries.get(signature);
    if (expiry !== undefined && expiry > now) return false;
    // Kept until the request would be stale in either direction (past or future skew).
    this.expiries.set(signature, Math.max(requestTimeMs, now) + this.windowMs);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  /** Drops expired signatures now and then (only signed requests get here, so the map stays small). */
  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + 30_000;
    for (const [signature, expiry] of this.expiries) if (expiry <= now) this.expiries.delete(signature);
  }
}
