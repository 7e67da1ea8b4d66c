/**
 * The bot's store: one small port, implemented by SQLite (embedded default) and PostgreSQL
 * (shared by replicas). Every implementation passes test/store/store-contract.ts.
 */
import type { NoticeInput } from '../notices/notice-model';

export type Platform = 'slack' | 'teams' | 'shell';

/**
 * The recipient of a notice's roster-expansion row: filed with the notice, it is "delivered" by
 * paging the platform's member list into real rows. Register and progress counts leave it out.
 */
export const ROSTER_RECIPIENT = '*';

export interface FeedbackRecord {
  platform: Platform;
  userId: string;
  council: string;
  question: string;
  /** The clause the bot matched, if any. */
  clauseId: string | null;
  helpful: boolean;
}

export interface UnansweredRecord {
  platform: Platform;
  userId: string;
  council: string;
  question: string;
}

/** How many records of each kind were deleted. */
export interface ErasedRecords {
  unanswered: number;
  feedback: number;
}

export interface ReportRow {
  kind: 'unanswered' | 'not-helpful';
  council: string;
  question: string;
  clauseId: string | null;
  at: Date;
}

export interface StoredNotice extends NoticeInput {
  id: string;
  council: string;
  filedBy: { platform: Platform; userId: string; name?: string };
  filedAt: Date;
}

export type DeliveryState = 'pending' | 'in-flight' | 'delivered' | 'failed';

/** One (notice, platform, recipient) row of the outbox. Its id is the delivery id. */
export interface Delivery {
  id: string;
  noticeId: string;
  platform: Platform;
  /** A member's user id, or `channel:<id>` for the post in the members channel. */
  recipient: string;
  state: DeliveryState;
  attempts: number;
  /** Earliest time the next attempt may run. */
  notBefore: Date;
  /** When the current claim was taken (null unless in flight); it also names the claim (renewLeases). */
  claimedAt: Date | null;
  /**
   * While in flight: until when the claim holds. The working courier renews it; once it lapses (its
   * claimer crashed or stalled) any replica may claim the row again.
   */
  leaseUntil: Date | null;
  messageId: string | null;
  lastError: string | null;
  /**
   * True when an earlier claim ended without recording its outcome (its claimer crashed or was
   * stopped mid-send): a message may already be out, so ask the courier (findDelivered) first.
   */
  mayHaveBeenSent: boolean;
}

/** A register row; counts leave out the roster-expansion row. `pending` includes in-flight. */
export interface NoticeSummary {
  notice: StoredNotice;
  total: number;
  delivered: number;
  failed: number;
  pending: number;
  acknowledged: number;
}

export interface BotStore {
  /** Runs pending schema migrations; safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Resolves when the database answers a trivial query; rejects otherwise (readiness checks). */
  ping(): Promise<void>;

  /**
   * True the first time a key is seen (platform retries de-duplication), false after. Keys older
   * than the store's retention (24 h by default) are pruned now and then, so may be seen again.
   */
  claimEvent(key: string): Promise<boolean>;
  /** Forgets event keys first seen before `olderThan`; returns how many were removed. */
  pruneEvents(olderThan: Date): Promise<number>;

  /** Small durable key-value state for adapters (e.g. a Teams team's conversation reference). */
  putState(key: string, value: string): Promise<void>;
  getState(key: string): Promise<string | null>;

  recordFeedback(record: FeedbackRecord): Promise<void>;
  recordUnanswered(record: UnansweredRecord): Promise<void>;
  /** Unanswered and not-helpful questions since `since`, newest first; never who asked. */
  report(council: string, since: Date): Promise<ReportRow[]>;
  /** Deletes questions (unanswered and feedback) recorded before `olderThan`: the retention period. */
  purgeQuestions(olderThan: Date): Promise<ErasedRecords>;
  /**
   * Erases one person's questions and feedback (on one platform, or on all when none is given).
   * Notices, deliveries and acknowledgements stay: they are the council's register.
   */
  forgetUser(userId: string, platform?: Platform): Promise<ErasedRecords>;

  /**
   * Stores a notice and its outbox rows in one transaction. Recipients already known at filing
   * time may be given; more can be added later with addDeliveries (e.g. after paging a roster).
   * With a submission key already used, stores nothing and returns the notice filed with it then
   * (across replicas and concurrent calls); otherwise returns `notice`.
   */
  fileNotice(notice: StoredNotice, deliveries: { platform: Platform; recipient: string }[], submissionKey?: string): Promise<StoredNotice>;
  /**
   * Adds outbox rows, due at once (their notBefore is the notice's filedAt), ignoring any
   * (notice, platform, recipient) already present. Returns how many were added.
   */
  addDeliveries(noticeId: string, deliveries: { platform: Platform; recipient: string }[]): Promise<number>;
  /**
   * Claims up to `limit` due deliveries for `platform` (pending with notBefore <= now, or in-flight
   * with a lease that has lapsed by now), marking them in-flight with claimedAt = now and
   * leaseUntil = now + leaseMs, and counting the attempt. Safe across replicas: no delivery is
   * handed to two callers at once. A row whose lease lapsed comes back with mayHaveBeenSent set.
   */
  claimDeliveries(platform: Platform, limit: number, now: Date, leaseMs: number): Promise<Delivery[]>;
  /**
   * Extends the lease of rows still in flight under the claim taken at `claimedAt` (one batch
   * shares it) to `leaseUntil`; returns the ids renewed. A row missing from the answer is no longer
   * this claim's: finished, or claimed again by another replica after the lease lapsed.
   */
  renewLeases(deliveryIds: string[], claimedAt: Date, leaseUntil: Date): Promise<string[]>;
  /** Earliest notBefore of a pending delivery for `platform`, or null when none is queued. */
  nextDueAt(platform: Platform): Promise<Date | null>;
  markDelivered(deliveryId: string, messageId: string): Promise<void>;
  /** Puts an in-flight delivery back in the queue to retry at `notBefore`; the attempt counts. */
  markRetry(deliveryId: string, notBefore: Date, error: string): Promise<void>;
  /**
   * Returns claimed deliveries that were not attempted (or were refused by a rate limit) to the
   * queue at `notBefore` without counting the attempt; `note` replaces lastError when given.
   */
  releaseDeliveries(deliveryIds: string[], notBefore: Date, note?: string): Promise<void>;
  /**
   * Returns every in-flight delivery to the queue, due now, marked as possibly sent (so the outbox
   * checks the platform before resending). Only for a store used by one process at a time (the
   * embedded SQLite store), where anything in flight at start-up was left by a crash.
   */
  recoverInFlight(now: Date): Promise<number>;
  markFailed(deliveryId: string, error: string): Promise<void>;
  getDelivery(deliveryId: string): Promise<Delivery | null>;
  listDeliveries(noticeId: string): Promise<Delivery[]>;

  /**
   * Records a recipient's "I've read this": only a user the notice was addressed to on that platform
   * (a delivery row) counts. True when it is on record (now or from before); false for anyone else
   * or an unknown notice.
   */
  acknowledge(noticeId: string, platform: Platform, userId: string, at: Date): Promise<boolean>;
  getNotice(noticeId: string): Promise<StoredNotice | null>;
  /** The register, newest first. */
  listNotices(council: string): Promise<NoticeSummary[]>;
}
