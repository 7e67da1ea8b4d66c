/**
 * Reading a request body with a size cap and a time limit, before anything (a signature check, a
 * JSON parser, an SDK) sees it. A body over the cap is refused from its Content-Length alone, or as
 * soon as it grows past the cap, so nothing larger than the cap is ever held in memory; a body that
 * trickles in is cut off after the time limit instead of Node's five minutes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface BodyLimits {
  /** Larger bodies get 413. */
  maxBytes: number;
  /** A body not complete this long after the route started reading it gets 408. */
  timeoutMs: number;
}

export type BodyResult = { ok: true; body: Buffer } | { ok: false; status: 408 | 413 | 400; reason: string };

/** How long a refused request's remaining bytes are drained before its socket is closed. */
const DRAIN_MS = 1000;

/** Reads the whole body within the limits; never rejects. */
export function readBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    return Promise.resolve({ ok: false, status: 413, reason: `declared ${declared} bytes, over the ${limits.maxBytes}-byte limit` });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      chunks.length = 0;
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) {
        finish({ ok: false, status: 413, reason: `body over the ${limits.maxBytes}-byte limit` });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onError = (err: Error) => finish({ ok: false, status: 400, reason: `request stream failed: ${err.message}` });
    const onAborted = () => finish({ ok: false, status: 400, reason: 'client went away mid-body' });
    const timer = setTimeout(() => finish({ ok: false, status: 408, reason: `body not complete within ${limits.timeoutMs} ms` }), limits.timeoutMs);
    timer.unref();
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/**
 * Answers a refused request, then discards (never keeps) what is still arriving for a moment, so
 * the client can read the answer (closing at once would reset the connection under the answer),
 * and destroys the socket if the body is still coming after that.
 */
export function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  if (!res.headersSent) {
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(text);
  }
  if (req.complete) return;
  req.resume();
  const timer = setTimeout(() => req.socket?.destroy(), DRAIN_MS);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
}
