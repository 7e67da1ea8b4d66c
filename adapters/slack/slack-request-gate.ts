/**
 * The front gate of POST /slack/events, in front of Bolt's HTTPReceiver: it reads the body itself
 * (at most 1 MB, within 10 s), checks Slack's v0 signature, refuses timestamps more than five
 * minutes off in either direction (Bolt checks only the past) and signatures already seen (replays),
 * and checks the body's shape, so Bolt only ever sees a signed, fresh, well-formed body it can parse.
 * A body that parses to JSON `null` would otherwise throw inside Bolt where nothing catches it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { Logger } from '../../src/logger';
import { readBody, refuseBody } from '../http/request-body';
import { ReplayCache } from './replay-cache';

/**
 * Slack's own payloads are a few kilobytes (a view submission with a full modal, the largest, is
 * well under 100 KB); 1 MB leaves room and stops anyone making us buffer more. Slow bodies are cut
 * off after 10 s: Slack sends its whole request at once and wants an answer within 3 s.
 */
export const SLACK_REQUEST_LIMITS = Object.freeze({ maxBodyBytes: 1024 * 1024, bodyTimeoutMs: 10_000, maxClockSkewSeconds: 5 * 60 });

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

type Verdict = { ok: true } | { ok: false; status: number; reason: string; replay?: boolean };

export class SlackRequestGate {
  private readonly replays: ReplayCache;

  constructor(
    private readonly signingSecret: string,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {
    this.replays = new ReplayCache(SLACK_REQUEST_LIMITS.maxClockSkewSeconds * 1000, clock);
  }

  /**
   * Reads and checks the request. Returns a request for Bolt that replays the checked body, or
   * undefined when the gate has answered it itself (refused, or Slack's unsigned ssl_check).
   */
  async admit(req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | undefined> {
    const read = await readBody(req, { maxBytes: SLACK_REQUEST_LIMITS.maxBodyBytes, timeoutMs: SLACK_REQUEST_LIMITS.bodyTimeoutMs });
    if (!read.ok) {
      this.logger.warn({ status: read.status, reason: read.reason }, 'Slack request refused');
      refuseBody(req, res, read.status, read.status === 413 ? 'Request body too large' : read.status === 408 ? 'Request body too slow' : 'Bad request');
      return undefined;
    }
    const text = read.body.toString('utf8');
    const contentType = mediaType(req.headers['content-type']);
    if (contentType === FORM && new URLSearchParams(text).get('ssl_check') === '1') {
      // Slack's certificate check is unsigned and carries nothing to act on.
      res.writeHead(200).end();
      return undefined;
    }
    const verdict = this.verify(req, text) ?? shapeOf(contentType, text);
    if (!verdict.ok) {
      if (verdict.replay && req.headers['x-slack-retry-num'] !== undefined) {
        // The same signed bytes again, sent as a retry: acted on once already; Slack only needs the ack.
        this.logger.info({ retryNum: req.headers['x-slack-retry-num'] }, 'repeated Slack request acknowledged, not processed again');
        res.writeHead(200).end();
        return undefined;
      }
      this.logger.warn({ status: verdict.status, reason: verdict.reason }, 'Slack request refused');
      // Like Bolt: a refused signature gets a bare 401.
      if (verdict.status === 401) res.writeHead(401).end();
      else res.writeHead(verdict.status, { 'content-type': 'text/plain' }).end('Bad request');
      return undefined;
    }
    return replayable(req, read.body, contentType);
  }

  /** A refusal (401) when the signature, its age or its novelty is wrong; undefined when it is good. */
  private verify(req: IncomingMessage, text: string): Verdict | undefined {
    const signature = req.headers['x-slack-signature'];
    const timestampHeader = req.headers['x-slack-request-timestamp'];
    if (typeof signature !== 'string' || typeof timestampHeader !== 'string' || !/^\d{1,12}$/.test(timestampHeader)) {
      return { ok: false, status: 401, reason: 'missing or malformed signature headers' };
    }
    const timestamp = Number(timestampHeader);
    const skew = timestamp - Math.floor(this.clock() / 1000);
    if (Math.abs(skew) > SLACK_REQUEST_LIMITS.maxClockSkewSeconds) {
      return { ok: false, status: 401, reason: skew > 0 ? 'timestamp in the future' : 'timestamp too old' };
    }
    const expected = `v0=${createHmac('sha256', this.signingSecret).update(`v0:${timestampHeader}:${text}`).digest('hex')}`;
    const given = Buffer.from(signature, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected, 'utf8'))) {
      return { ok: false, status: 401, reason: 'signature does not match' };
    }
    if (!this.replays.claim(signature, timestamp * 1000)) {
      return { ok: false, status: 401, reason: 'signature already used (replay)', replay: true };
    }
    return undefined;
  }
}

/** Only what Slack sends: a JSON object with a type, a form with a JSON object `payload`, or a slash command. */
function shapeOf(contentType: string, text: string): Verdict {
  const bad = (reason: string): Verdict => ({ ok: false, status: 400, reason });
  if (contentType === JSON_TYPE) {
    return isTypedObject(parseJson(text)) ? { ok: true } : bad('JSON body is not an object with a type');
  }
  if (contentType !== FORM) return bad(`unexpected content type ${contentType || '(none)'}`);
  const form = new URLSearchParams(text);
  const payloads = form.getAll('payload');
  if (payloads.length > 1) return bad('more than one payload field');
  if (payloads.length === 1) return isTypedObject(parseJson(payloads[0]!)) ? { ok: true } : bad('payload is not an object with a type');
  const command = form.getAll('command');
  return command.length === 1 && command[0]!.startsWith('/') ? { ok: true } : bad('form is neither an interaction nor a slash command');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isTypedObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string';
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * A stand-in for the original request that yields the checked body again (its stream has been
 * read): any receiver reading the stream, or Bolt's `rawBody`, gets the same bytes. The content
 * type is reduced to its media type, which is what Bolt's parser compares against.
 */
function replayable(req: IncomingMessage, body: Buffer, contentType: string): IncomingMessage {
  const replay = Readable.from([body]) as unknown as IncomingMessage & { rawBody: Buffer };
  Object.assign(replay, {
    headers: { ...req.headers, 'content-type': contentType, 'content-length': String(body.length) },
    method: req.method,
    url: req.url,
    httpVersion: req.httpVersion,
    socket: req.socket,
    rawBody: body,
  });
  return replay;
}
