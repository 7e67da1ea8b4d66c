/**
 * How Slack's requests reach the Bolt app. HTTP mode mounts Bolt's own HTTPReceiver on the shared
 * server at POST /slack/events (events, slash commands and interactivity alike), so Bolt's request
 * signature and staleness checks stay on; Socket Mode opens a WebSocket with the app-level token.
 */
import { HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { SharedHttpServer } from '../http/http-server';
import type { SlackConfig } from '../../src/config';
import { BotError, ConfigError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import { boltLogger } from './bolt-logger';
import { webApiUrl } from './slack-context';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackReceiver {
  receiver: Receiver;
  /** HTTP: starts routing the shared server's requests to Bolt. Socket Mode: connects. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createReceiver(deps: { config: SlackConfig; http: SharedHttpServer; logger: Logger }): SlackReceiver {
  const { config, http, logger } = deps;
  if (config.mode === 'socket') {
    if (!config.appToken) throw new ConfigError('SLACK_APP_TOKEN: expected an app-level token (xapp-…) for Socket Mode.');
    const receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: boltLogger(logger, 'slack-socket'),
      // apps.connections.open goes to the same Web API base URL as every other call.
      installerOptions: { clientOptions: webApiUrl(config) },
    });
    return {
      receiver,
      start: async () => {
        try {
          await receiver.start();
        } catch (err) {
          const detail = (err as { data?: { error?: string } }).data?.error ?? (err as Error).message;
          throw new BotError('CONFIG_INVALID', `Slack refused the Socket Mode connection (${detail}); check SLACK_APP_TOKEN (xapp-…, connections:write).`, {
            cause: err,
          });
        }
      },
      stop: async () => {
        await receiver.stop();
      },
    };
  }

  if (!config.signingSecret) throw new ConfigError('SLACK_SIGNING_SECRET: expected the app signing secret for HTTP mode.');
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logger: boltLogger(logger, 'slack-http'),
    // Respond as soon as a listener acks; work after the ack runs on (Slack wants 200 within 3 s).
    processBeforeResponse: false,
  });
  let accepting = false;
  return {
    receiver,
    start: async () => {
      accepting = true;
      http.route('POST', SLACK_EVENTS_PATH, (req, res) => {
        if (!accepting) {
          res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '5' });
          res.end('Shutting down');
          return;
        }
        receiver.requestListener(req, res);
      });
    },
    stop: async () => {
      accepting = false;
    },
  };
}
