/** When claimEvent should forget old event keys: platforms retry within minutes, so a day is ample. */

export const DEFAULT_EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

export class EventRetention {
  private lastPruneAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly retentionMs = DEFAULT_EVENT_RETENTION_MS) {}

  /** The cutoff to prune before, when a prune is due at `now` (at most every ten minutes); else null. */
  cutoffIfDue(now: Date): Date | null {
    if (now.getTime() - this.lastPruneAt < PRUNE_EVERY_MS) return null;
    this.lastPruneAt = now.getTime();
    return new Date(now.getTime() - this.retentionMs);
  }
}
