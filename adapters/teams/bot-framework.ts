/**
 * The Bot Framework SDK behind the Teams adapter: one CloudAdapter, authenticated from TeamsConfig.
 * Every botbuilder import lives in adapters/teams, so moving to the Microsoft 365 Agents SDK
 * (which keeps CloudAdapter, TurnContext and TeamsInfo) touches only this folder.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { TeamsConfig } from '../../src/config';
import { ConfigError } from '../../src/errors';

/** The OAuth scope for calls to the Bot Connector in the public cloud (proactive sends). */
export const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';

/**
 * A CloudAdapter that validates every inbound token against the app id (JWT from the Bot
 * Framework channel service) and signs outbound calls with the app's credentials. With no app id
 * and allowUnauthenticated (local testing only; config refuses it in production) both are off.
 */
export function createCloudAdapter(config: TeamsConfig): CloudAdapter {
  if (!config.appId && !config.allowUnauthenticated) {
    throw new ConfigError('MicrosoftAppId: expected the bot app id (or TEAMS_ALLOW_UNAUTHENTICATED=true for local testing).');
  }
  const settings = config.appId
    ? {
        MicrosoftAppId: config.appId,
        MicrosoftAppPassword: config.appPassword ?? '',
        MicrosoftAppType: config.appType,
        MicrosoftAppTenantId: config.tenantId ?? '',
      }
    : // An empty app id is botbuilder's switch for "authentication disabled".
      { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings));
}

/** The app id proactive calls are made as ('' when authentication is off). */
export function botAppId(config: TeamsConfig): string {
  return config.appId ?? '';
}
