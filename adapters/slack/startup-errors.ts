/**
 * Why the Slack adapter could not start, in words that point at the right thing: a token Slack
 * refused names SLACK_BOT_TOKEN; Slack being unreachable (refused, unknown host, timed out) names
 * the URL and the network error, and does not blame the token.
 */
import { BotError } from '../../src/errors';

export const SLACK_API_URL = 'https://slack.com/api/';

interface NetworkError {
  code?: string;
  message?: string;
  cause?: NetworkError;
  errors?: NetworkError[];
}

interface WebApiError {
  code?: string;
  data?: { error?: string };
  statusCode?: number;
  original?: NetworkError;
  message?: string;
}

/**
 * The network error underneath (ECONNREFUSED, ENOTFOUND, ETIMEDOUT…) and its message, wherever the
 * HTTP client put it: on the error itself (axios), in its cause (fetch), or in an AggregateError.
 */
function networkDetail(err: NetworkError | undefined): string | undefined {
  for (let e = err, depth = 0; e && depth < 4; e = e.cause ?? e.errors?.[0], depth += 1) {
    if (e.code && /^E[A-Z]+$/.test(e.code)) return [e.code, e.message && !e.message.includes(e.code) ? e.message : undefined].filter(Boolean).join(' ') || e.code;
  }
  return err?.message;
}

export function startupError(err: unknown, apiUrl: string): BotError {
  const e = (err ?? {}) as WebApiError;
  switch (e.code) {
    case 'slack_webapi_platform_error':
      return new BotError('CONFIG_INVALID', `Slack did not accept SLACK_BOT_TOKEN (auth.test: ${e.data?.error ?? 'refused'}).`, { cause: err });
    case 'slack_webapi_request_error': {
      const detail = networkDetail(e.original) ?? e.message ?? 'no answer';
      return new BotError('CONFIG_INVALID', `Could not reach Slack at ${apiUrl}: ${detail}. Check the network (and SLACK_API_URL if set).`, { cause: err });
    }
    case 'slack_webapi_http_error':
      return new BotError('CONFIG_INVALID', `Slack at ${apiUrl} answered HTTP ${e.statusCode ?? '?'} to auth.test; try again later.`, { cause: err });
    case 'slack_webapi_rate_limited':
      return new BotError('CONFIG_INVALID', `Slack at ${apiUrl} rate-limited auth.test; try again in a minute.`, { cause: err });
    default:
      return new BotError('CONFIG_INVALID', `Slack start-up failed at ${apiUrl}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
  }
}
