/** A clock the test moves by hand, so time-based behaviour is checked without waiting. */
export class ManualClock {
  private ms: number;

  constructor(start: Date | string = '2026-11-01T12:00:00Z') {
    this.ms = new Date(start).getTime();
  }

  /** Pass as `clock`: returns a fresh Date each call. */
  readonly now = (): Date => new Date(this.ms);

  advance(ms: number): Date {
    this.ms += ms;
    return this.now();
  }

  set(at: Date | string): void {
    this.ms = new Date(at).getTime();
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
