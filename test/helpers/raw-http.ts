/**
 * Requests a well-behaved client would never send, over a raw socket: a body that trickles in and
 * stops, a body far larger than its limit. Each resolves with the status line the server answered
 * (0 if it closed the connection without answering).
 */
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  /** True when the server closed the connection (it does after refusing a body). */
  closed: boolean;
}

/** Sends the head and `sent` bytes of a body declared as `declared` bytes, then waits for the answer. */
export function stalledBody(port: number, path: string, options: { declared: number; sent: string; headers?: Record<string, string> }): Promise<RawAnswer> {
  return rawRequest(port, path, options.declared, options.headers ?? {}, (write) => write(options.sent));
}

/** Streams `totalBytes` of body (chunked when `chunked`, else with Content-Length), as fast as the server takes it. */
export function largeBody(port: number, path: string, totalBytes: number, options: { chunked?: boolean; headers?: Record<string, string> } = {}): Promise<RawAnswer> {
  const chunk = 'a'.repeat(64 * 1024);
  return rawRequest(port, path, options.chunked ? undefined : totalBytes, options.headers ?? {}, async (write) => {
    for (let sent = 0; sent < totalBytes; sent += chunk.length) {
      const piece = chunk.slice(0, Math.min(chunk.length, totalBytes - sent));
      if (!(await write(options.chunked ? `${piece.length.toString(16)}\r\n${piece}\r\n` : piece))) return;
    }
    if (options.chunked) await write('0\r\n\r\n');
  });
}

function rawRequest(
  port: number,
  path: string,
  contentLength: number | undefined,
  headers: Record<string, string>,
  body: (write: (text: string) => Promise<boolean>) => Promise<unknown> | unknown,
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      resolve({ status: match ? Number(match[1]) : 0, closed: true });
      socket.destroy();
    };
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      // The status line is all a test needs; stop sending once it is here.
      if (/^HTTP\/1\.1 \d{3}/.test(answer)) finish();
    });
    socket.on('close', finish);
    socket.on('error', finish);
    const write = (text: string) =>
      new Promise<boolean>((ok) => {
        if (done || socket.destroyed) return ok(false);
        socket.write(text, (err) => ok(!err && !done));
      });
    socket.on('connect', async () => {
      const lines = [
        `POST ${path} HTTP/1.1`,
        'Host: 127.0.0.1',
        'Content-Type: application/json',
        contentLength === undefined ? 'Transfer-Encoding: chunked' : `Content-Length: ${contentLength}`,
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
        '',
        '',
      ];
      await write(lines.join('\r\n'));
      await body(write);
    });
  });
}
