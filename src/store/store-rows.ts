/** Row shapes shared by the SQLite and PostgreSQL stores, and their mapping to the port's types. */
import { ROSTER_RECIPIENT, type Delivery, type DeliveryState, type NoticeSummary, type Platform, type ReportRow, type StoredNotice } from './store';

/** SQLite gives epoch milliseconds, PostgreSQL a Date. */
export type DbTime = number | Date;

export interface NoticeRow {
  id: string;
  council: string;
  group_name: string;
  meeting_date: string;
  officers: string;
  advice: string;
  information: string;
  filed_by_platform: string;
  filed_by_user: string;
  filed_by_name: string | null;
  filed_at: DbTime;
}

export interface DeliveryRow {
  id: string;
  notice_id: string;
  platform: string;
  recipient: string;
  state: string;
  attempts: number;
  not_before: DbTime;
  claimed_at: DbTime | null;
  lease_until: DbTime | null;
  message_id: string | null;
  last_error: string | null;
  may_have_been_sent: number | boolean;
}

/** Counts come back as numbers from SQLite and as strings (bigint) from PostgreSQL. */
export interface SummaryRow extends NoticeRow {
  total: number | string | null;
  delivered: number | string | null;
  failed: number | string | null;
  pending: number | string | null;
  acknowledged: number | string | null;
}

export interface ReportDbRow {
  kind: string;
  council: string;
  question: string;
  clause_id: string | null;
  at: DbTime;
}

export function toDate(value: DbTime): Date {
  return value instanceof Date ? value : new Date(Number(value));
}

export function noticeToRow(n: StoredNotice): NoticeRow {
  return {
    id: n.id,
    council: n.council,
    group_name: n.group,
    meeting_date: n.meetingDate,
    officers: n.officers,
    advice: n.advice,
    information: n.information,
    filed_by_platform: n.filedBy.platform,
    filed_by_user: n.filedBy.userId,
    filed_by_name: n.filedBy.name ?? null,
    filed_at: n.filedAt.getTime(),
  };
}

export function noticeFromRow(r: NoticeRow): StoredNotice {
  const filedBy: StoredNotice['filedBy'] = { platform: r.filed_by_platform as Platform, userId: r.filed_by_user };
  if (r.filed_by_name !== null) filedBy.name = r.filed_by_name;
  return {
    id: r.id,
    council: r.council,
    group: r.group_name,
    meetingDate: r.meeting_date,
    officers: r.officers,
    advice: r.advice,
    information: r.information,
    filedBy,
    filedAt: toDate(r.filed_at),
  };
}

export function deliveryFromRow(r: DeliveryRow): Delivery {
  return {
    id: r.id,
    noticeId: r.notice_id,
    platform: r.platform as Platform,
    recipient: r.recipient,
    state: r.state as DeliveryState,
    attempts: Number(r.attempts),
    notBefore: toDate(r.not_before),
    claimedAt: r.claimed_at === null ? null : toDate(r.claimed_at),
    leaseUntil: r.lease_until === null ? null : toDate(r.lease_until),
    messageId: r.message_id,
    lastError: r.last_error,
    mayHaveBeenSent: Boolean(r.may_have_been_sent),
  };
}

export function summaryFromRow(r: SummaryRow): NoticeSummary {
  return {
    notice: noticeFromRow(r),
    total: Number(r.total ?? 0),
    delivered: Number(r.delivered ?? 0),
    failed: Number(r.failed ?? 0),
    pending: Number(r.pending ?? 0),
    acknowledged: Number(r.acknowledged ?? 0),
  };
}

export function reportFromRow(r: ReportDbRow): ReportRow {
  return {
    kind: r.kind as ReportRow['kind'],
    council: r.council,
    question: r.question,
    clauseId: r.clause_id,
    at: toDate(r.at),
  };
}

/** Keeps error text stored with a delivery to a sane size (platform errors can be long). */
export function clipError(error: string): string {
  return error.length > 1000 ? `${error.slice(0, 997)}...` : error;
}

/** The register query, the same in both dialects apart from placeholders (`council` is the one). */
export function registerSql(councilPlaceholder: string): string {
  return `
    SELECT n.*, d.total, d.delivered, d.failed, d.pending, a.acknowledged
    FROM notices n
    LEFT JOIN (
      SELECT notice_id,
        COUNT(*) AS total,
        SUM(CASE WHEN state = 'delivered' THEN 1 ELSE 0 END) AS delivered,
        SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END) AS failed,
        SUM(CASE WHEN state IN ('pending', 'in-flight') THEN 1 ELSE 0 END) AS pending
      FROM deliveries WHERE recipient <> '${ROSTER_RECIPIENT}' GROUP BY notice_id
    ) d ON d.notice_id = n.id
    LEFT JOIN (
      SELECT notice_id, COUNT(*) AS acknowledged FROM acknowledgements GROUP BY notice_id
    ) a ON a.notice_id = n.id
    WHERE n.council = ${councilPlaceholder}
    ORDER BY n.filed_at DESC, n.id DESC`;
}

/** Unanswered and not-helpful questions, newest first; placeholders are (council, since) twice. */
export function reportSql(p: [string, string, string, string], falseValue: string): string {
  return `
    SELECT 'unanswered' AS kind, council, question, NULL AS clause_id, at FROM unanswered
      WHERE council = ${p[0]} AND at >= ${p[1]}
    UNION ALL
    SELECT 'not-helpful' AS kind, council, question, clause_id, at FROM feedback
      WHERE council = ${p[2]} AND at >= ${p[3]} AND helpful = ${falseValue}
    ORDER BY at DESC`;
}
