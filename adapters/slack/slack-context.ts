/** What every Slack listener works with: the adapter's dependencies, and who a Slack user is to us. */
import type { ChatAdapterDeps } from '../chat-adapter';
import type { SlackConfig } from '../../src/config';
import type { Role } from '../../src/protocol/model';

export type SlackAdapterDeps = ChatAdapterDeps<SlackConfig, SlackAdapterOptions>;

export interface SlackAdapterOptions {
  /** How often a filer's notice status message is refreshed while delivery runs (default 3000 ms). */
  progressIntervalMs?: number;
}

/** Users listed in SLACK_OFFICER_IDS are officers; everyone else is a councillor. */
export function roleOf(config: SlackConfig, userId: string): Role {
  return config.officerIds.includes(userId) ? 'officer' : 'councillor';
}

/** The Web API base URL when SLACK_API_URL overrides Slack's, with the trailing slash the client wants. */
export function webApiUrl(config: SlackConfig): { slackApiUrl?: string } {
  if (!config.apiUrl) return {};
  return { slackApiUrl: config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/` };
}
