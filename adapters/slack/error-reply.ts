/**
 * The adapter's one top-level error handler (app.error): it logs the error and gives the user a
 * short, honest reply where they asked, never a stack trace: the store being down gets its own
 * reply (slackMessages.storeFailure), anything else messages.somethingWentWrong.
 */
import type { webApi } from '@slack/bolt';
import { BotError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import { messages } from '../../src/messages';
import { slackMessages } from './slack-messages';

/**
 * Thrown by a listener that has already told the user (e.g. inside the modal that failed):
 * the handler logs the cause and adds no second reply.
 */
export class UserAlreadyToldError extends Error {
  constructor(cause: unknown) {
    super('listener failed after replying to the user', { cause });
    this.name = 'UserAlreadyToldError';
  }
}

/** What Bolt passes an extended error handler (its type is not exported from the package root). */
interface ErrorHandlerArgs {
  error: Error;
  body: unknown;
}

interface ReplyTarget {
  responseUrl?: string;
  channel?: string;
  user?: string;
  threadTs?: string;
  /** Post privately to this user in a shared channel (chat.postEphemeral). */
  ephemeral: boolean;
}

export function createErrorHandler(deps: { client: webApi.WebClient; logger: Logger }) {
  const { client, logger } = deps;
  return async ({ error, body }: ErrorHandlerArgs): Promise<void> => {
    // Bolt wraps errors without a code in an UnknownError that keeps the original.
    const original = (error as { original?: unknown }).original ?? error;
    const told = original instanceof UserAlreadyToldError;
    const cause = told ? original.cause : original;
    const target = told ? undefined : replyTarget(body as Record<string, unknown>);
    const storeDown = cause instanceof BotError && cause.code === 'STORE_FAILURE';
    logger.error({ err: cause, storeFailure: storeDown, slackRequest: describe(body as Record<string, unknown>) }, 'Slack request failed');
    if (!target) return;
    try {
      await reply(client, target, storeDown ? slackMessages.storeFailure : messages.somethingWentWrong);
    } catch (err) {
      logger.warn({ err }, 'could not tell the Slack user that their request failed');
    }
  };
}

async function reply(client: webApi.WebClient, target: ReplyTarget, text: string): Promise<void> {
  if (target.responseUrl) {
    const res = await fetch(target.responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
    });
    if (!res.ok) throw new Error(`response_url answered ${res.status}`);
    return;
  }
  if (target.ephemeral && target.channel && target.user) {
    await client.chat.postEphemeral({ channel: target.channel, user: target.user, text, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) });
    return;
  }
  const channel = target.channel ?? target.user;
  if (channel) await client.chat.postMessage({ channel, text, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) });
}

/** Where the person who made this request will see a reply, if anywhere. */
function replyTarget(body: Record<string, unknown>): ReplyTarget | undefined {
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const responseUrl = str(body.response_url);
  if (responseUrl) return { responseUrl, ephemeral: true };

  if (body.type === 'event_callback') {
    const event = (body.event ?? {}) as Record<string, unknown>;
    const user = str(event.user);
    const channel = str(event.channel);
    if (event.type === 'app_mention' && channel && user) {
      return { channel, user, threadTs: str(event.thread_ts) ?? str(event.ts), ephemeral: true };
    }
    if (event.type === 'message' && event.channel_type === 'im' && channel) {
      return { channel, threadTs: str(event.thread_ts), ephemeral: false };
    }
    // app_home_opened and the like: nobody asked for anything, so there is no one to answer.
    return undefined;
  }
  // Buttons in the App Home and modal submissions carry no response URL: answer in the app's DM.
  const user = str((body.user as Record<string, unknown> | undefined)?.id) ?? str(body.user_id);
  return user ? { user, ephemeral: false } : undefined;
}

/** Enough to find the request in the logs, without the user's text. */
function describe(body: Record<string, unknown>): Record<string, unknown> {
  const event = body.event as Record<string, unknown> | undefined;
  return {
    type: body.type ?? (body.command ? 'slash_command' : undefined),
    command: body.command,
    eventType: event?.type,
    eventId: body.event_id,
    user: (body.user as Record<string, unknown> | undefined)?.id ?? body.user_id ?? event?.user,
  };
}
