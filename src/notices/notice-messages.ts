/**
 * User-facing wording for attendance notices, kept together. Everything here is plain text;
 * adapters escape it for their platform (Slack mrkdwn, Teams cards, the terminal).
 */
import { messages } from '../messages';
import { ROSTER_RECIPIENT, type StoredNotice } from '../store/store';
import type { NoticeField, NoticeProgress } from './notice-model';

export const noticeMessages = Object.freeze({
  /** A councillor (or unknown role) tried to file a notice. */
  refusal: messages.officersOnly('file political-group attendance notices'),
  /** A councillor asked for the register or its CSV export. */
  registerRefusal: messages.officersOnly('see the register of political-group attendance notices'),
  fieldErrorsHeading: 'The notice has not been filed. Please correct the following:',
  fieldLabels: Object.freeze({
    group: 'Political group',
    meetingDate: 'Meeting date',
    officers: 'Officer(s) who attended',
    advice: 'Advice given',
    information: 'Information provided',
  } satisfies Record<NoticeField, string>),
  filed: 'Notice filed and stored in the register. It is being delivered to every member now.',
  progress: (delivered: number, total: number) => `Delivered to ${delivered} of ${total} members.`,
  postedInChannel: 'Posted in the members channel.',
  notYetInChannel: 'Not yet posted in the members channel.',
  stillSending: (pending: number) => `Still sending to ${pending}.`,
  readingMemberList: 'Still reading the member list.',
  failuresHeading: (n: number) => `${n} could not be delivered:`,
  memberListFailure: (platform: string) => `the member list on ${platform}`,
  registerEmpty: 'No political-group attendance notices have been filed yet.',
  title: 'Political group attendance notice',
  /** The button (or reply) a member uses to confirm they have read a notice. */
  acknowledgeButton: "I've read this",
  acknowledgePrompt: `Please press "I've read this" once you have read this notice.`,
  acknowledged: 'Thank you. I have recorded that you have read this notice.',
});

/** The heading and one line per field, in form order. */
export function renderFieldErrors(errors: Partial<Record<NoticeField, string>>): string {
  const order = Object.keys(noticeMessages.fieldLabels) as NoticeField[];
  const lines = order.filter((f) => errors[f]).map((f) => `• ${noticeMessages.fieldLabels[f]}: ${errors[f]}`);
  return [noticeMessages.fieldErrorsHeading, ...lines].join('\n');
}

/** "Delivered to N of M members.", what is still under way, and each failure with its reason. */
/** "Delivered to N of M members." and whether the post in the members channel is up. */
export function progressHeadline(progress: NoticeProgress): string {
  const { channels } = progress;
  const members = noticeMessages.progress(progress.delivered, progress.total);
  if (channels.total === 0) return members;
  return `${members} ${channels.delivered === channels.total ? noticeMessages.postedInChannel : noticeMessages.notYetInChannel}`;
}

export function renderProgress(progress: NoticeProgress): string {
  const lines = [progressHeadline(progress)];
  const readingList = !progress.done && progress.pending === 0;
  if (progress.pending > 0) lines.push(noticeMessages.stillSending(progress.pending));
  if (readingList) lines.push(noticeMessages.readingMemberList);
  if (progress.failures.length > 0) {
    lines.push(noticeMessages.failuresHeading(progress.failures.length));
    for (const f of progress.failures) {
      const who = f.recipient === ROSTER_RECIPIENT ? noticeMessages.memberListFailure(f.platform) : `${f.recipient} (${f.platform})`;
      lines.push(`• ${who}: ${f.error}`);
    }
  }
  return lines.join('\n');
}

/** "23 November 2026" from "2026-11-23". */
export function formatMeetingDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * The message body a member receives, as plain text, ending with the "I've read this" prompt.
 * Couriers send it (escaped for their platform) and add the acknowledge button themselves.
 */
export function renderNoticeText(notice: StoredNotice): string {
  const filer = notice.filedBy.name ?? notice.filedBy.userId;
  return [
    noticeMessages.title,
    '',
    `An officer attended a meeting of the ${notice.group} on ${formatMeetingDate(notice.meetingDate)}.`,
    `Officer(s) who attended: ${notice.officers}`,
    '',
    'Advice given:',
    notice.advice,
    '',
    'Information provided:',
    notice.information || 'None.',
    '',
    `Filed by ${filer} on ${formatMeetingDate(notice.filedAt.toISOString().slice(0, 10))}.`,
    '',
    noticeMessages.acknowledgePrompt,
  ].join('\n');
}
