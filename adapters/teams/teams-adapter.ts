/**
 * The Microsoft Teams adapter: Bot Framework activities at POST /api/messages on the shared HTTP
 * server become plain requests to the core, and its answers go back as Adaptive Cards. Also exports
 * the Teams courier the notice outbox delivers through.
 */
import type { TurnContext } from 'botbuilder';
import type { TeamsConfig } from '../../src/config';
import { BotError } from '../../src/errors';
import { messages } from '../../src/messages';
import type { ChatAdapter, ChatAdapterDeps } from '../chat-adapter';
import { botAppId, createCloudAdapter } from './bot-framework';
import { ClerkEscalation } from './clerk-escalation';
import { MESSAGES_ROUTE_DEFAULTS, messagesRoute } from './http-bridge';
import { NoticeProgressWatcher, PROGRESS_DEFAULTS } from './notice-progress';
import { NoticeTurns } from './notice-turns';
import { ProactiveMessenger } from './proactive';
import { routeSdkConsole } from './sdk-console';
import { TeamDirectory } from './team-target';
import { teamsMessages } from './teams-messages';
import { createTurnHandler } from './teams-turn';

export { createTeamsCourier, TEAMS_COURIER_LIMITS } from './teams-courier';

export const MESSAGES_PATH = '/api/messages';

export type TeamsAdapterDeps = ChatAdapterDeps<
  TeamsConfig,
  /** Mostly for tests: how soon Teams gets its 200, and how often the filer's progress is refreshed. */
  { respondWithinMs?: number; progressIntervalMs?: number }
>;

export interface TeamsAdapter extends ChatAdapter {
  /** Registers POST /api/messages; call before the shared server listens. */
  start(): Promise<void>;
  /** Stops progress updates; in-flight turns finish with the HTTP server. */
  stop(): Promise<void>;
}

export function createTeamsAdapter(deps: TeamsAdapterDeps): TeamsAdapter {
  const logger = deps.logger.child({ platform: 'teams' });
  const adapter = createCloudAdapter(deps.config);
  // Proactive sends use their own CloudAdapter with no onTurnError, so a failed send rejects to
  // its caller instead of being "answered" with an apology in someone else's chat.
  const messenger = new ProactiveMessenger(createCloudAdapter(deps.config), botAppId(deps.config));
  const directory = new TeamDirectory(deps.store, logger);
  const progress = new NoticeProgressWatcher(deps.notices, messenger, logger, {
    ...PROGRESS_DEFAULTS,
    ...(deps.options?.progressIntervalMs ? { intervalMs: deps.options.progressIntervalMs } : {}),
  });
  const turn = createTurnHandler({
    config: deps.config,
    core: deps.core,
    store: deps.store,
    dataProtection: deps.dataProtection,
    logger,
    council: deps.council,
    directory,
    clerk: new ClerkEscalation(deps.config, messenger, directory, logger),
    noticeTurns: new NoticeTurns({ notices: deps.notices, store: deps.store, logger, council: deps.council, progress }),
  });

  // The one top-level error handler: log everything, tell the user only that it went wrong (and
  // whether it was the store, so a filer knows to check the register before filing again).
  adapter.onTurnError = async (context: TurnContext, err: unknown) => {
    const a = context.activity;
    const storeDown = err instanceof BotError && err.code === 'STORE_FAILURE';
    logger.error({ err, storeFailure: storeDown, activityId: a.id, activityType: a.type, conversationType: a.conversation?.conversationType }, 'Teams turn failed');
    if (a.type !== 'message') return;
    try {
      await context.sendActivity(storeDown ? teamsMessages.storeFailure : messages.somethingWentWrong);
    } catch (sendErr) {
      logger.error({ err: sendErr, activityId: a.id }, 'could not tell the user the turn failed');
    }
  };

  let stopRouting: (() => void) | undefined;
  return {
    async start() {
      stopRouting = routeSdkConsole(logger);
      if (!deps.config.appId) {
        logger.warn('Teams adapter running WITHOUT authentication (TEAMS_ALLOW_UNAUTHENTICATED): anyone who can reach /api/messages can talk as any user. Local testing only.');
      }
      deps.http.route(
        'POST',
        MESSAGES_PATH,
        messagesRoute(adapter, turn, {
          maxBodyBytes: MESSAGES_ROUTE_DEFAULTS.maxBodyBytes,
          bodyTimeoutMs: MESSAGES_ROUTE_DEFAULTS.bodyTimeoutMs,
          respondWithinMs: deps.options?.respondWithinMs ?? MESSAGES_ROUTE_DEFAULTS.respondWithinMs,
          logger,
        }),
      );
      logger.info({ path: MESSAGES_PATH, authenticated: Boolean(deps.config.appId), officers: deps.config.officerIds.length }, 'Teams adapter started');
    },
    async stop() {
      progress.stop();
      stopRouting?.();
      logger.info('Teams adapter stopped');
    },
  };
}
