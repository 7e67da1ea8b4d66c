/**
 * POST /api/messages on the shared node:http server: reads and parses the body ourselves, then
 * hands CloudAdapter.process the Express-like request/response pair it expects. Authentication
 * stays inside CloudAdapter (401 for a missing or invalid token, before any of our code runs).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../../src/logger';
import type { RouteHandler } from '../http/http-server';

export interface MessagesRouteOptions {
  /** Larger bodies get 413; Teams activities are far smaller. */
  maxBodyBytes: number;
  /**
   * Once a turn has passed authentication, Teams gets its 200 after at most this long even if the
   * turn is still sending (Teams gives a bot 15 s, then retries and shows an error).
   */
  respondWithinMs: number;
  logger: Logger;
}

export const MESSAGES_ROUTE_DEFAULTS = Object.freeze({ maxBodyBytes: 1024 * 1024, respondWithinMs: 10_000 });

class BodyTooLarge extends Error {}

export function messagesRoute(adapter: CloudAdapter, logic: (context: TurnContext) => Promise<void>, options: MessagesRouteOptions): RouteHandler {
  return async (req, res) => {
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, options.maxBodyBytes)).toString('utf8'));
    } catch (err) {
      const tooLarge = err instanceof BodyTooLarge;
      res.writeHead(tooLarge ? 413 : 400, { 'content-type': 'text/plain' });
      res.end(tooLarge ? 'Request body too large' : 'Request body is not JSON');
      return;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('Request body is not an activity');
      return;
    }
    const activity = body as Record<string, unknown>;
    const reply = new BotResponse(res, options.logger);
    // Invokes need the turn's own answer; everything else may be acknowledged early.
    const mayAnswerEarly = activity.type !== 'invoke';
    try {
      await adapter.process({ body: activity, headers: req.headers, method: req.method }, reply, async (context) => {
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

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
