/**
 * A fake Bot Connector service on 127.0.0.1: the REST routes of the Bot Framework v3 API that the
 * Teams adapter calls (send, reply, update, create 1:1 conversation, paged members, one member).
 * It records every request, can answer with 429/5xx on demand, can hold a request until released,
 * and lets a test await the request it expects instead of sleeping.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  seq: number;
  method: string;
  /** Decoded path, e.g. /v3/conversations/19:abc@thread.tacv2/activities. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body, or undefined for an empty one. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever the adapter sent; tests read it as JSON
  /** The status the fake answered with. */
  status: number;
}

/** An activity the bot sent (POST to a conversation, or PUT to update one). */
export interface SentActivity {
  conversationId: string;
  /** The id the fake gave it (or, for updates, the id being updated). */
  id: string;
  replyToId?: string;
  kind: 'send' | 'reply' | 'update';
  activity: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- Bot Framework activity JSON
}

export interface TeamsMember {
  id: string;
  aadObjectId: string;
  name: string;
  userPrincipalName?: string;
}

interface Failure {
  matches: (method: string, path: string) => boolean;
  status: number;
  retryAfterSeconds?: number;
  remaining: number;
}

interface Waiter {
  predicate: (r: RecordedRequest) => boolean;
  resolve: (r: RecordedRequest) => void;
}

interface Hold {
  predicate: (method: string, path: string) => boolean;
  released: Promise<void>;
}

export class FakeBotConnector {
  readonly requests: RecordedRequest[] = [];
  readonly activities: SentActivity[] = [];
  private readonly members = new Map<string, { list: TeamsMember[]; pageSize: number }>();
  private readonly failures: Failure[] = [];
  private readonly holds: Hold[] = [];
  private waiters: Waiter[] = [];
  private seq = 0;
  private server!: Server;
  /** The serviceUrl to put in activities, with a trailing slash like Teams' own. */
  url = '';

  static async start(): Promise<FakeBotConnector> {
    const fake = new FakeBotConnector();
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/`;
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Sets the roster of a team (or chat) conversation, served `pageSize` at a time. */
  setMembers(conversationId: string, list: TeamsMember[], pageSize = 50): void {
    this.members.set(conversationId, { list, pageSize });
  }

  /** The next `times` requests matching answer `status` (with Retry-After when given). */
  failNext(match: { method?: string; path: RegExp | string }, status: number, options: { times?: number; retryAfterSeconds?: number } = {}): void {
    this.failures.push({
      matches: (method, path) => (!match.method || match.method === method) && (typeof match.path === 'string' ? path === match.path : match.path.test(path)),
      status,
      retryAfterSeconds: options.retryAfterSeconds,
      remaining: options.times ?? 1,
    });
  }

  /** Holds matching requests (unanswered) until the returned function is called. */
  hold(match: { method?: string; path: RegExp }): () => void {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const entry: Hold = { predicate: (method, path) => (!match.method || match.method === method) && match.path.test(path), released };
    this.holds.push(entry);
    return () => {
      this.holds.splice(this.holds.indexOf(entry), 1);
      release();
    };
  }

  /** Resolves with the first request (already recorded or yet to come) that matches. */
  waitFor(predicate: (r: RecordedRequest) => boolean): Promise<RecordedRequest> {
    const seen = this.requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }

  /** Resolves once `count` requests match. */
  async waitForCount(predicate: (r: RecordedRequest) => boolean, count: number): Promise<RecordedRequest[]> {
    for (;;) {
      const matching = this.requests.filter(predicate);
      if (matching.length >= count) return matching;
      const before = this.requests.length;
      await this.waitFor((r) => r.seq > before && predicate(r));
    }
  }

  /** Activities sent to one conversation, oldest first. */
  sentTo(conversationId: string): SentActivity[] {
    return this.activities.filter((a) => a.conversationId === conversationId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    // Decoded, so tests can match conversation ids like "19:abc@thread.tacv2" as they are.
    const path = decodeURIComponent(url.pathname);
    const raw = await readAll(req);
    const body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
    for (const hold of this.holds.filter((h) => h.predicate(method, path))) await hold.released;

    const failure = this.failures.find((f) => f.remaining > 0 && f.matches(method, path));
    let status: number;
    let payload: unknown;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (failure) {
      failure.remaining -= 1;
      status = failure.status;
      payload = { error: { code: status === 429 ? 'Throttled' : 'ServiceError', message: `fake connector answered ${status}` } };
      if (failure.retryAfterSeconds !== undefined) headers['retry-after'] = String(failure.retryAfterSeconds);
    } else {
      [status, payload] = this.route(method, path, url.searchParams, body);
    }
    const recorded: RecordedRequest = { seq: ++this.seq, method, path, query: url.searchParams, headers: req.headers, body, status };
    this.requests.push(recorded);
    res.writeHead(status, headers);
    res.end(payload === undefined ? '' : JSON.stringify(payload));
    const ready = this.waiters.filter((w) => w.predicate(recorded));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(recorded);
  }

  private route(method: string, path: string, query: URLSearchParams, body: any): [number, unknown] { // eslint-disable-line @typescript-eslint/no-explicit-any -- request JSON
    const parts = path.split('/').filter(Boolean);
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return [404, { error: { code: 'NotFound', message: path } }];
    const conversationId = parts[2];
    if (method === 'POST' && parts.length === 2) {
      const member = body?.members?.[0]?.id as string | undefined;
      if (!member || body?.isGroup) return [400, { error: { code: 'BadSyntax', message: 'one member, isGroup false' } }];
      return [201, { id: `a:dm-${member}` }];
    }
    if (!conversationId) return [404, {}];
    if (method === 'POST' && parts[3] === 'activities') {
      const id = `activity-${this.seq + 1}`;
      const replyToId = parts[4];
      this.activities.push({ conversationId, id, replyToId, kind: replyToId ? 'reply' : 'send', activity: body });
      return [201, { id }];
    }
    if (method === 'PUT' && parts[3] === 'activities' && parts[4]) {
      this.activities.push({ conversationId, id: parts[4], kind: 'update', activity: body });
      return [200, { id: parts[4] }];
    }
    if (method === 'GET' && parts[3] === 'pagedmembers') {
      const roster = this.members.get(conversationId);
      if (!roster) return [404, { error: { code: 'ConversationNotFound', message: conversationId } }];
      const start = Number(query.get('continuationToken') ?? '0');
      const page = roster.list.slice(start, start + roster.pageSize);
      const next = start + roster.pageSize < roster.list.length ? String(start + roster.pageSize) : undefined;
      return [200, { members: page, ...(next ? { continuationToken: next } : {}) }];
    }
    if (method === 'GET' && parts[3] === 'members' && parts[4]) {
      const found = this.members.get(conversationId)?.list.find((m) => m.id === parts[4] || m.aadObjectId === parts[4]);
      return found ? [200, found] : [404, { error: { code: 'MemberNotFoundInConversation', message: parts[4] } }];
    }
    return [404, { error: { code: 'NotFound', message: `${method} ${path}` } }];
  }
}

/** `count` members with Teams-like ids, for a roster. */
export function aRoster(count: number, prefix = 'member'): TeamsMember[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `29:${prefix}-${i + 1}`,
    aadObjectId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    name: `Councillor ${i + 1}`,
  }));
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
