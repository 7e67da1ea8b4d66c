/**
 * POST /api/messages on the shared node:http server: reads the body ourselves (capped, timed out),
 * checks it is an activity, then hands CloudAdapter.process the Express-like request/response pair
 * it expects. Authentication stays inside CloudAdapter; anything it refuses before the turn starts
 * (a forged, malformed or unverifiable token) is answered 401, never 500.
 */
import type { ServerResponse } from 'node:http';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../../src/logger';
import type { RouteHandler } from '../http/http-server';
import { readBody, refuseBody } from '../http/request-body';

export interface MessagesRouteOptions {
  /** Larger bodies get 413; Teams activities are far smaller. */
  maxBodyBytes: number;
  /** A body not complete within this long gets 408. */
  bodyTimeoutMs: number;
  /**
   * Once a turn has passed authentication, Teams gets its 200 after at most this long even if the
   * turn is still sending (Teams gives a bot 15 s, then retries and shows an error).
   */
  respondWithinMs: number;
  logger: Logger;
}

/**
 * Teams activities are a few kilobytes (a card submission with a full notice form is under 20 KB);
 * 1 MB leaves room. Bot Framework sends a request whole, so 10 s is ample for its body.
 */
export const MESSAGES_ROUTE_DEFAULTS = Object.freeze({ maxBodyBytes: 1024 * 1024, bodyTimeoutMs: 10_000, respondWithinMs: 10_000 });

export function messagesRoute(adapter: CloudAdapter, logic: (context: TurnContext) => Promise<void>, options: MessagesRouteOptions): RouteHandler {
  return async (req, res) => {
    const read = await readBody(req, { maxBytes: options.maxBodyBytes, timeoutMs: options.bodyTimeoutMs });
    if (!read.ok) {
      options.logger.warn({ status: read.status, reason: read.reason }, 'Teams request refused');
      refuseBody(req, res, read.status, read.status === 413 ? 'Request body too large' : read.status === 408 ? 'Request body too slow' : 'Bad request');
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(read.body.toString('utf8'));
    } catch {
      badRequest(res, options.logger, 'Request body is not JSON');
      return;
    }
    const problem = activityProblem(body);
    if (problem) {
      badRequest(res, options.logger, problem);
      return;
    }
    const activity = body as Record<string, unknown>;
    const reply = new BotResponse(res, options.logger);
    // Invokes need the turn's own answer; everything else may be acknowledged early.
    const mayAnswerEarly = activity.type !== 'invoke';
    try {
      await adapter.process({ body: activity, headers: req.headers, method: req.method }, reply, async (context) => {
        reply.turnStarted = true;
        if (mayAnswerEarly) reply.answerAfter(options.respondWithinMs);
        await logic(context);
      });
    } finally {
      reply.close();
    }
  };
}

/** The response shape CloudAdapter writes to (status, header, send, end), over node's ServerResponse. */
class BotResponse {
  private statusCode = 200;
  private readonly headers: Record<string, string> = {};
  private chunks: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private answeredEarly = false;
  /** Set when authentication has passed and the bot's own turn has begun. */
  turnStarted = false;
  readonly socket: unknown;

  constructor(
    private readonly res: ServerResponse,
    private readonly logger: Logger,
  ) {
    this.socket = res.socket;
  }

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  header(name: string, value: unknown): this {
    this.headers[name.toLowerCase()] = String(value);
    return this;
  }

  send(body: unknown): this {
    if (body === undefined || body === null) return this;
    if (typeof body === 'string' || Buffer.isBuffer(body)) {
      this.chunks.push(body.toString());
    } else {
      this.headers['content-type'] ??= 'application/json';
      this.chunks.push(JSON.stringify(body));
    }
    return this;
  }

  end(): this {
    clearTimeout(this.timer);
    if (this.answeredEarly) {
      if (this.statusCode >= 400) this.logger.warn({ status: this.statusCode }, 'Teams turn ended with an error after it was acknowledged');
      return this;
    }
    if (this.res.headersSent) return this;
    if (!this.turnStarted && (this.statusCode === 401 || this.statusCode === 403 || this.statusCode >= 500)) {
      // Refused before the turn: the token was missing, forged, malformed or could not be verified
      // (botbuilder reports some of these as 500). The reason goes to the log, not the caller.
      this.logger.warn({ status: this.statusCode, detail: this.chunks.join('').slice(0, 300) }, 'Teams request refused: not authenticated');
      this.res.writeHead(401, { 'content-type': 'text/plain' });
      this.res.end('Unauthorised');
      return this;
    }
    if (this.statusCode >= 500 && this.statusCode !== 501) {
      // botbuilder puts the error's message in the body (e.g. why token keys could not be fetched);
      // 501 is only an invoke the bot does not handle.
      this.logger.error({ status: this.statusCode, detail: this.chunks.join('').slice(0, 500) }, 'Teams request failed before the turn');
      this.res.writeHead(this.statusCode, { 'content-type': 'text/plain' });
      this.res.end('Internal error');
      return this;
    }
    this.res.writeHead(this.statusCode, this.headers);
    this.res.end(this.chunks.join(''));
    return this;
  }

  /** Acknowledges with 200 after `ms` unless the turn has finished by then. */
  answerAfter(ms: number): void {
    this.timer = setTimeout(() => {
      if (this.res.headersSent) return;
      this.answeredEarly = true;
      this.logger.warn({ afterMs: ms }, 'Teams turn still running; acknowledged early to stay inside the 15 s limit');
      this.res.writeHead(200);
      this.res.end();
    }, ms);
    this.timer.unref();
  }

  /** Makes sure the HTTP response is finished whatever happened in between. */
  close(): void {
    clearTimeout(this.timer);
    if (!this.res.headersSent) {
      this.res.writeHead(500, { 'content-type': 'text/plain' });
      this.res.end('Internal error');
    }
  }
}

function badRequest(res: ServerResponse, logger: Logger, reason: string): void {
  logger.info({ reason }, 'Teams request refused: not an activity');
  res.writeHead(400, { 'content-type': 'text/plain' });
  res.end(reason);
}

/**
 * Why a parsed body is not an activity we can take, or undefined. Only the fields every turn
 * reads are checked; botbuilder and the turn handler read the rest defensively.
 */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'Request body is not an activity';
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || !a.type) return 'Activity has no type';
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const field of ['conversation', 'from', 'recipient', 'channelData'] as const) {
    if (a[field] !== undefined && !isObject(a[field])) return `Activity ${field} is not an object`;
  }
  for (const field of ['id', 'serviceUrl', 'text', 'channelId'] as const) {
    if (a[field] !== undefined && typeof a[field] !== 'string') return `Activity ${field} is not a string`;
  }
  if (a.entities !== undefined && !Array.isArray(a.entities)) return 'Activity entities is not a list';
  if (a.membersAdded !== undefined && !Array.isArray(a.membersAdded)) return 'Activity membersAdded is not a list';
  if (a.membersRemoved !== undefined && !Array.isArray(a.membersRemoved)) return 'Activity membersRemoved is not a list';
  return undefined;
}
