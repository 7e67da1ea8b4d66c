/**
 * The one HTTP server every adapter shares (PORT): adapters register routes. GET /healthz says the
 * process is alive and started (200; 503 before that or while shutting down); GET /readyz says it
 * can do its work: started, and every readiness check (the database answers, Slack's socket is
 * connected) passes within a few seconds.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../src/logger';

/** A readiness check slower than this counts as failing (a stalled database must not stall probes). */
const READINESS_TIMEOUT_MS = 2000;

/**
 * Server-wide limits for clients that are slow on purpose: headers must arrive within 10 s and the
 * whole request within 15 s (Node's defaults are 60 s and 300 s), checked every second rather than
 * Node's 30 s. Routes that read bodies also time them out themselves (adapters/http/request-body.ts).
 */
export const SERVER_TIMEOUTS = Object.freeze({ headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, checkIntervalMs: 1000 });

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export class SharedHttpServer {
  private readonly routes = new Map<string, RouteHandler>();
  private readonly server: Server;
  private ready = false;
  private readonly readinessChecks: { name: string; check: () => Promise<void> }[] = [];

  constructor(private readonly logger: Logger) {
    this.server = createServer(
      {
        headersTimeout: SERVER_TIMEOUTS.headersTimeoutMs,
        requestTimeout: SERVER_TIMEOUTS.requestTimeoutMs,
        connectionsCheckingInterval: SERVER_TIMEOUTS.checkIntervalMs,
      },
      (req, res) => void this.dispatch(req, res),
    );
    // Slack and Bot Framework both retry slow requests; keep sockets from piling up under load.
    this.server.keepAliveTimeout = 5000;
  }

  /** Registers a handler for an exact method and path (query string ignored). */
  route(method: 'GET' | 'POST', path: string, handler: RouteHandler): void {
    this.routes.set(`${method} ${path}`, handler);
  }

  setReady(ready: boolean): void {
    this.ready = ready;
  }

  /** Adds a check for /readyz: it passes when `check` resolves within READINESS_TIMEOUT_MS. */
  addReadinessCheck(name: string, check: () => Promise<void>): void {
    this.readinessChecks.push({ name, check });
  }

  /** Starts listening; resolves with the bound port (useful when port is 0 in tests). */
  listen(port: number, host?: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    this.ready = false;
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
  }

  private async failingChecks(): Promise<string[]> {
    const results = await Promise.all(
      this.readinessChecks.map(async ({ name, check }) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS);
        });
        try {
          await Promise.race([check(), timeout]);
          return undefined;
        } catch (err) {
          this.logger.warn({ check: name, err: (err as Error).message }, 'readiness check failed');
          return name;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return results.filter((name): name is string => name !== undefined);
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(this.ready ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: this.ready ? 'ok' : 'starting' }));
      return;
    }
    if (req.method === 'GET' && path === '/readyz') {
      const failing = this.ready ? await this.failingChecks() : ['starting'];
      res.writeHead(failing.length ? 503 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(failing.length ? { status: 'not ready', failing } : { status: 'ready' }));
      return;
    }
    const handler = this.routes.get(`${req.method} ${path}`);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
      return;
    }
    try {
      await handler(req, res);
    } catch (err) {
      this.logger.error({ err, path }, 'unhandled error in HTTP route');
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Internal error');
      } else {
        res.end();
      }
    }
  }
}
