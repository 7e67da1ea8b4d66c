/**
 * A per-user sliding-window limit in memory (e.g. "Ask the Clerk" at most 3 times in 10 minutes),
 * shared by the Slack and Teams adapters. Per process: with several replicas a user gets the limit
 * on each, which still stops a button being pressed twenty times.
 */
export interface PerUserLimitOptions {
  max: number;
  windowMs: number;
  clock?: () => number;
}

/** "Ask the Clerk": three forwards per person per ten minutes, then a polite reply instead. */
export const ASK_CLERK_LIMIT = Object.freeze({ max: 3, windowMs: 10 * 60_000 });

export class PerUserLimit {
  private readonly uses = new Map<string, number[]>();
  private readonly clock: () => number;

  constructor(private readonly options: PerUserLimitOptions) {
    this.clock = options.clock ?? Date.now;
  }

  /** Counts a use and returns true, or returns false (counting nothing) when the user is at the limit. */
  take(userId: string): boolean {
    const now = this.clock();
    const recent = (this.uses.get(userId) ?? []).filter((t) => t > now - this.options.windowMs);
    if (recent.length >= this.options.max) {
      this.uses.set(userId, recent);
      return false;
    }
    recent.push(now);
    this.uses.set(userId, recent);
    if (this.uses.size > 10_000) this.forgetIdle(now);
    return true;
  }

  private forgetIdle(now: number): void {
    for (const [user, times] of this.uses) if (!times.some((t) => t > now - this.options.windowMs)) this.uses.delete(user);
  }
}
