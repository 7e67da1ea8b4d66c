/**
 * The Teams adapter wired as in production, on 127.0.0.1: a SharedHttpServer with
 * POST /api/messages, the real core (content/, council `model`), a SQLite store in a temp dir,
 * the real NoticeService and NoticeOutbox with the Teams courier, and the fake Bot Connector
 * every reply goes to. Tests post activities and read what the connector received.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createTeamsAdapter, createTeamsCourier, type TeamsAdapter } from '../../adapters/teams/teams-adapter';
import { SharedHttpServer } from '../../adapters/http/http-server';
import type { TeamsConfig } from '../../src/config';
import type { ProtocolCore } from '../../src/core';
import { createLogger } from '../../src/logger';
import { NoticeOutbox } from '../../src/notices/notice-outbox';
import { NoticeService } from '../../src/notices/notice-service';
import type { Courier } from '../../src/notices/courier';
import { loadCore } from '../../src/protocol-core';
import { DataProtection } from '../../src/store/data-protection';
import { openStore } from '../../src/store/open-store';
import type { BotStore } from '../../src/store/store';
import { FakeBotConnector, type SentActivity } from './fake-bot-connector';
import { anOfficer } from './teams-activities';

let sharedCore: ProtocolCore | undefined;

export interface TeamsHarness {
  connector: FakeBotConnector;
  store: BotStore;
  notices: NoticeService;
  core: ProtocolCore;
  /** Every log line, parsed. */
  logs: Record<string, unknown>[];
  /** Posts an activity to /api/messages as Teams would. */
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Posts a body as it is (for bodies Teams would never send). */
  postRaw(body: string): Promise<{ status: number; body: string }>;
  /** What the bot sent into a conversation since the last call (oldest first). */
  takeSent(conversationId: string): SentActivity[];
  /** Breaks the store (as if the database went away), for the error handler test. */
  breakStore(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  config?: Partial<TeamsConfig>;
  respondWithinMs?: number;
  /** Puts something between the bot and its store (a database that fails); `store` stays the real one. */
  wrapStore?: (store: BotStore) => BotStore;
}

export async function startTeamsHarness(options: HarnessOptions = {}): Promise<TeamsHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'teams-test-'));
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination: sink });
  const config: TeamsConfig = {
    appType: 'MultiTenant',
    allowUnauthenticated: true,
    officerIds: [anOfficer().aadObjectId],
    ...options.config,
  };
  sharedCore ??= loadCore('content', 'model');
  const core = sharedCore;
  const connector = await FakeBotConnector.start();
  const store = await openStore({ dataDir: dir, logger });
  const botStore = options.wrapStore ? options.wrapStore(store) : store;
  const couriers: Courier[] = [];
  const courier = createTeamsCourier({ config, store: botStore, logger, limits: { perSecond: 1000, perRecipientPerSecond: 1000 } });
  if (courier) couriers.push(courier);
  const notices = new NoticeService({ store: botStore, couriers, logger, council: 'model' });
  const outbox = new NoticeOutbox({ store: botStore, couriers, logger, pollIntervalMs: 25, backoff: { baseMs: 10, maxMs: 50 } });
  outbox.start();
  const http = new SharedHttpServer(logger);
  const teams: TeamsAdapter = createTeamsAdapter({
    config,
    core,
    store: botStore,
    notices,
    dataProtection: new DataProtection(botStore, logger),
    http,
    logger,
    council: 'model',
    options: { progressIntervalMs: 20, respondWithinMs: options.respondWithinMs },
  });
  await teams.start();
  const port = await http.listen(0, '127.0.0.1');
  http.setReady(true);
  const taken = new Map<string, number>();
  let storeBroken = false;

  return {
    connector,
    store,
    notices,
    core,
    logs,
    post(activity, headers = {}) {
      return postBody(port, JSON.stringify(activity), headers);
    },
    postRaw(body) {
      return postBody(port, body, {});
    },
    takeSent(conversationId) {
      const all = connector.sentTo(conversationId);
      const from = taken.get(conversationId) ?? 0;
      taken.set(conversationId, all.length);
      return all.slice(from);
    },
    async breakStore() {
      storeBroken = true;
      await outbox.stop();
      await store.close();
    },
    async close() {
      await teams.stop();
      await http.close();
      if (!storeBroken) {
        await outbox.stop();
        await store.close();
      }
      await connector.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postBody(port: number, body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, body: await res.text() };
}

/** The Adaptive Card in a sent activity, or undefined. */
export function cardOf(sent: SentActivity | undefined): { body: any[]; actions?: any[] } | undefined { // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON as sent
  return sent?.activity?.attachments?.[0]?.content;
}

/** Every TextBlock text in a card, in order, including those inside containers. */
export function cardTexts(card: { body: unknown[] } | undefined): string[] {
  const out: string[] = [];
  const walk = (items: unknown[]) => {
    for (const item of items as Record<string, unknown>[]) {
      if (item.type === 'TextBlock') out.push(String(item.text));
      if (Array.isArray(item.items)) walk(item.items);
    }
  };
  walk(card?.body ?? []);
  return out;
}

/** Every Action.Submit in a card (body ActionSets and card actions): title and data. */
export function cardButtons(card: { body: unknown[]; actions?: unknown[] } | undefined): { title: string; data: Record<string, unknown> }[] {
  const out: { title: string; data: Record<string, unknown> }[] = [];
  const take = (actions: unknown[]) => {
    for (const a of actions as Record<string, unknown>[]) if (a.type === 'Action.Submit') out.push({ title: String(a.title), data: a.data as Record<string, unknown> });
  };
  const walk = (items: unknown[]) => {
    for (const item of items as Record<string, unknown>[]) {
      if (item.type === 'ActionSet' && Array.isArray(item.actions)) take(item.actions);
      if (Array.isArray(item.items)) walk(item.items);
    }
  };
  walk(card?.body ?? []);
  take(card?.actions ?? []);
  return out;
}
