/**
 * Preload for a bot child process (`node -r tsx/cjs -r ./test/helpers/slack-clock-offset.ts …`):
 * moves the process's wall clock forward by SLACK_TEST_CLOCK_OFFSET_MS, so a restart can happen
 * "later" than it really does, e.g. past the outbox's five-minute window after which a claim left
 * by a crashed process counts as stale, without the test waiting five real minutes. Only Date is
 * shifted; timers and performance.now() keep real time.
 */
const offsetMs = Number(process.env.SLACK_TEST_CLOCK_OFFSET_MS ?? '0');

if (Number.isFinite(offsetMs) && offsetMs !== 0) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<typeof Date> | []) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...(args as ConstructorParameters<typeof Date>));
    }

    static override now(): number {
      return RealDate.now() + offsetMs;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

export {};
