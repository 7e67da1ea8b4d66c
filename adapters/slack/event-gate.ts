/**
 * Global middleware for Events API callbacks: the bot's own messages (its answers in a DM come
 * back as message.im events) are dropped, and an event Slack sends again (X-Slack-Retry-Num, after
 * a slow or lost ack) is acted on once, by claiming its event_id in the store. Each event ends in
 * one debug line saying which.
 */
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../src/logger';
import type { BotStore } from '../../src/store/store';

const EVENT_KEY_PREFIX = 'slack:event:';

export function eventGate(deps: { store: BotStore; logger: Logger }): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const b = body as { type?: string; event_id?: unknown; event?: { type?: string; user?: string; bot_id?: string } };
    if (b.type !== 'event_callback' || typeof b.event_id !== 'string') return next();
    const log = { eventId: b.event_id, eventType: b.event?.type, retryNum: context.retryNum, retryReason: context.retryReason };
    const own = (context.botUserId && b.event?.user === context.botUserId) || (context.botId && b.event?.bot_id === context.botId);
    if (own) {
      deps.logger.debug(log, 'own Slack event ignored');
      return;
    }
    if (!(await deps.store.claimEvent(`${EVENT_KEY_PREFIX}${b.event_id}`))) {
      deps.logger.debug(log, 'duplicate Slack event ignored');
      return;
    }
    await next();
    deps.logger.debug(log, 'Slack event handled');
  };
}
