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

/**
 * How long, and how much of, a refused request's remaining body is read and thrown away before its
 * socket is destroyed: enough for the client to read the answer, not enough to cost anything.
 */
const DRAIN = Object.freeze({ ms: 1000, bytes: 1024 * 1024 });

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
      // Nothing may be left listening for data: a refused body is handed to refuseBody to drain.
      if (!result.ok) req.pause();
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
 * Answers a refused request without reading the rest of its body: the whole answer (status,
 * length, text, "Connection: close") is written at once, so the client can read it however much it
 * is still sending; up to DRAIN.bytes more of the body is read and thrown away (never kept), then
 * reading stops; when the body ends, or after DRAIN.ms, the response is ended and the connection
 * closed. Closing straight away would reset the connection under the answer before it is read.
 */
export function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    req.socket?.destroy();
    return;
  }
  const answer = Buffer.from(text, 'utf8');
  res.writeHead(status, { 'content-type': 'text/plain', 'content-length': answer.length, connection: 'close' });
  res.write(answer);
  if (req.complete) {
    res.end();
    return;
  }
  let drained = 0;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    req.off('data', onData);
    req.off('end', close);
    res.end();
  };
  const onData = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained <= DRAIN.bytes) return;
    // Enough: stop reading (TCP holds the client back, and it can still read the answer) until
    // the timer closes the connection.
    req.off('data', onData);
    req.pause();
  };
  const timer = setTimeout(close, DRAIN.ms);
  timer.unref();
  req.on('data', onData);
  req.once('end', close);
}
