/**
 * The Slack side of notice delivery: who is in the members channel, one message per member (in
 * the app's DM with them) plus one in the channel, each carrying its delivery id in message
 * metadata so a delivery whose outcome was lost in a crash can be found again instead of re-sent.
 * The outbox owns retries and pacing, so this client makes no retries of its own and reports a 429
 * at once with Slack's Retry-After.
 */
import { webApi } from '@slack/bolt';
import type { SlackConfig } from '../../src/config';
import { DeliveryError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import { CHANNEL_RECIPIENT_PREFIX, channelOf, type Courier, type DeliveryRequest, type Recipient } from '../../src/notices/courier';
import { boltLogger } from './bolt-logger';
import { POST_OPTIONS } from './block-kit';
import { noticeMessage } from './notice-blocks';
import { webApiUrl } from './slack-context';

export const NOTICE_EVENT_TYPE = 'protocol_notice';
/** Slack's own bot; it is a member of nothing we want to notify. */
const SLACKBOT = 'USLACKBOT';

/** Errors that will not go away by trying again: the member, channel or token is gone or refused. */
const PERMANENT_ERRORS = new Set([
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'msg_too_long',
  'no_text',
  'invalid_blocks',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'ekm_access_denied',
  'account_inactive',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'not_allowed_token_type',
  'team_access_not_granted',
]);

export interface SlackCourierOptions {
  /** Most messages a second in all (Slack allows about one a second per channel, bursts higher overall). */
  perSecond?: number;
  perRecipientPerSecond?: number;
  /** Page size for conversations.members, users.list and conversations.history. */
  pageSize?: number;
  /**
   * How long reading the member list may wait out Slack's rate limits, page by page, before giving
   * up with RATE_LIMITED (default 5 min). users.list allows about 20 pages a minute, so starting
   * over after every 429 would never finish in a large workspace.
   */
  listPatienceMs?: number;
}

/** The Slack courier, or undefined when no members channel is configured (nobody to deliver to). */
export function createSlackCourier(deps: { config: SlackConfig; logger: Logger; options?: SlackCourierOptions }): Courier | undefined {
  const { config, logger } = deps;
  const membersChannel = config.membersChannel;
  if (!membersChannel) return undefined;
  const options = deps.options ?? {};
  const pageSize = options.pageSize ?? 200;
  const client = new webApi.WebClient(config.botToken, {
    logger: boltLogger(logger, 'slack-courier'),
    ...webApiUrl(config),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
  });

  const call = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw toDeliveryError(what, err);
    }
  };

  /** One page of a listing; a 429 is waited out (within the patience left) and the same page asked again. */
  const listPatienceMs = options.listPatienceMs ?? 5 * 60_000;
  let waitedMs = 0;
  const page = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        return await call(what, fn);
      } catch (err) {
        const waitMs = err instanceof DeliveryError && err.code === 'DELIVERY_RATE_LIMITED' ? (err.retryAfterMs ?? 1000) : undefined;
        if (waitMs === undefined || waitedMs + waitMs > listPatienceMs) throw err;
        logger.info({ what, waitMs }, 'Slack rate limit while reading the member list: waiting');
        waitedMs += waitMs;
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  };

  /** The DM (or the channel) a recipient's message goes to. */
  const conversationOf = async (recipient: string): Promise<string> => {
    const channel = channelOf(recipient);
    if (channel) return channel;
    const opened = await call('conversations.open', () => client.conversations.open({ users: recipient }));
    const id = opened.channel?.id;
    if (!id) throw new DeliveryError('DELIVERY_TRANSIENT', 'conversations.open returned no channel');
    return id;
  };

  return {
    platform: 'slack',
    limits: { perSecond: options.perSecond ?? 20, perRecipientPerSecond: options.perRecipientPerSecond ?? 1 },

    async listRecipients(): Promise<Recipient[]> {
      waitedMs = 0;
      const members: string[] = [];
      let cursor: string | undefined;
      do {
        const result = await page('conversations.members', () =>
          client.conversations.members({ channel: membersChannel, limit: pageSize, ...(cursor ? { cursor } : {}) }),
        );
        members.push(...(result.members ?? []));
        cursor = result.response_metadata?.next_cursor || undefined;
      } while (cursor);

      const notHuman = new Set<string>([SLACKBOT]);
      cursor = undefined;
      do {
        const result = await page('users.list', () => client.users.list({ limit: pageSize, ...(cursor ? { cursor } : {}) }));
        for (const u of result.members ?? []) {
          if (u.id && (u.is_bot || u.deleted || u.id === SLACKBOT)) notHuman.add(u.id);
        }
        cursor = result.response_metadata?.next_cursor || undefined;
      } while (cursor);

      const people = [...new Set(members)].filter((id) => !notHuman.has(id));
      logger.info({ channel: membersChannel, members: members.length, recipients: people.length }, 'Slack members channel read');
      return [...people.map((id) => ({ id })), { id: `${CHANNEL_RECIPIENT_PREFIX}${membersChannel}` }];
    },

    async deliver(request: DeliveryRequest): Promise<{ messageId: string }> {
      const recipient = request.recipient;
      // A user id as the channel posts in the app's DM with that user.
      const channel = channelOf(recipient) ?? recipient;
      const posted = await call('chat.postMessage', () =>
        client.chat.postMessage({
          channel,
          ...noticeMessage(request.notice),
          ...POST_OPTIONS,
          metadata: { event_type: NOTICE_EVENT_TYPE, event_payload: { delivery_id: request.deliveryId, notice_id: request.notice.id } },
        }),
      );
      if (!posted.channel || !posted.ts) throw new DeliveryError('DELIVERY_TRANSIENT', 'chat.postMessage returned no channel or ts');
      return { messageId: `${posted.channel}:${posted.ts}` };
    },

    async findDelivered(request: DeliveryRequest): Promise<{ messageId: string } | null> {
      const channel = await conversationOf(request.recipient);
      // Nothing for this notice can predate its filing; a margin covers clock skew with Slack.
      const oldest = String(Math.floor(request.notice.filedAt.getTime() / 1000) - 300);
      let cursor: string | undefined;
      do {
        const page = await call('conversations.history', () =>
          client.conversations.history({ channel, oldest, limit: pageSize, include_all_metadata: true, ...(cursor ? { cursor } : {}) }),
        );
        for (const m of page.messages ?? []) {
          const meta = m.metadata as { event_type?: string; event_payload?: Record<string, unknown> } | undefined;
          if (meta?.event_type === NOTICE_EVENT_TYPE && meta.event_payload?.delivery_id === request.deliveryId && m.ts) {
            return { messageId: `${channel}:${m.ts}` };
          }
        }
        cursor = page.has_more ? page.response_metadata?.next_cursor || undefined : undefined;
      } while (cursor);
      return null;
    },
  };
}

/** Slack's error as the outbox understands it: rate limited (with Retry-After), permanent, or worth retrying. */
export function toDeliveryError(what: string, err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = err as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  if (e.code === webApi.ErrorCode.RateLimitedError) {
    const seconds = typeof e.retryAfter === 'number' && e.retryAfter >= 0 ? e.retryAfter : 1;
    return new DeliveryError('DELIVERY_RATE_LIMITED', `${what}: rate limited by Slack`, seconds * 1000);
  }
  if (e.code === webApi.ErrorCode.PlatformError) {
    const code = e.data?.error ?? 'unknown_error';
    if (code === 'ratelimited') return new DeliveryError('DELIVERY_RATE_LIMITED', `${what}: ${code}`, 1000);
    return new DeliveryError(PERMANENT_ERRORS.has(code) ? 'DELIVERY_PERMANENT' : 'DELIVERY_TRANSIENT', code);
  }
  if (e.code === webApi.ErrorCode.HTTPError) return new DeliveryError('DELIVERY_TRANSIENT', `${what}: HTTP ${e.statusCode ?? '?'}`);
  return new DeliveryError('DELIVERY_TRANSIENT', `${what}: ${e.message ?? String(err)}`);
}
