/**
 * The replies to what a Slack user types, whichever way it came in (slash command, mention, DM):
 * help, an answer from the core, the officers' report and the notices register, as Block Kit.
 * How each reply is delivered (in the ack, in a thread, ephemeral) is the listener's business.
 */
import type { Answer } from '../../src/answer/answer-model';
import type { ForgetCommand } from '../../src/commands';
import { helpText, messages } from '../../src/messages';
import { noticeMessages } from '../../src/notices/notice-messages';
import type { Role } from '../../src/protocol/model';
import { describeErasure } from '../../src/store/data-protection';
import { renderAnswer } from './answer-blocks';
import { type Block, type SlackMessage, actions, button, context, fallback, header, section, sections, textMessage } from './block-kit';
import { ACTIONS } from './action-values';
import { escapeAndTruncate, escapeMrkdwn, userMention } from './mrkdwn';
import { type SlackAdapterDeps, roleOf } from './slack-context';
import { slackMessages } from './slack-messages';

export const REPORT_DAYS = 30;
const REPORT_ROWS_SHOWN = 40;
const REGISTER_ROWS_SHOWN = 15;

export interface AskedAnswer {
  answer: Answer;
  message: SlackMessage;
}

export class CommandReplies {
  constructor(private readonly deps: SlackAdapterDeps) {}

  help(): SlackMessage {
    // The core's help predates `forget`; the officers' line for it is the adapter's own.
    const text = `${helpText(this.deps.core.protocol(this.deps.council), { platformCommand: slackMessages.command })}\n${slackMessages.helpForget}`;
    return { text: fallback(text), blocks: sections(escapeMrkdwn(text)) };
  }

  /** Asks the core for this user (their role picks the escalation path). Synchronous, so it fits in an ack. */
  answer(userId: string, text: string, options: { ephemeral: boolean }): AskedAnswer {
    const { core, config, council } = this.deps;
    const answer = core.ask({ council, role: roleOf(config, userId), text, asker: { platform: 'slack', id: userId } });
    return { answer, message: renderAnswer(answer, options) };
  }

  /**
   * A question nothing answered goes on the officers' report. The user has their answer by now, so
   * a store failure here is logged rather than followed by an apology for an answer that arrived.
   */
  async recordIfUnanswered(answer: Answer, userId: string): Promise<void> {
    if (answer.kind !== 'no-match') return;
    try {
      await this.deps.store.recordUnanswered({ platform: 'slack', userId, council: answer.council.id, question: answer.question });
    } catch (err) {
      this.deps.logger.error({ err, userId }, 'could not record an unanswered question for the report');
    }
  }

  refusal(what: 'report' | 'register' | 'notice' | 'forget'): SlackMessage {
    const text =
      what === 'report'
        ? messages.officersOnly('see the report of unanswered and not-helpful questions')
        : what === 'register'
          ? noticeMessages.registerRefusal
          : what === 'forget'
            ? messages.officersOnly(slackMessages.forgetRefusal)
            : noticeMessages.refusal;
    return textMessage(text);
  }

  /** `forget <user id>` from this Slack user: officers erase that person's Slack questions and feedback. */
  async forget(by: string, command: ForgetCommand): Promise<SlackMessage> {
    const role = roleOf(this.deps.config, by);
    if (role !== 'officer') return this.refusal('forget');
    if (!command.userId) return textMessage(slackMessages.forgetUsage);
    const erased = await this.deps.dataProtection.forget(role, { userId: command.userId, platform: 'slack' }, { platform: 'slack', userId: by });
    return textMessage(describeErasure(command.userId, erased));
  }

  /** The last 30 days' unanswered and not-helpful questions (officers only; callers check the role). */
  async report(): Promise<SlackMessage> {
    const since = new Date(Date.now() - REPORT_DAYS * 24 * 3600 * 1000);
    const rows = await this.deps.store.report(this.deps.council, since);
    if (!rows.length) return textMessage(slackMessages.reportEmpty(REPORT_DAYS));
    const lines = rows.slice(0, REPORT_ROWS_SHOWN).map((r) => {
      const kind = r.kind === 'unanswered' ? 'Unanswered' : 'Not helpful';
      const clause = r.clauseId ? ` (matched ${escapeMrkdwn(r.clauseId)})` : '';
      return `• ${r.at.toISOString().slice(0, 10)} *${kind}*${clause}: ${escapeAndTruncate(r.question, 300)}`;
    });
    const blocks: Block[] = [header(slackMessages.reportHeading(REPORT_DAYS)), ...sections(lines.join('\n'))];
    if (rows.length > REPORT_ROWS_SHOWN) blocks.push(context(slackMessages.reportMore(REPORT_ROWS_SHOWN, rows.length)));
    return { text: slackMessages.reportHeading(REPORT_DAYS), blocks };
  }

  /** The notices register, newest first (officers only; NoticeService checks the role too). */
  async register(role: Role): Promise<SlackMessage> {
    const rows = await this.deps.notices.register(role);
    if (!rows.length) return textMessage(noticeMessages.registerEmpty);
    const label = noticeMessages.fieldLabels;
    const blocks: Block[] = [header(slackMessages.registerHeading(rows.length))];
    for (const row of rows.slice(0, REGISTER_ROWS_SHOWN)) {
      const n = row.notice;
      const filer = n.filedBy.platform === 'slack' ? userMention(n.filedBy.userId) : escapeMrkdwn(n.filedBy.name ?? n.filedBy.userId);
      blocks.push(
        section(
          [
            `*${escapeMrkdwn(n.meetingDate)} · ${escapeAndTruncate(n.group, 150)}*`,
            `${label.officers}: ${escapeAndTruncate(n.officers, 300)}`,
            `${label.advice}: ${escapeAndTruncate(n.advice, 1200)}`,
            ...(n.information ? [`${label.information}: ${escapeAndTruncate(n.information, 600)}`] : []),
          ].join('\n'),
        ),
        context(
          `Filed by ${filer} on ${n.filedAt.toISOString().slice(0, 10)} · delivered ${row.delivered} of ${row.total}` +
            `${row.failed ? ` (${row.failed} failed)` : ''} · acknowledged ${row.acknowledged}`,
        ),
      );
    }
    if (rows.length > REGISTER_ROWS_SHOWN) blocks.push(context(escapeMrkdwn(slackMessages.registerMore(REGISTER_ROWS_SHOWN, rows.length))));
    return { text: slackMessages.registerHeading(rows.length), blocks };
  }

  /** Said where the notice form cannot be opened directly (a message has no trigger to open a modal). */
  noticeFormPrompt(): SlackMessage {
    return {
      text: slackMessages.noticeUseCommand,
      blocks: [section(escapeMrkdwn(slackMessages.noticeUseCommand)), ...actions([button(slackMessages.noticeOpenButton, ACTIONS.openNoticeForm, 'open', 'primary')])],
    };
  }
}
