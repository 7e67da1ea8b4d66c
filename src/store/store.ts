/**
 * The bot's store: one small port, implemented by SQLite (embedded default) and PostgreSQL
 * (shared by replicas). Every implementation passes test/store/store-contract.ts.
 */
import type { NoticeInput } from '../notices/notice-model';

export type Platform = 'slack' | 'teams' | 'shell';

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
  /** Set when an attempt was claimed but its outcome is unknown (a crash mid-send). */
  claimedAt: Date | null;
  messageId: string | null;
  lastError: string | null;
}

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

  /** True the first time a key is seen (platform retries de-duplication), false after. */
  claimEvent(key: string): Promise<boolean>;

  recordFeedback(record: FeedbackRecord): Promise<void>;
  recordUnanswered(record: UnansweredRecord): Promise<void>;
  /** Unanswered and not-helpful questions since `since`, newest first. */
  report(council: string, since: Date): Promise<ReportRow[]>;

  /**
   * Stores a notice and its outbox rows in one transaction. Recipients already known at filing
   * time may be given; more can be added later with addDeliveries (e.g. after paging a roster).
   */
  fileNotice(notice: StoredNotice, deliveries: { platform: Platform; recipient: string }[]): Promise<void>;
  /** Adds outbox rows, ignoring any (notice, platform, recipient) already present. */
  addDeliveries(noticeId: string, deliveries: { platform: Platform; recipient: string }[]): Promise<number>;
  /**
   * Claims up to `limit` due deliveries for `platform` (pending with notBefore <= now, or in-flight
   * with claimedAt older than `staleAfterMs`), marking them in-flight. Safe across replicas.
   */
  claimDeliveries(platform: Platform, limit: number, now: Date, staleAfterMs: number): Promise<Delivery[]>;
  markDelivered(deliveryId: string, messageId: string): Promise<void>;
  /** Puts a delivery back in the queue to retry at `notBefore`. */
  markRetry(deliveryId: string, notBefore: Date, error: string): Promise<void>;
  markFailed(deliveryId: string, error: string): Promise<void>;
  getDelivery(deliveryId: string): Promise<Delivery | null>;
  listDeliveries(noticeId: string): Promise<Delivery[]>;

  /** Records a member's "I've read this"; repeated acknowledgements are ignored. */
  acknowledge(noticeId: string, platform: Platform, userId: string, at: Date): Promise<void>;
  getNotice(noticeId: string): Promise<StoredNotice | null>;
  /** The register, newest first. */
  listNotices(council: string): Promise<NoticeSummary[]>;
}
