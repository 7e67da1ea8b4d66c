/**
 * Notices in Slack: the form (views.open for officers only), its submission (NoticeService.file,
 * per-field errors shown in the modal), the filer's status message, the "I've read this" button,
 * and the CSV export sent as a file in the officer's DM.
 */
import type { App, BlockAction, ButtonAction, webApi } from '@slack/bolt';
import { BotError } from '../../src/errors';
import { messages } from '../../src/messages';
import { noticeMessages } from '../../src/notices/notice-messages';
import type { FileResult } from '../../src/notices/notice-service';
import { ACTIONS, NOTICE_MODAL_ID } from './action-values';
import { replyPrivately } from './answer-actions';
import { type SlackMessage, textMessage } from './block-kit';
import { UserAlreadyToldError } from './error-reply';
import { modalErrors, noticeModal, readNoticeForm } from './notice-blocks';
import type { NoticeProgressReporter } from './notice-progress';
import { type SlackAdapterDeps, roleOf } from './slack-context';
import { slackMessages } from './slack-messages';

export class NoticeActions {
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

  register(app: App): void {
    const { deps } = this;

    app.action<BlockAction<ButtonAction>>(ACTIONS.openNoticeForm, async ({ ack, body, respond, client }) => {
      await ack();
      const refusal = await this.openForm(client, body.trigger_id, body.user.id);
      if (refusal) await replyPrivately({ body, respond, client }, refusal);
    });

    app.view(NOTICE_MODAL_ID, async ({ ack, body, view }) => {
      const userId = body.user.id;
      const filer = { platform: 'slack' as const, userId, name: body.user.name, role: roleOf(deps.config, userId) };
      let result: FileResult;
      try {
        result = await deps.notices.file(readNoticeForm(view), filer);
      } catch (err) {
        // Only the ack can speak inside the modal: say it there, keep what they typed, and let the
        // top-level handler log it.
        const refused = err instanceof BotError && err.code === 'NOT_AUTHORISED';
        await ack({ response_action: 'errors', errors: { group: refused ? noticeMessages.refusal : messages.somethingWentWrong } });
        if (refused) return;
        throw new UserAlreadyToldError(err);
      }
      if (!result.ok) {
        await ack({ response_action: 'errors', errors: modalErrors(result.errors) });
        return;
      }
      await ack();
      try {
        await this.progress.report(result.notice, userId);
      } catch (err) {
        // The notice is filed and on its way; only the status message failed. Retrying would file it twice.
        deps.logger.warn({ err, noticeId: result.notice.id }, 'could not post the notice status message');
      }
    });

    app.action<BlockAction<ButtonAction>>(ACTIONS.acknowledgeNotice, async ({ ack, body, action, respond, client }) => {
      await ack();
      const noticeId = action.value;
      if (!noticeId) return;
      await deps.notices.acknowledge(noticeId, 'slack', body.user.id);
      await replyPrivately({ body, respond, client }, textMessage(noticeMessages.acknowledged));
    });
  }
}
