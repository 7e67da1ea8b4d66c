/**
 * The notices register as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma,
 * quote or line break). Cells a spreadsheet would run as a formula are prefixed with ' .
 */
import type { NoticeSummary } from '../store/store';

export const REGISTER_CSV_COLUMNS = [
  'filed_at',
  'meeting_date',
  'group',
  'officers',
  'advice',
  'information',
  'filed_by',
  'delivered',
  'total',
  'acknowledged',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised against CSV injection, then quoted if it needs to be. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function registerCsv(rows: NoticeSummary[]): string {
  const lines = [REGISTER_CSV_COLUMNS.join(',')];
  for (const { notice, delivered, total, acknowledged } of rows) {
    const filer = notice.filedBy.name ? `${notice.filedBy.name} (${notice.filedBy.platform}:${notice.filedBy.userId})` : `${notice.filedBy.platform}:${notice.filedBy.userId}`;
    const cells = [
      notice.filedAt.toISOString(),
      notice.meetingDate,
      notice.group,
      notice.officers,
      notice.advice,
      notice.information,
      filer,
      delivered,
      total,
      acknowledged,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
