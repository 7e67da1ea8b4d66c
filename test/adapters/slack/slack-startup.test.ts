/**
 * Starting the adapter: a bad bot token stops start-up with a message naming the variable, and
 * Socket Mode (which cannot be driven end to end here: it needs Slack's WebSocket service) checks
 * the bot token, then opens the socket with the app-level token at the configured API URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SharedHttpServer } from '../../../adapters/http/http-server';
import { createSlackAdapter } from '../../../adapters/slack/slack-adapter';
import type { SlackConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { NoticeService } from '../../../src/notices/notice-service';
import { loadCore } from '../../../src/protocol-core';
import { DataProtection } from '../../../src/store/data-protection';
import { openStore } from '../../../src/store/open-store';
import type { BotStore } from '../../../src/store/store';
import { FAKE_BOT_TOKEN, FakeSlackApi } from '../../helpers/fake-slack-api';

describe('Slack adapter start-up', () => {
  let fake: FakeSlackApi;
  let dataDir: string;
  let store: BotStore;
  let http: SharedHttpServer;
  const logger = silentLogger();

  beforeEach(async () => {
    fake = await FakeSlackApi.start();
    dataDir = mkdtempSync(join(tmpdir(), 'slack-start-'));
    store = await openStore({ dataDir, logger });
    http = new SharedHttpServer(logger);
  });
  afterEach(async () => {
    await http.close();
    await store.close();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const adapterFor = (config: SlackConfig) =>
    createSlackAdapter({
      config,
      core: loadCore('content', 'model'),
      store,
      notices: new NoticeService({ store, couriers: [], logger, council: 'model' }),
      dataProtection: new DataProtection(store, logger),
      http,
      logger,
      council: 'model',
    });

  it('refuses to start with a bot token Slack does not accept, naming SLACK_BOT_TOKEN', async () => {
    const adapter = adapterFor({ mode: 'http', botToken: 'xoxb-revoked', signingSecret: 's', apiUrl: fake.apiUrl, officerIds: [] });

    await expect(adapter.start()).rejects.toThrow('Slack did not accept SLACK_BOT_TOKEN (auth.test: invalid_auth).');
  });

  it('says it could not reach Slack, naming the URL and not the token, when nothing answers there', async () => {
    // A port that was just free: connecting is refused.
    const closed = await FakeSlackApi.start();
    const apiUrl = closed.apiUrl;
    await closed.close();
    const adapter = adapterFor({ mode: 'http', botToken: FAKE_BOT_TOKEN, signingSecret: 's', apiUrl, officerIds: [] });

    const failure = await adapter.start().then(() => undefined, (err: Error) => err);

    expect(failure?.message).toContain(`Could not reach Slack at ${apiUrl}: `);
    // ECONNREFUSED itself where the client keeps it (Bolt 4's axios; fetch's cause is lost inside Jest's sandbox).
    expect(failure?.message).toMatch(/: (ECONNREFUSED|TypeError: fetch failed)/);
    expect(failure?.message).not.toContain('SLACK_BOT_TOKEN');
  });

  it('in Socket Mode, /readyz fails while the socket is not connected', async () => {
    const adapter = adapterFor({ mode: 'socket', botToken: FAKE_BOT_TOKEN, appToken: 'xapp-1-not-accepted-by-the-fake', apiUrl: fake.apiUrl, officerIds: [] });
    await expect(adapter.start()).rejects.toThrow(/Socket Mode/);
    const port = await http.listen(0, '127.0.0.1');
    http.setReady(true);

    const res = await fetch(`http://127.0.0.1:${port}/readyz`);

    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not ready', failing: ['slack-socket'] });
  });

  it('builds Socket Mode: bot token checked, then the socket opened with the app-level token', async () => {
    const config: SlackConfig = { mode: 'socket', botToken: FAKE_BOT_TOKEN, appToken: 'xapp-1-not-accepted-by-the-fake', apiUrl: fake.apiUrl, officerIds: [] };
    const adapter = adapterFor(config);

    await expect(adapter.start()).rejects.toThrow(/Slack refused the Socket Mode connection \(invalid_auth\); check SLACK_APP_TOKEN/);

    expect(fake.calls.map((c) => [c.method, c.token])).toEqual([
      // Ours (which workspace is installed), then Bolt's own.
      ['auth.test', FAKE_BOT_TOKEN],
      ['auth.test', FAKE_BOT_TOKEN],
      ['apps.connections.open', config.appToken],
    ]);
    // In Socket Mode nothing listens at /slack/events.
    const port = await http.listen(0, '127.0.0.1');
    expect((await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
