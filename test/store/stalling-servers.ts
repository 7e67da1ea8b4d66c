/**
 * Databases that stop answering, on 127.0.0.1: a server that accepts TCP connections and never says a
 * word, and a proxy to a real PostgreSQL that can be frozen mid-session.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface LocalServer {
  port: number;
  /** Connections accepted so far. */
  accepted(): number;
  /** Resolves at the first connection accepted. */
  firstConnection: Promise<void>;
  close(): Promise<void>;
}

async function listen(server: Server, sockets: Set<Socket>, firstConnection: Promise<void>): Promise<LocalServer> {
  let count = 0;
  server.on('connection', (socket) => {
    count += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    accepted: () => count,
    firstConnection,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Accepts every connection and never answers: PostgreSQL's worst day. */
export function silentServer(): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  const server = createServer();
  const firstConnection = new Promise<void>((resolve) => server.once('connection', () => resolve()));
  return listen(server, sockets, firstConnection);
}

export interface FreezableProxy extends LocalServer {
  /** From now on nothing passes either way, on open connections and new ones. */
  freeze(): void;
  thaw(): void;
}

/** Forwards to `target` (host:port) until frozen; frozen, it swallows every byte. */
export async function freezableProxy(targetHost: string, targetPort: number): Promise<FreezableProxy> {
  const sockets = new Set<Socket>();
  let frozen = false;
  const server = createServer((client) => {
    const upstream = createConnection({ host: targetHost, port: targetPort });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('data', (chunk) => frozen || upstream.write(chunk));
    upstream.on('data', (chunk) => frozen || client.write(chunk));
  });
  const firstConnection = new Promise<void>((resolve) => server.once('connection', () => resolve()));
  const base = await listen(server, sockets, firstConnection);
  return {
    ...base,
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
    },
  };
}

/** Host and port of a postgres:// URL. */
export function hostAndPort(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 5432) };
}

/** The same URL through another port on 127.0.0.1 (user, password and database kept). */
export function viaPort(url: string, port: number): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return u.toString();
}
