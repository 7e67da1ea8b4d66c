/**
 * Adaptive Cards for attendance notices: the filing form (with an error under each field it
 * rejected), the notice a member receives with "I've read this", the filer's progress, the register.
 */
import type { NoticeField, NoticeProgress } from '../../src/notices/notice-model';
import { formatMeetingDate, noticeMessages, renderNoticeText, renderProgress } from '../../src/notices/notice-messages';
import { NOTICE_LIMITS } from '../../src/notices/notice-model';
import type { NoticeSummary, ReportRow, StoredNotice } from '../../src/store/store';
import { actionSet, adaptiveCard, linesToBlocks, submitAction, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { NOTICE_FIELDS } from './card-actions';
import { neutralise } from './card-text';
import { teamsMessages } from './teams-messages';

const REGISTER_ROWS = 10;
const REPORT_ROWS = 20;

/** The form; `values` refill it and `errors` sit under their fields when it is sent back. */
export function renderNoticeForm(values: Partial<Record<NoticeField, string>> = {}, errors: Partial<Record<NoticeField, string>> = {}): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(teamsMessages.noticeFormTitle, { weight: 'Bolder', size: 'Medium' }),
    textBlock(teamsMessages.noticeFormIntro, { subtle: true }),
  ];
  if (Object.keys(errors).length) body.push(textBlock(noticeMessages.fieldErrorsHeading, { color: 'Attention', weight: 'Bolder' }));
  for (const field of NOTICE_FIELDS) {
    body.push(input(field, values[field]));
    const error = errors[field];
    if (error) body.push(textBlock(error, { color: 'Attention', size: 'Small', spacing: 'None' }));
  }
  return adaptiveCard(body, [submitAction(teamsMessages.noticeSubmit, { action: 'notice-submit' }, 'positive')]);
}

function input(field: NoticeField, value: string | undefined): CardElement {
  const label = teamsMessages.fieldLabels[field];
  const common = { id: field, label, ...(value ? { value } : {}) };
  if (field === 'meetingDate') {
    return { type: 'Input.Date', ...common, isRequired: true, errorMessage: `${noticeMessages.fieldLabels.meetingDate} is required.` };
  }
  const multiline = field === 'advice' || field === 'information';
  const required = field !== 'information';
  return {
    type: 'Input.Text',
    ...common,
    isMultiline: multiline,
    maxLength: NOTICE_LIMITS[field],
    ...(required ? { isRequired: true, errorMessage: `${noticeMessages.fieldLabels[field]} is required.` } : {}),
  };
}

/** What a member (or the channel) receives: the notice verbatim and the acknowledge button. */
export function renderNoticeCard(notice: StoredNotice): AdaptiveCard {
  const [title = noticeMessages.title, ...rest] = renderNoticeText(notice).split('\n');
  return adaptiveCard(
    [textBlock(title, { weight: 'Bolder', size: 'Medium' }), ...linesToBlocks(rest.join('\n'), (line) => neutralise(line, 4000))],
    [submitAction(noticeMessages.acknowledgeButton, { action: 'notice-ack', noticeId: notice.id }, 'positive')],
  );
}

/** The filer's view of delivery, updated in place while it runs. */
export function renderProgressCard(notice: StoredNotice, progress: NoticeProgress | undefined, final: boolean): AdaptiveCard {
  const heading = final
    ? teamsMessages.noticeFinished(neutralise(notice.group, 200), formatMeetingDate(notice.meetingDate))
    : teamsMessages.noticeFiled(neutralise(notice.group, 200), formatMeetingDate(notice.meetingDate));
  const text = progress ? renderProgress(progress) : noticeMessages.filed;
  return adaptiveCard([textBlock(heading, { weight: 'Bolder' }), ...linesToBlocks(text, (line) => neutralise(line))]);
}

/** The newest notices with delivery and acknowledgement counts, and the export button. */
export function renderRegisterCard(rows: NoticeSummary[]): AdaptiveCard {
  if (rows.length === 0) return adaptiveCard([textBlock(noticeMessages.registerEmpty)]);
  const shown = rows.slice(0, REGISTER_ROWS);
  const body: CardElement[] = [textBlock(teamsMessages.registerHeading(rows.length), { weight: 'Bolder', size: 'Medium' })];
  for (const r of shown) {
    body.push(
      textBlock(`${formatMeetingDate(r.notice.meetingDate)}: ${neutralise(r.notice.group, 200)}`, { weight: 'Bolder', spacing: 'Medium' }),
      textBlock(
        `Filed by ${neutralise(r.notice.filedBy.name ?? r.notice.filedBy.userId, 200)}. Delivered ${r.delivered} of ${r.total}` +
          `${r.failed ? `, ${r.failed} failed` : ''}${r.pending ? `, ${r.pending} pending` : ''}; ${r.acknowledged} read.`,
        { subtle: true, spacing: 'None' },
      ),
    );
  }
  if (rows.length > shown.length) body.push(textBlock(teamsMessages.registerMore(shown.length, rows.length), { subtle: true }));
  body.push(actionSet([submitAction('Export as CSV', { action: 'command', command: 'notices export' })]));
  return adaptiveCard(body);
}

/** Unanswered and not-helpful questions, newest first. */
export function renderReportCard(rows: ReportRow[], days: number): AdaptiveCard {
  if (rows.length === 0) return adaptiveCard([textBlock(teamsMessages.reportEmpty(days))]);
  const body: CardElement[] = [textBlock(teamsMessages.reportHeading(days), { weight: 'Bolder', size: 'Medium' })];
  for (const r of rows.slice(0, REPORT_ROWS)) {
    const what = r.kind === 'unanswered' ? 'Unanswered' : `Not helpful${r.clauseId ? ` (clause ${r.clauseId})` : ''}`;
    body.push(textBlock(`${what}, ${r.at.toISOString().slice(0, 10)}: ${neutralise(r.question, 300)}`, { spacing: 'Small' }));
  }
  if (rows.length > REPORT_ROWS) body.push(textBlock(teamsMessages.reportMore(REPORT_ROWS, rows.length), { subtle: true }));
  return adaptiveCard(body);
}
