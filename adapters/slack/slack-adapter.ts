/**
 * The Slack adapter on @slack/bolt: HTTP mode (events, slash commands and interactivity at
 * POST /slack/events on the shared server, Bolt's signature check on) or Socket Mode. It turns
 * Slack's events into plain requests for the core and renders the core's answers as Block Kit.
 */
import { App } from '@slack/bolt';
import { AckGuard } from './ack-guard';
import { registerAnswerActions } from './answer-actions';
import { boltLogger } from './bolt-logger';
import { CommandReplies } from './command-replies';
import { registerConversationListeners } from './conversation-listeners';
import { createErrorHandler } from './error-reply';
import { eventGate } from './event-gate';
import { NoticeActions } from './notice-listeners';
import { NoticeProgressReporter } from './notice-progress';
import { answerUnhandled, askClerkLimit } from './private-reply';
import { SLACK_API_URL, startupError } from './startup-errors';
import { type InstalledWorkspace, workspaceGate } from './workspace-gate';
import { type SlackAdapterDeps, webApiUrl } from './slack-context';
import { createReceiver } from './slack-receiver';

export { createSlackCourier, type SlackCourierOptions } from './slack-courier';
import type { ChatAdapter } from '../chat-adapter';

export type { SlackAdapterDeps, SlackAdapterOptions } from './slack-context';

export interface SlackAdapter extends ChatAdapter {
  /** Checks the bot token (auth.test), then takes requests: routes POST /slack/events, or connects the socket. */
  start(): Promise<void>;
  /** Stops taking requests and following notice status messages. */
  stop(): Promise<void>;
}

export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const { config, logger, store } = deps;
  const slackReceiver = createReceiver({ config, http: deps.http, logger });
  // Set once the client exists: what an interaction nobody handled is told ("this button has expired").
  let answer: (body: Record<string, unknown>) => Promise<void> = async () => undefined;
  const ackGuard = new AckGuard(logger.child({ component: 'slack-ack' }), { unhandled: (body) => answer(body) });
  const app = new App({
    token: config.botToken,
    receiver: ackGuard.wrap(slackReceiver.receiver),
    logger: boltLogger(logger, 'slack'),
    clientOptions: {
      ...webApiUrl(config),
      // Replies are interactive: a few quick retries, not the client's default half-hour of them.
      retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 },
      timeout: 10_000,
    },
    // auth.test runs in start(), not in this constructor.
    deferInitialization: true,
    extendedErrorHandler: true,
    // No workflow steps or conversation state are used; Bolt's in-memory store only costs time per request.
    convoStore: false,
    // The event gate drops the bot's own events itself, and logs it.
    ignoreSelf: false,
  });

  const progress = new NoticeProgressReporter({
    notices: deps.notices,
    store,
    client: app.client,
    logger,
    intervalMs: deps.options?.progressIntervalMs ?? 3000,
  });
  const noticeActions = new NoticeActions(deps, progress);

  answer = (body) => answerUnhandled(app.client, body);
  let installed: InstalledWorkspace | undefined;
  app.use(workspaceGate({ installed: () => installed, logger }));
  app.use(eventGate({ store, logger }));
  app.use(askClerkLimit({ logger }));

  registerConversationListeners(app, { deps, replies: new CommandReplies(deps), notices: noticeActions });
  registerAnswerActions(app, deps);
  noticeActions.register(app);
  const reportError = createErrorHandler({ client: app.client, logger });
  app.error(async (args: Parameters<typeof reportError>[0]) => {
    ackGuard.noteFailure(args.body);
    await reportError(args);
  });
  const connected = slackReceiver.connected;
  if (connected) {
    deps.http.addReadinessCheck('slack-socket', async () => {
      if (!connected()) throw new Error('the Slack Socket Mode connection is not open');
    });
  }

  return {
    async start() {
      const apiUrl = webApiUrl(config).slackApiUrl ?? SLACK_API_URL;
      try {
        const auth = await app.client.auth.test();
        installed = { teamId: auth.team_id ?? '', enterpriseId: auth.enterprise_id || undefined, orgWide: auth.is_enterprise_install === true };
        await app.init();
      } catch (err) {
        throw startupError(err, apiUrl);
      }
      logger.info({ teamId: installed.teamId, enterpriseId: installed.enterpriseId, orgWide: installed.orgWide }, 'Slack workspace checked');
      await slackReceiver.start();
      await progress.resume();
      logger.info({ mode: config.mode }, 'Slack adapter started');
    },
    async stop() {
      await slackReceiver.stop();
      await progress.stop();
    },
  };
}
