/**
 * Attendance notices in Slack: the form (a modal whose block ids are the notice's field names, so
 * the service's per-field errors map straight onto it), the message members receive, and the
 * filer's status message.
 */
import type { types } from '@slack/bolt';
import { channelOf } from '../../src/notices/courier';
import { NOTICE_LIMITS, type NoticeField, type NoticeProgress } from '../../src/notices/notice-model';
import { noticeMessages, progressHeadline, renderNoticeText } from '../../src/notices/notice-messages';
import { ROSTER_RECIPIENT, type StoredNotice } from '../../src/store/store';
import { ACTIONS, NOTICE_MODAL_ID } from './action-values';
import { type Block, type SlackMessage, actions, button, fallback, section, sections } from './block-kit';
import { channelMention, escapeAndTruncate, escapeMrkdwn, userMention } from './mrkdwn';
import { slackMessages } from './slack-messages';

/** The one action id inside each input block; the block id names the field. */
const INPUT = 'value';
const FAILURES_SHOWN = 25;

const FIELDS: { field: NoticeField; kind: 'text' | 'multiline' | 'date'; optional?: boolean; hint?: string }[] = [
  { field: 'group', kind: 'text', hint: 'For example: Labour Group' },
  { field: 'meetingDate', kind: 'date' },
  { field: 'officers', kind: 'text', hint: 'Names and job titles' },
  { field: 'advice', kind: 'multiline', hint: 'Statements of material fact only' },
  { field: 'information', kind: 'multiline', optional: true },
];

/**
 * The notice form; `values` pre-fills it (the form shown again after a failed filing) and
 * `problem` is said above the fields.
 */
export function noticeModal(values: Partial<Record<NoticeField, string>> = {}, problem?: string): types.ModalView {
  const blocks: Block[] = [section(escapeMrkdwn(slackMessages.noticeFormIntro))];
  if (problem) blocks.unshift(section(`:warning: *${escapeMrkdwn(problem)}*`));
  for (const f of FIELDS) {
    const label = { type: 'plain_text' as const, text: noticeMessages.fieldLabels[f.field] };
    const initial = values[f.field];
    const element: types.InputBlockElement =
      f.kind === 'date'
        ? { type: 'datepicker', action_id: INPUT, ...(initial && /^\d{4}-\d{2}-\d{2}$/.test(initial) ? { initial_date: initial } : {}) }
        : {
            type: 'plain_text_input',
            action_id: INPUT,
            multiline: f.kind === 'multiline',
            max_length: NOTICE_LIMITS[f.field as keyof typeof NOTICE_LIMITS],
            ...(initial ? { initial_value: initial.slice(0, NOTICE_LIMITS[f.field as keyof typeof NOTICE_LIMITS]) } : {}),
          };
    blocks.push({
      type: 'input',
      block_id: f.field,
      label,
      element,
      optional: Boolean(f.optional),
      ...(f.hint ? { hint: { type: 'plain_text', text: f.hint } } : {}),
    });
  }
  return {
    type: 'modal',
    callback_id: NOTICE_MODAL_ID,
    title: { type: 'plain_text', text: slackMessages.noticeFormTitle },
    submit: { type: 'plain_text', text: 'File notice' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

/** What the modal shows while and after filing (no submit button: there is nothing to submit). */
export function noticeStatusModal(lines: string[]): types.ModalView {
  return {
    type: 'modal',
    callback_id: NOTICE_MODAL_ID,
    title: { type: 'plain_text', text: slackMessages.noticeFormTitle },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [section(lines.map(escapeMrkdwn).join('\n'))],
  };
}

/** The submitted values as the raw form NoticeService validates (missing inputs stay undefined). */
export function readNoticeForm(view: { state: { values: Record<string, Record<string, { value?: string | null; selected_date?: string | null }>> } }): Record<NoticeField, string | undefined> {
  const value = (field: NoticeField) => {
    const input = view.state.values[field]?.[INPUT];
    const raw = input?.selected_date ?? input?.value;
    return typeof raw === 'string' ? raw : undefined;
  };
  return {
    group: value('group'),
    meetingDate: value('meetingDate'),
    officers: value('officers'),
    advice: value('advice'),
    information: value('information'),
  };
}

/** Per-field errors keyed by block id, as `response_action: errors` wants them. */
export function modalErrors(errors: Partial<Record<NoticeField, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FIELDS) {
    const message = errors[f.field];
    if (message) out[f.field] = message;
  }
  // An error for no field we show still has to reach the officer.
  if (!Object.keys(out).length) out.advice = Object.values(errors).find(Boolean) ?? noticeMessages.fieldErrorsHeading;
  return out;
}

/** What each member receives: the notice verbatim (escaped) and the "I've read this" button. */
export function noticeMessage(notice: StoredNotice): SlackMessage {
  return {
    text: fallback(`${noticeMessages.title}: ${notice.group}, ${notice.meetingDate}`),
    blocks: [
      ...sections(escapeMrkdwn(renderNoticeText(notice))),
      ...actions([button(noticeMessages.acknowledgeButton, ACTIONS.acknowledgeNotice, notice.id, 'primary')], 'notice_actions'),
    ],
  };
}

/** The filer's status message: "Delivered to N of M members.", what is under way, and failures. */
export function progressMessage(notice: StoredNotice, progress: NoticeProgress): SlackMessage {
  const lines = [`*${escapeMrkdwn(progressHeadline(progress))}*`];
  if (progress.pending > 0) lines.push(escapeMrkdwn(noticeMessages.stillSending(progress.pending)));
  if (!progress.done && progress.pending === 0) lines.push(escapeMrkdwn(noticeMessages.readingMemberList));
  const blocks: Block[] = [
    section(`${escapeMrkdwn(noticeMessages.filed)}\n${escapeAndTruncate(notice.group, 150)}, ${escapeMrkdwn(notice.meetingDate)}`),
    section(lines.join('\n')),
  ];
  if (progress.failures.length) {
    const failures = progress.failures.slice(0, FAILURES_SHOWN).map((f) => {
      const who =
        f.recipient === ROSTER_RECIPIENT
          ? escapeMrkdwn(noticeMessages.memberListFailure(f.platform))
          : f.platform === 'slack'
            ? recipientMention(f.recipient)
            : `${escapeMrkdwn(f.recipient)} (${f.platform})`;
      return `• ${who}: ${escapeAndTruncate(f.error, 200)}`;
    });
    if (progress.failures.length > FAILURES_SHOWN) failures.push(`…and ${progress.failures.length - FAILURES_SHOWN} more.`);
    blocks.push(...sections(`${escapeMrkdwn(noticeMessages.failuresHeading(progress.failures.length))}\n${failures.join('\n')}`));
  }
  return { text: fallback(progressHeadline(progress)), blocks };
}

function recipientMention(recipient: string): string {
  const channel = channelOf(recipient);
  return channel ? channelMention(channel) : userMention(recipient);
}

