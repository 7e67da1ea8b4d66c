/**
 * The composition root: builds the core, the store, the notice outbox and every configured adapter
 * from one validated Config. The terminal chat runs when no chat platform is configured.
 */
import type { Readable, Writable } from 'node:stream';
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';
import { NoticeOutbox } from '../src/notices/notice-outbox';
import { NoticeService } from '../src/notices/notice-service';
import type { Courier } from '../src/notices/courier';
import { loadCore } from '../src/protocol-core';
import { DataProtection } from '../src/store/data-protection';
import { openStore } from '../src/store/open-store';
import { SharedHttpServer } from './http/http-server';
import { runShell } from './shell/shell-adapter';
import { createSlackAdapter, createSlackCourier } from './slack/slack-adapter';
import { createTeamsAdapter, createTeamsCourier } from './teams/teams-adapter';
import { checkContentDir, checkDataDir, listenError, withCouncilNamed } from './startup-checks';

export interface RunningBot {
  /** Resolves when the bot has stopped (terminal closed, or stop() finished). */
  done: Promise<void>;
  /** Port the HTTP server listens on, when a chat platform is configured. */
  port?: number;
  /** Graceful shutdown: stop taking work, let in-flight deliveries finish or return to the queue. */
  stop(): Promise<void>;
}

export async function startBot(config: Config, logger: Logger, terminal: { input: Readable; output: Writable }): Promise<RunningBot> {
  checkContentDir(config.contentDir);
  const core = withCouncilNamed(config, () => loadCore(config.contentDir, config.council));
  logger.info({ councils: core.councils().map((c) => c.id), council: config.council }, 'content loaded');
  if (!config.databaseUrl) checkDataDir(config.dataDir);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });

  const couriers: Courier[] = [];
  const slackCourier = config.slack ? createSlackCourier({ config: config.slack, logger }) : undefined;
  if (slackCourier) couriers.push(slackCourier);
  const teamsCourier = config.teams ? createTeamsCourier({ config: config.teams, store, logger }) : undefined;
  if (teamsCourier) couriers.push(teamsCourier);

  if (!config.databaseUrl) {
    // The embedded store has one process: anything in flight now was cut off by a crash, so it is
    // checked and resent at once rather than after the shared-queue stale window.
    const recovered = await store.recoverInFlight(new Date());
    if (recovered) logger.warn({ recovered }, 'deliveries interrupted by a crash returned to the queue');
  }
  const notices = new NoticeService({ store, couriers, logger, council: config.council });
  const dataProtection = new DataProtection(store, logger);
  const outbox = new NoticeOutbox({ store, couriers, logger, retentionDays: config.retentionDays });
  outbox.start();

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((err) => logger.error({ err }, 'error while stopping'));
    await outbox.stop();
    await store.close();
    logger.info('stopped');
  };
  let stopping: Promise<void> | undefined;
  const stopOnce = () => (stopping ??= stopAll());

  if (!config.slack && !config.teams) {
    const ended = new AbortController();
    const stop = () => {
      ended.abort();
      return stopOnce();
    };
    const done = runShell({
      core,
      store,
      notices,
      dataProtection,
      logger,
      input: terminal.input,
      output: terminal.output,
      council: config.council,
      signal: ended.signal,
      color: Boolean((terminal.output as { isTTY?: boolean }).isTTY) && !config.noColor,
    }).then(stop);
    return { done, stop };
  }

  const http = new SharedHttpServer(logger);
  http.addReadinessCheck('database', () => store.ping());
  const common = { core, store, notices, dataProtection, http, logger, council: config.council };
  if (config.slack) {
    const slack = createSlackAdapter({ ...common, config: config.slack });
    await slack.start();
    stops.push(() => slack.stop());
  }
  if (config.teams) {
    const teams = createTeamsAdapter({ ...common, config: config.teams });
    await teams.start();
    stops.push(() => teams.stop());
  }
  let port: number;
  try {
    port = await http.listen(config.port, config.host);
  } catch (err) {
    await stopOnce();
    throw listenError(err, config.port, config.host);
  }
  stops.unshift(() => http.close());
  http.setReady(true);
  logger.info({ port, slack: config.slack?.mode ?? 'off', teams: config.teams ? 'on' : 'off' }, 'bot ready');

  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  return { done, port, stop: () => stopOnce().then(resolveDone) };
}
