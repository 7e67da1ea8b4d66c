/**
 * The ways in: the /protocol slash command, @mentions in channels (answered in the thread), direct
 * messages, and the App Home tab. Each turns Slack's event into plain text from a known user and
 * hands it to the same replies.
 */
import type { App, webApi } from '@slack/bolt';
import { parseCommand, parseForgetCommand } from '../../src/commands';
import type { CommandReplies } from './command-replies';
import { POST_OPTIONS, type SlackMessage } from './block-kit';
import { homeView } from './home-view';
import { plainFromSlack } from './mrkdwn';
import type { NoticeActions } from './notice-listeners';
import { type SlackAdapterDeps, roleOf } from './slack-context';
import { slackMessages } from './slack-messages';

export interface ConversationParts {
  deps: SlackAdapterDeps;
  replies: CommandReplies;
  notices: NoticeActions;
}

export function registerConversationListeners(app: App, parts: ConversationParts): void {
  const { deps, replies, notices } = parts;

  app.command(slackMessages.command, async ({ command, ack, respond, client }) => {
    const userId = command.user_id;
    const role = roleOf(deps.config, userId);
    // Read before plainFromSlack, which would turn a `<@U123>` mention into a display name.
    const forget = parseForgetCommand(command.text ?? '');
    if (forget) {
      await ack();
      await respond(ephemeral(await replies.forget(userId, forget)));
      return;
    }
    const parsed = parseCommand(plainFromSlack(command.text ?? ''));
    switch (parsed.kind) {
      case 'help':
        await ack(ephemeral(replies.help()));
        return;
      case 'ask': {
        // Answered in the ack itself: the core is synchronous and well inside Slack's 3 seconds.
        const { answer, message } = replies.answer(userId, parsed.text, { ephemeral: true });
        await ack(ephemeral(message));
        await replies.recordIfUnanswered(answer, userId);
        return;
      }
      case 'report':
        await ack();
        await respond(ephemeral(role === 'officer' ? await replies.report() : replies.refusal('report')));
        return;
      case 'notices':
        await ack();
        if (role !== 'officer') await respond(ephemeral(replies.refusal('register')));
        else await respond(ephemeral(parsed.export ? await notices.sendExport(client, userId) : await replies.register(role)));
        return;
      case 'notice': {
        await ack();
        const refusal = await notices.openForm(client, command.trigger_id, userId);
        if (refusal) await respond(ephemeral(refusal));
        return;
      }
    }
  });

  app.event('app_mention', async ({ event, context, client }) => {
    const userId = event.user;
    if (!userId) return;
    const threadTs = event.thread_ts ?? event.ts;
    const { message, onlyForAsker } = await replyTo(parts, client, userId, stripMention(event.text, context.botUserId));
    if (onlyForAsker) {
      await client.chat.postEphemeral({ channel: event.channel, user: userId, thread_ts: threadTs, ...message });
    } else {
      await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, ...message, ...POST_OPTIONS });
    }
  });

  app.event('message', async ({ event, client }) => {
    const dm = asDirectMessage(event);
    if (!dm) return;
    const { message } = await replyTo(parts, client, dm.user, dm.text);
    await client.chat.postMessage({ channel: dm.channel, ...(dm.threadTs ? { thread_ts: dm.threadTs } : {}), ...message, ...POST_OPTIONS });
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: homeView(deps.core, deps.council, roleOf(deps.config, event.user)) });
  });
}

/** What a user typed in a mention or DM (Slack's encoding), answered; officer-only output stays private in channels. */
async function replyTo(
  parts: ConversationParts,
  client: webApi.WebClient,
  userId: string,
  slackText: string,
): Promise<{ message: SlackMessage; onlyForAsker: boolean }> {
  const { deps, replies, notices } = parts;
  const role = roleOf(deps.config, userId);
  const forget = parseForgetCommand(slackText);
  if (forget) return { message: await replies.forget(userId, forget), onlyForAsker: true };
  const parsed = parseCommand(plainFromSlack(slackText));
  switch (parsed.kind) {
    case 'help':
      return { message: replies.help(), onlyForAsker: false };
    case 'ask': {
      const { answer, message } = replies.answer(userId, parsed.text, { ephemeral: false });
      await replies.recordIfUnanswered(answer, userId);
      return { message, onlyForAsker: false };
    }
    case 'report':
      return { message: role === 'officer' ? await replies.report() : replies.refusal('report'), onlyForAsker: true };
    case 'notices':
      if (role !== 'officer') return { message: replies.refusal('register'), onlyForAsker: true };
      return { message: parsed.export ? await notices.sendExport(client, userId) : await replies.register(role), onlyForAsker: true };
    case 'notice':
      return { message: role === 'officer' ? replies.noticeFormPrompt() : replies.refusal('notice'), onlyForAsker: true };
  }
}

function ephemeral(message: SlackMessage) {
  return { response_type: 'ephemeral' as const, ...message };
}

/** The question without the bot's own mention (`<@U123>` or `<@U123|name>`), wherever it was put. */
export function stripMention(text: string, botUserId: string | undefined): string {
  const id = botUserId && /^[A-Z0-9]+$/.test(botUserId) ? botUserId : undefined;
  const own = id ? new RegExp(`<@${id}(\\|[^>]*)?>`, 'g') : /^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(own, ' ').replace(/\s+/g, ' ').trim();
}

/** A person's message in a DM with the bot; edits, joins, bot posts and the like are not questions. */
function asDirectMessage(event: unknown): { channel: string; user: string; text: string; threadTs?: string } | undefined {
  const e = event as Record<string, unknown>;
  if (e.channel_type !== 'im' || e.subtype !== undefined || e.bot_id !== undefined) return undefined;
  if (typeof e.user !== 'string' || typeof e.channel !== 'string') return undefined;
  return {
    channel: e.channel,
    user: e.user,
    text: typeof e.text === 'string' ? e.text : '',
    threadTs: typeof e.thread_ts === 'string' ? e.thread_ts : undefined,
  };
}
