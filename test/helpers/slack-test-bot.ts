/**
 * The Slack adapter wired as in production, for end-to-end tests: the real core (content/, council
 * `model`), a real SQLite store in a temp DATA_DIR, the real NoticeService and NoticeOutbox, the
 * Bolt app on a SharedHttpServer at 127.0.0.1:0, all talking to a FakeSlackApi. Tests send signed
 * (or forged, or stale) requests and await what the fake records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { SharedHttpServer } from '../../adapters/http/http-server';
import { createSlackAdapter, createSlackCourier, type SlackCourierOptions } from '../../adapters/slack/slack-adapter';
import type { SlackConfig } from '../../src/config';
import type { ProtocolCore } from '../../src/core';
import { createLogger, type Logger } from '../../src/logger';
import type { Courier } from '../../src/notices/courier';
import { NoticeOutbox, type NoticeOutboxOptions } from '../../src/notices/notice-outbox';
import { NoticeService } from '../../src/notices/notice-service';
import { loadCore } from '../../src/protocol-core';
import { DataProtection } from '../../src/store/data-protection';
import { openStore } from '../../src/store/open-store';
import type { BotStore } from '../../src/store/store';
import { FAKE_BOT_TOKEN, FAKE_BOT_USER, FakeSlackApi, type Json } from './fake-slack-api';
import { COUNCILLOR, OFFICER, type SlackRequestBody } from './slack-payloads';
import { type SignOptions, TEST_SIGNING_SECRET, slackSignatureHeaders } from './slack-signing';

export const MEMBERS_CHANNEL = 'CMEMBERS';
export const ESCALATION_CHANNEL = 'CCLERK';

/** Log lines as JSON, so a test can wait for the line that says something happened. */
export class LogLines extends Writable {
  readonly lines: Json[] = [];
  private waiters: (() => boolean)[] = [];

  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    for (const text of chunk.toString('utf8').split('\n').filter(Boolean)) this.lines.push(JSON.parse(text));
    this.waiters = this.waiters.filter((settled) => !settled());
    done();
  }

  /** The first line (already written or yet to come) whose msg is `msg` and that matches. */
  async waitFor(msg: string, match: (l: Json) => boolean = () => true): Promise<Json> {
    const [line] = await this.waitForLines((l) => l.msg === msg && match(l), 1);
    return line;
  }

  /** Resolves with the matching lines once there are at least `count` of them. */
  waitForLines(match: (l: Json) => boolean, count: number): Promise<Json[]> {
    return new Promise((resolve) => {
      const settled = () => {
        const found = this.lines.filter(match);
        if (found.length < count) return false;
        resolve(found);
        return true;
      };
      if (!settled()) this.waiters.push(settled);
    });
  }
}

export interface SlackTestBotOptions {
  officerIds?: string[];
  membersChannel?: string | null;
  escalationChannel?: string | null;
  courier?: SlackCourierOptions;
  outbox?: Partial<Omit<NoticeOutboxOptions, 'store' | 'couriers' | 'logger'>>;
  /** Start the outbox (default true). */
  deliver?: boolean;
  /** Puts something between the bot and its store (a database that stalls or fails). */
  wrapStore?: (store: BotStore) => BotStore;
}

export interface SlackReply {
  status: number;
  /** Parsed JSON when the bot answered with JSON, else the text. */
  body: Json;
}

export class SlackTestBot {
  private constructor(
    readonly fake: FakeSlackApi,
    readonly store: BotStore,
    readonly core: ProtocolCore,
    readonly notices: NoticeService,
    readonly outbox: NoticeOutbox,
    readonly courier: Courier | undefined,
    readonly logs: LogLines,
    readonly config: SlackConfig,
    private readonly http: SharedHttpServer,
    private readonly adapter: { stop(): Promise<void> },
    private readonly dataDir: string,
    readonly url: string,
  ) {}

  static async start(options: SlackTestBotOptions = {}): Promise<SlackTestBot> {
    const fake = await FakeSlackApi.start();
    for (const id of [COUNCILLOR, OFFICER, ...(options.officerIds ?? [])]) fake.addUser({ id, name: id.toLowerCase() });
    const logs = new LogLines();
    const logger: Logger = createLogger({ level: 'debug', destination: logs });
    const dataDir = mkdtempSync(join(tmpdir(), 'slack-test-'));
    const config: SlackConfig = {
      mode: 'http',
      botToken: FAKE_BOT_TOKEN,
      signingSecret: TEST_SIGNING_SECRET,
      apiUrl: fake.apiUrl,
      officerIds: options.officerIds ?? [OFFICER],
      escalationChannel: options.escalationChannel === null ? undefined : (options.escalationChannel ?? ESCALATION_CHANNEL),
      membersChannel: options.membersChannel === null ? undefined : (options.membersChannel ?? MEMBERS_CHANNEL),
    };
    const realStore = await openStore({ dataDir, logger });
    const store = options.wrapStore ? options.wrapStore(realStore) : realStore;
    const core = loadCore('content', 'model');
    const courier = createSlackCourier({ config, logger, options: options.courier ?? { perSecond: 1000, perRecipientPerSecond: 1000 } });
    const couriers = courier ? [courier] : [];
    const notices = new NoticeService({ store, couriers, logger, council: 'model' });
    const outbox = new NoticeOutbox({
      store,
      couriers,
      logger,
      backoff: { baseMs: 20, maxMs: 200 },
      pollIntervalMs: 50,
      stopGraceMs: 2000,
      ...options.outbox,
    });
    const http = new SharedHttpServer(logger);
    const adapter = createSlackAdapter({ config, core, store, notices, dataProtection: new DataProtection(store, logger), http, logger, council: 'model', options: { progressIntervalMs: 25 } });
    await adapter.start();
    const port = await http.listen(0, '127.0.0.1');
    http.setReady(true);
    if (options.deliver ?? true) outbox.start();
    return new SlackTestBot(fake, store, core, notices, outbox, courier, logs, config, http, adapter, dataDir, `http://127.0.0.1:${port}`);
  }

  /**
   * Fills the members channel: these humans, plus what a real channel also holds and a notice
   * must skip (this bot, another app's bot, Slackbot, a deactivated account).
   */
  seatMembers(humans: string[]): void {
    for (const id of humans) this.fake.addUser({ id, name: id.toLowerCase() });
    this.fake.addUser({ id: 'UOTHERBOT', name: 'otherbot', is_bot: true });
    this.fake.addUser({ id: 'UDEACTIVATED', name: 'gone', deleted: true });
    const channel = this.config.membersChannel ?? MEMBERS_CHANNEL;
    this.fake.setChannelMembers(channel, [FAKE_BOT_USER, 'USLACKBOT', ...humans, 'UOTHERBOT', 'UDEACTIVATED']);
  }

  /** POSTs a body to /slack/events, signed like Slack unless `sign` says otherwise. */
  async send(request: SlackRequestBody, sign: SignOptions & { headers?: Record<string, string>; unsigned?: boolean } = {}): Promise<SlackReply> {
    const headers: Record<string, string> = { 'content-type': request.contentType, ...(sign.unsigned ? {} : slackSignatureHeaders(request.body, sign)), ...sign.headers };
    const res = await fetch(`${this.url}/slack/events`, { method: 'POST', headers, body: request.body });
    const text = await res.text();
    let body: Json = text;
    if (text && (res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
    return { status: res.status, body };
  }

  async close(): Promise<void> {
    await this.adapter.stop();
    await this.http.close();
    await this.outbox.stop();
    await this.store.close();
    await this.fake.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** All the text in a Slack message's blocks (or its text when it has none), for assertions on what a user sees. */
export function textOf(message: { text?: string; blocks?: Json[] } | undefined): string {
  if (!message) return '';
  if (!message.blocks) return message.text ?? '';
  const parts: string[] = [];
  const visit = (node: Json) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node.text === 'string') parts.push(node.text);
    for (const [k, v] of Object.entries(node)) if (k !== 'text' || typeof v === 'object') visit(v);
  };
  visit(message.blocks ?? []);
  return parts.join('\n');
}

/** Every button in a message: action id, label and value. */
export function buttonsOf(message: { blocks?: Json[] } | undefined): { actionId: string; label: string; value: string }[] {
  const out: { actionId: string; label: string; value: string }[] = [];
  for (const block of message?.blocks ?? []) {
    const elements = block.type === 'actions' ? block.elements : block.accessory ? [block.accessory] : [];
    for (const e of elements) if (e.type === 'button') out.push({ actionId: e.action_id, label: e.text.text, value: e.value });
  }
  return out;
}

/** Slack's Block Kit limits, checked on a message or view a test received. */
export function blockKitProblems(message: { blocks?: Json[] } | undefined, maxBlocks = 50): string[] {
  const problems: string[] = [];
  const blocks = message?.blocks ?? [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks`);
  for (const b of blocks) {
    if (b.type === 'section' && b.text && b.text.text.length > 3000) problems.push(`section text ${b.text.text.length}`);
    if (b.type === 'header' && b.text.text.length > 150) problems.push(`header ${b.text.text.length}`);
    if (b.type === 'actions' && b.elements.length > 25) problems.push(`${b.elements.length} actions`);
  }
  for (const button of buttonsOf(message)) {
    if (button.label.length > 75) problems.push(`button label ${button.label.length}`);
    if ((button.value ?? '').length > 2000) problems.push(`button value ${button.value.length}`);
  }
  return problems;
}

/** Member ids U0000001, U0000002, …: a council's worth of councillors. */
export function memberIds(count: number, prefix = 'UM'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(5, '0')}`);
}
