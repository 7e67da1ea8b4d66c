/**
 * The frameworks alone, for section 3's diagnosis: how fast Bolt's HTTPReceiver answers a signed
 * slash command with a fixed ack, and how fast botbuilder's CloudAdapter (behind the project's thin
 * HTTP bridge) answers a message with a fixed text reply sent to the Bot Connector. No core, no
 * store, no rendering: the most the bot could reach on these frameworks.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { createCloudAdapter } from '../adapters/teams/bot-framework';
import { MESSAGES_ROUTE_DEFAULTS, messagesRoute } from '../adapters/teams/http-bridge';
import { silentLogger } from '../src/logger';

export interface FloorServer {
  port: number;
  stop(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
export const FLOOR_REPLY = 'Fixed reply from the framework floor.';

export async function startBoltFloor(options: { botToken: string; signingSecret: string; slackApiUrl: string }): Promise<FloorServer> {
  const receiver = new HTTPReceiver({ signingSecret: options.signingSecret, endpoints: '/slack/events', processBeforeResponse: false, logLevel: LogLevel.ERROR });
  const app = new App({
    token: options.botToken,
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: options.slackApiUrl },
    deferInitialization: true,
  });
  app.command('/protocol', async ({ ack }) => {
    await ack({ response_type: 'ephemeral', text: FLOOR_REPLY, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: FLOOR_REPLY } }] });
  });
  await app.init();
  return listen(receiver.requestListener);
}

export async function startTeamsFloor(): Promise<FloorServer> {
  const adapter = createCloudAdapter({ appType: 'MultiTenant', allowUnauthenticated: true, officerIds: [] });
  const route = messagesRoute(
    adapter,
    async (context) => {
      await context.sendActivity(FLOOR_REPLY);
    },
    { ...MESSAGES_ROUTE_DEFAULTS, logger: silentLogger() },
  );
  return listen((req, res) => void route(req, res));
}

async function listen(listener: RequestListener): Promise<FloorServer> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
