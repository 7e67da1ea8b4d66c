/**
 * How Slack's requests reach the Bolt app. HTTP mode mounts Bolt's own HTTPReceiver on the shared
 * server at POST /slack/events (events, slash commands and interactivity alike) behind our own
 * gate (size and time limits, signature, freshness both ways, replays, body shape: see
 * slack-request-gate.ts); Bolt's own checks stay on behind it. Socket Mode opens a WebSocket with
 * the app-level token, and reports whether it is connected (for /readyz).
 */
import { HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { SharedHttpServer } from '../http/http-server';
import type { SlackConfig } from '../../src/config';
import { BotError, ConfigError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import { boltLogger } from './bolt-logger';
import { webApiUrl } from './slack-context';
import { SlackRequestGate } from './slack-request-gate';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackReceiver {
  receiver: Receiver;
  /** HTTP: starts routing the shared server's requests to Bolt. Socket Mode: connects. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Socket Mode only: whether the socket is connected now. */
  connected?: () => boolean;
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
    let connected = false;
    receiver.client.on('connected', () => (connected = true));
    for (const state of ['disconnected', 'reconnecting', 'disconnecting']) receiver.client.on(state, () => (connected = false));
    return {
      receiver,
      connected: () => connected,
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
  const gate = new SlackRequestGate(config.signingSecret, logger.child({ component: 'slack-gate' }));
  let accepting = false;
  return {
    receiver,
    start: async () => {
      accepting = true;
      http.route('POST', SLACK_EVENTS_PATH, async (req, res) => {
        if (!accepting) {
          res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '5', connection: 'close' });
          res.end('Shutting down');
          return;
        }
        const admitted = await gate.admit(req, res);
        if (admitted) receiver.requestListener(admitted, res);
      });
    },
    stop: async () => {
      accepting = false;
    },
  };
}
