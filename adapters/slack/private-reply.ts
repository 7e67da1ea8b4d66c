/**
 * Short private replies to an interaction that no listener answers itself: ephemerally through its
 * response_url when it has one, else in the user's DM with the app (App Home buttons, modals).
 */
import type { AnyMiddlewareArgs, Middleware, webApi } from '@slack/bolt';
import type { Logger } from '../../src/logger';
import { ASK_CLERK_LIMIT, PerUserLimit } from '../per-user-limit';
import { ACTIONS } from './action-values';
import { POST_OPTIONS } from './block-kit';
import { escapeMrkdwn } from './mrkdwn';
import { slackMessages } from './slack-messages';

/** Tells the user who sent this interaction `text` (plain text; escaped here). */
export async function tellPrivately(client: webApi.WebClient, body: Record<string, unknown>, text: string): Promise<void> {
  const safe = escapeMrkdwn(text);
  const responseUrl = typeof body.response_url === 'string' ? body.response_url : undefined;
  if (responseUrl) {
    const res = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: safe }),
    });
    if (!res.ok) throw new Error(`response_url answered ${res.status}`);
    return;
  }
  const user = (body.user as { id?: unknown } | undefined)?.id ?? body.user_id;
  if (typeof user === 'string' && user) await client.chat.postMessage({ channel: user, text: safe, ...POST_OPTIONS });
}

/** What to say to an interaction nothing handled: an old or unknown button has expired; the rest need nothing. */
export async function answerUnhandled(client: webApi.WebClient, body: Record<string, unknown>): Promise<void> {
  if (body.type === 'block_actions' || body.type === 'interactive_message' || body.type === 'message_action') {
    await tellPrivately(client, body, slackMessages.buttonExpired);
  }
}

/**
 * Global middleware: "Ask the Clerk" at most ASK_CLERK_LIMIT.max times per user per window; past
 * that the press is acknowledged and answered politely, and nothing is forwarded.
 */
export function askClerkLimit(deps: { logger: Logger; limit?: PerUserLimit }): Middleware<AnyMiddlewareArgs> {
  const limit = deps.limit ?? new PerUserLimit(ASK_CLERK_LIMIT);
  return async (args) => {
    const body = args.body as Record<string, unknown>;
    const actions = body.type === 'block_actions' && Array.isArray(body.actions) ? (body.actions as { action_id?: unknown }[]) : [];
    const user = (body.user as { id?: unknown } | undefined)?.id;
    if (actions[0]?.action_id !== ACTIONS.askClerk || typeof user !== 'string' || limit.take(user)) return args.next();
    deps.logger.info({ userId: user }, 'Ask the Clerk refused: per-user limit reached');
    const ack = (args as { ack?: () => Promise<void> }).ack;
    if (ack) await ack();
    await tellPrivately(args.client, body, slackMessages.askClerkLimited(ASK_CLERK_LIMIT.max, ASK_CLERK_LIMIT.windowMs / 60_000));
  };
}
