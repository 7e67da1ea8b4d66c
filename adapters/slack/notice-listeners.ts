/**
 * Notices in Slack: the form (views.open for officers only), its submission (NoticeService.file,
 * per-field errors shown in the modal), the filer's status message, the "I've read this" button,
 * and the CSV export sent as a file in the officer's DM.
 */
import type { App, BlockAction, ButtonAction, webApi } from '@slack/bolt';
import { BotError } from '../../src/errors';
import { noticeMessages } from '../../src/notices/notice-messages';
import { type NoticeField, validateNoticeInput } from '../../src/notices/notice-model';
import type { FileResult, Filer } from '../../src/notices/notice-service';
import { ACTIONS, NOTICE_MODAL_ID } from './action-values';
import { replyPrivately } from './answer-actions';
import { POST_OPTIONS, type SlackMessage, textMessage } from './block-kit';
import { modalErrors, noticeModal, noticeStatusModal, readNoticeForm } from './notice-blocks';
import type { NoticeProgressReporter } from './notice-progress';
import { type SlackAdapterDeps, roleOf } from './slack-context';
import { slackMessages } from './slack-messages';

/** Waits before each filing attempt: the first at once, then two retries a little apart. */
const FILING_RETRY_DELAYS_MS = [0, 1000, 3000];

export class NoticeActions {
  /** Submission keys being filed in this process now (a double click while the first is running). */
  private readonly filing = new Set<string>();

  constructor(
    private readonly deps: SlackAdapterDeps,
    private readonly progress: NoticeProgressReporter,
  ) {}

  /** Opens the notice form for an officer; for anyone else returns the refusal to show (nothing is opened). */
  async openForm(client: webApi.WebClient, triggerId: string, userId: string): Promise<SlackMessage | undefined> {
    if (roleOf(this.deps.config, userId) !== 'officer') return textMessage(noticeMessages.refusal);
    await client.views.open({ trigger_id: triggerId, view: noticeModal() });
    return undefined;
  }

  /** Sends the register as a CSV file in the officer's DM with the bot; returns what to tell them. */
  async sendExport(client: webApi.WebClient, userId: string): Promise<SlackMessage> {
    const role = roleOf(this.deps.config, userId);
    if (role !== 'officer') return textMessage(noticeMessages.registerRefusal);
    const csv = await this.deps.notices.exportCsv(role);
    const dm = await client.conversations.open({ users: userId });
    const channel = dm.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    await client.filesUploadV2({
      channel_id: channel,
      content: csv,
      filename: `notices-register-${new Date().toISOString().slice(0, 10)}.csv`,
      title: 'Notices register',
      initial_comment: slackMessages.exportComment,
    });
    return textMessage(slackMessages.exportSent);
  }

  /**
   * Files after the ack and tells the officer the truth: filed (the status message in their DM,
   * the modal saying so) or not filed (the reason, and the form back with what they typed). A
   * failure is retried with the same submission key, which cannot file twice.
   */
  private async fileAndTell(raw: Record<NoticeField, string | undefined>, filer: Filer, submissionKey: string, client: webApi.WebClient, viewId: string): Promise<void> {
    const { logger } = this.deps;
    let result: FileResult | undefined;
    let failure: unknown;
    for (const [attempt, delayMs] of FILING_RETRY_DELAYS_MS.entries()) {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      try {
        result = await this.deps.notices.file(raw, filer, { submissionKey });
        break;
      } catch (err) {
        failure = err;
        logger.error({ err, attempt: attempt + 1, submissionKey }, 'filing a notice from Slack failed');
      }
    }
    const updateModal = (view: ReturnType<typeof noticeStatusModal>) =>
      client.views.update({ view_id: viewId, view }).catch((err: unknown) => logger.debug({ err }, 'notice modal not updated (closed?)'));
    if (!result || !result.ok) {
      const reason = result && !result.ok ? Object.values(result.errors).join(' ') : describeFailure(failure);
      await updateModal(noticeModal(raw, slackMessages.noticeNotFiled(reason)));
      await client.chat
        .postMessage({ channel: filer.userId, ...textMessage(slackMessages.noticeNotFiled(reason)), ...POST_OPTIONS })
        .catch((err: unknown) => logger.error({ err }, 'could not tell the officer their notice was not filed'));
      return;
    }
    const notice = result.notice;
    await updateModal(
      noticeStatusModal([noticeMessages.filed, `${notice.group}, ${notice.meetingDate}`, ...(result.alreadyFiled ? [slackMessages.noticeAlreadyFiled] : [])]),
    );
    try {
      await this.progress.report(notice, filer.userId);
    } catch (err) {
      // The notice is filed and on its way; only the status message failed. Filing again would send it twice.
      logger.warn({ err, noticeId: notice.id }, 'could not post the notice status message');
    }
  }

  register(app: App): void {
    const { deps } = this;

    app.action<BlockAction<ButtonAction>>(ACTIONS.openNoticeForm, async ({ ack, body, respond, client }) => {
      await ack();
      const refusal = await this.openForm(client, body.trigger_id, body.user.id);
      if (refusal) await replyPrivately({ body, respond, client }, refusal);
    });

    app.view(NOTICE_MODAL_ID, async ({ ack, body, view, client }) => {
      const userId = body.user.id;
      const role = roleOf(deps.config, userId);
      // Everything that can be said inside the modal is decided now, without the database, so the
      // ack goes back at once whatever the store is doing.
      if (role !== 'officer') {
        await ack({ response_action: 'errors', errors: { group: noticeMessages.refusal } });
        return;
      }
      const raw = readNoticeForm(view);
      const checked = validateNoticeInput(raw);
      if (!checked.ok) {
        await ack({ response_action: 'errors', errors: modalErrors(checked.errors) });
        return;
      }
      await ack({ response_action: 'update', view: noticeStatusModal([slackMessages.noticeFiling, slackMessages.noticeFilingDetail]) });
      // The view id stays the same for this modal whatever is pressed in it: a replay, a retry or a
      // second press of "File notice" after a failure all file (at most) once.
      const submissionKey = `slack-view:${view.id}`;
      if (this.filing.has(submissionKey)) {
        deps.logger.info({ submissionKey }, 'notice submission already being filed; not filed again');
        return;
      }
      this.filing.add(submissionKey);
      try {
        await this.fileAndTell(raw, { platform: 'slack', userId, name: body.user.name, role }, submissionKey, client, view.id);
      } finally {
        this.filing.delete(submissionKey);
      }
    });

    app.action<BlockAction<ButtonAction>>(ACTIONS.acknowledgeNotice, async ({ ack, body, action, respond, client }) => {
      await ack();
      const noticeId = action.value;
      if (!noticeId) return;
      // Only someone the notice was sent to can say they have read it; the service checks and logs.
      const counted = await deps.notices.acknowledge(noticeId, 'slack', body.user.id);
      await replyPrivately({ body, respond, client }, textMessage(counted ? noticeMessages.acknowledged : slackMessages.notARecipient));
    });
  }
}

/** Why filing failed, in words for the officer (the detail is in the log). */
function describeFailure(err: unknown): string {
  if (err instanceof BotError && err.code === 'NOT_AUTHORISED') return noticeMessages.refusal;
  return slackMessages.noticeNotFiledStore;
}
