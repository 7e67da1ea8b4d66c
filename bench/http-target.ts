/**
 * Child process for section 3: the server under load, alone in its process so the load generator
 * does not share its event loop. `bot` is the real composition root (startBot) with Slack (HTTP
 * mode) and Teams (unauthenticated, local testing) configured from a synthetic environment;
 * `bare` is a plain node:http server answering 200 with a fixed body, the baseline; the floors are
 * Bolt and botbuilder alone (framework-floors.ts).
 * Sends { port } when listening; profiles itself on request (answering each command with a
 * result); stops and exits when told to, or when its parent goes away.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { startBot } from '../adapters/start-bot';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/logger';
import { childArgs, tellParent } from './child-process';
import { startProfile, type ProfileSummary } from './cpu-profile';
import { startBoltFloor, startTeamsFloor } from './framework-floors';

export interface HttpTargetArgs {
  mode: 'bot' | 'bare' | 'bolt-floor' | 'teams-floor';
  contentDir: string;
  council: string;
  slackApiUrl: string;
  botToken: string;
  signingSecret: string;
}

/** What the parent may tell the target. */
export type HttpTargetCommand = { command: 'stop' } | { command: 'profile-start' } | { command: 'profile-stop' };

const LOOPBACK = '127.0.0.1';
const BARE_BODY = JSON.stringify({ ok: true, text: 'fixed reply from the baseline server' });

async function main(args: HttpTargetArgs): Promise<void> {
  let stop: () => Promise<void>;
  let port: number;
  if (args.mode === 'bolt-floor' || args.mode === 'teams-floor') {
    const floor = args.mode === 'bolt-floor' ? await startBoltFloor(args) : await startTeamsFloor();
    ({ port, stop } = floor);
  } else if (args.mode === 'bare') {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(BARE_BODY);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
    port = (server.address() as AddressInfo).port;
    stop = () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'protocol-bench-http-'));
    const config = loadConfig({
      PORT: '0',
      HOST: LOOPBACK,
      DATA_DIR: dataDir,
      CONTENT_DIR: args.contentDir,
      COUNCIL: args.council,
      LOG_LEVEL: 'silent',
      SLACK_BOT_TOKEN: args.botToken,
      SLACK_SIGNING_SECRET: args.signingSecret,
      SLACK_API_URL: args.slackApiUrl,
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    });
    const bot = await startBot(config, silentLogger(), { input: new PassThrough(), output: new PassThrough() });
    port = bot.port!;
    stop = async () => {
      await bot.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stop().catch((err: unknown) => console.error(err));
    process.exit(code);
  };
  let stopProfile: (() => Promise<ProfileSummary>) | undefined;
  const obey = async (m: HttpTargetCommand): Promise<void> => {
    switch (m.command) {
      case 'stop':
        return shutdown(0);
      case 'profile-start':
        stopProfile = await startProfile(6);
        return tellParent({ kind: 'result', value: null });
      case 'profile-stop':
        if (!stopProfile) return tellParent({ kind: 'error', message: 'no profile was started' });
        return tellParent({ kind: 'result', value: await stopProfile() });
    }
  };
  process.on('message', (m: HttpTargetCommand) => void obey(m).catch((err: unknown) => console.error(err)));
  process.on('disconnect', () => void shutdown(1));
  await tellParent({ kind: 'ready', value: { port } });
}

main(childArgs<HttpTargetArgs>()).catch(async (err: unknown) => {
  console.error(err);
  await tellParent({ kind: 'error', message: err instanceof Error ? err.message : String(err) }).catch(() => undefined);
  process.exit(1);
});
