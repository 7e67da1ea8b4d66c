/**
 * Signs requests the way Slack does (v0 HMAC-SHA256 over `v0:<timestamp>:<raw body>`), so tests
 * can send genuine, forged and stale requests to the bot.
 */
import { createHmac } from 'node:crypto';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface SignOptions {
  secret?: string;
  /** Unix seconds; defaults to now. A value over five minutes old makes the request stale. */
  timestamp?: number;
}

/** The two headers Slack adds to every request it sends to the app. */
export function slackSignatureHeaders(body: string, options: SignOptions = {}): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const hmac = createHmac('sha256', options.secret ?? TEST_SIGNING_SECRET);
  hmac.update(`v0:${timestamp}:${body}`);
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${hmac.digest('hex')}`,
  };
}
