/**
 * A fake Slack Web API on 127.0.0.1: the methods the Slack adapter calls (auth.test, chat.*,
 * views.*, conversations.members/open/history, users.list/info, files upload), plus a route for
 * response_url posts and one for file upload bytes. It records every call, keeps the messages it
 * accepted (with their metadata, for conversations.history) for as long as it runs, so a bot
 * process may crash and restart against it, and can be told to rate-limit (429 + Retry-After),
 * fail, or slow down particular calls. Tests await what they expect instead of sleeping.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_BOT_TOKEN, type FakeUser, FakeSlackWorkspace, type Json, type StoredMessage, dmChannel } from './slack-fake-workspace';

export { FAKE_BOT_ID, FAKE_BOT_TOKEN, FAKE_BOT_USER, FAKE_TEAM, type FakeUser, type Json, type StoredMessage, dmChannel } from './slack-fake-workspace';

export interface RecordedCall {
  seq: number;
  /** Web API method, e.g. chat.postMessage. */
  method: string;
  params: Record<string, Json>;
  token?: string;
  /** What the fake answered: ok, a Slack error code, `ratelimited` (429) or `http_<status>`. */
  outcome: string;
  /** False while the answer is held back (a slowed call), and for good if the caller went away first. */
  answered: boolean;
}

export interface ResponseUrlPost {
  seq: number;
  key: string;
  body: Json;
}

/** What a rule makes the fake answer instead of its normal reply. */
export type FakeOverride = { rateLimitSeconds: number } | { error: string } | { httpStatus: number } | { delayMs: number };

/** Decides, per call, whether to answer unusually. `n` counts calls to that method (1-based). */
export type FakeRule = (params: Record<string, Json>, n: number) => FakeOverride | undefined;

type Listener = () => void;

export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly uploads: { fileId: string; body: string }[] = [];
  private workspace!: FakeSlackWorkspace;
  private readonly rules = new Map<string, FakeRule[]>();
  private readonly counts = new Map<string, number>();
  private listeners = new Set<Listener>();
  private seq = 0;
  private server!: Server;
  private base = '';

  static async start(): Promise<FakeSlackApi> {
    const fake = new FakeSlackApi();
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.base = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    fake.workspace = new FakeSlackWorkspace(fake.base);
    return fake;
  }

  /** SLACK_API_URL / clientOptions.slackApiUrl. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A response_url Slack would put in a slash command or interaction. */
  responseUrl(key: string): string {
    return `${this.base}/response/${encodeURIComponent(key)}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Every message the bot posted, kept for as long as the fake runs (across bot restarts). */
  get messages(): StoredMessage[] {
    return this.workspace.messages;
  }

  addUser(user: FakeUser): void {
    this.workspace.addUser(user);
  }

  setChannelMembers(channel: string, members: string[]): void {
    this.workspace.channelMembers.set(channel, [...members]);
  }

  /** Adds a rule for a method; rules run in order and the first override wins. */
  when(method: string, rule: FakeRule): void {
    this.rules.set(method, [...(this.rules.get(method) ?? []), rule]);
  }

  clearRules(): void {
    this.rules.clear();
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Accepted messages in a DM with `userId` (what that member received). */
  dmsTo(userId: string): StoredMessage[] {
    return this.messages.filter((m) => m.channel === dmChannel(userId) && !m.ephemeralFor);
  }

  inChannel(channel: string): StoredMessage[] {
    return this.messages.filter((m) => m.channel === channel && !m.ephemeralFor);
  }

  /** Resolves once `check` returns something other than undefined/false, re-checking after every call. */
  until<T>(check: () => T | undefined | false): Promise<T> {
    const now = check();
    if (now !== undefined && now !== false) return Promise.resolve(now);
    return new Promise((resolve) => {
      const listener = () => {
        const value = check();
        if (value !== undefined && value !== false) {
          this.listeners.delete(listener);
          resolve(value);
        }
      };
      this.listeners.add(listener);
    });
  }

  /** The first call to `method` (after `afterSeq`) that matches. */
  waitForCall(method: string, match: (c: RecordedCall) => boolean = () => true, afterSeq = 0): Promise<RecordedCall> {
    return this.until(() => this.calls.find((c) => c.seq > afterSeq && c.method === method && match(c)));
  }

  waitForResponse(key: string, afterSeq = 0): Promise<ResponseUrlPost> {
    return this.until(() => this.responses.find((r) => r.seq > afterSeq && r.key === key));
  }

  /** The current sequence number, to wait only for what happens after this point. */
  mark(): number {
    return this.seq;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.base);
    if (url.pathname.startsWith('/response/')) {
      this.responses.push({ seq: ++this.seq, key: decodeURIComponent(url.pathname.slice('/response/'.length)), body: parseJson(raw) });
      send(res, 200, { ok: true });
      this.notify();
      return;
    }
    if (url.pathname.startsWith('/upload/')) {
      this.uploads.push({ fileId: url.pathname.slice('/upload/'.length), body: raw });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('OK');
      this.notify();
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      send(res, 404, { ok: false, error: 'unknown_url' });
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const params = parseParams(raw, req.headers['content-type'] ?? '');
    const auth = req.headers.authorization;
    const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : (params.token as string | undefined);
    const call: RecordedCall = { seq: ++this.seq, method, params, token, outcome: 'ok', answered: false };
    this.calls.push(call);
    const n = (this.counts.get(method) ?? 0) + 1;
    this.counts.set(method, n);

    let delayMs = 0;
    let override: FakeOverride | undefined;
    for (const rule of this.rules.get(method) ?? []) {
      const o = rule(params, n);
      if (!o) continue;
      if ('delayMs' in o) delayMs = Math.max(delayMs, o.delayMs);
      else {
        override = o;
        break;
      }
    }

    if (token !== FAKE_BOT_TOKEN) {
      call.outcome = 'invalid_auth';
      call.answered = send(res, 200, { ok: false, error: 'invalid_auth' });
    } else if (override && 'rateLimitSeconds' in override) {
      call.outcome = 'ratelimited';
      call.answered = send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(override.rateLimitSeconds) });
    } else if (override && 'httpStatus' in override) {
      call.outcome = `http_${override.httpStatus}`;
      call.answered = send(res, override.httpStatus, { ok: false, error: 'fake_http_error' });
    } else if (override && 'error' in override) {
      call.outcome = override.error;
      call.answered = send(res, 200, { ok: false, error: override.error });
    } else {
      // The call takes effect now (a message is posted), even if the answer is slow to come back.
      const result = this.workspace.reply(method, params);
      call.outcome = result.ok ? 'ok' : String(result.error);
      this.notify();
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      call.answered = send(res, 200, result);
      this.notify();
      return;
    }
    this.notify();
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view', 'files']);

/** The Web API client posts form-encoded fields, with arrays and objects as JSON strings. */
function parseParams(raw: string, contentType: string): Record<string, Json> {
  if (contentType.includes('application/json')) return (parseJson(raw) as Record<string, Json>) ?? {};
  const params: Record<string, Json> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = JSON_FIELDS.has(key) ? (parseJson(value) ?? value) : value;
  }
  return params;
}

function parseJson(raw: string): Json {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Writes the answer; false if the caller has gone (e.g. the bot process was killed). */
function send(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): boolean {
  if (res.destroyed || res.socket?.destroyed) return false;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
  return true;
}
