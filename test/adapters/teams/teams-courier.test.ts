/**
 * The Teams courier against the fake Bot Connector: who the recipients are, what a delivery
 * sends, and how connector failures become the outbox's DeliveryErrors.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toDeliveryError } from '../../../adapters/teams/delivery-errors';
import { createTeamsCourier } from '../../../adapters/teams/teams-adapter';
import { TEAM_TARGET_KEY } from '../../../adapters/teams/team-target';
import { DeliveryError } from '../../../src/errors';
import { silentLogger } from '../../../src/logger';
import type { Courier } from '../../../src/notices/courier';
import { openStore } from '../../../src/store/open-store';
import type { BotStore } from '../../../src/store/store';
import { aStoredNotice } from '../../builders/notice-builders';
import { aRoster, FakeBotConnector } from '../../helpers/fake-bot-connector';
import { BOT, TEAM, TENANT_ID } from '../../helpers/teams-activities';
import { cardButtons, cardOf } from '../../helpers/teams-harness';

describe('Teams courier', () => {
  let connector: FakeBotConnector;
  let store: BotStore;
  let courier: Courier;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'teams-courier-'));
    connector = await FakeBotConnector.start();
    store = await openStore({ dataDir: dir, logger: silentLogger() });
    courier = createTeamsCourier({ config: { appType: 'MultiTenant', allowUnauthenticated: true, officerIds: [] }, store, logger: silentLogger() })!;
  });
  afterEach(async () => {
    await store.close();
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const saveTeam = () =>
    store.putState(
      TEAM_TARGET_KEY,
      JSON.stringify({ teamId: TEAM.id, conversationId: TEAM.id, conversationType: 'channel', serviceUrl: connector.url, tenantId: TENANT_ID, bot: BOT }),
    );
  const deliver = (recipient: string) => courier.deliver({ deliveryId: 'd-1', notice: aStoredNotice({ id: 'notice-1' }), recipient });
  const failure = (p: Promise<unknown>) => p.then(() => undefined, (err: unknown) => err as DeliveryError);

  it('has pacing limits and platform teams', () => {
    expect(courier.platform).toBe('teams');
    expect(courier.limits).toEqual({ perSecond: 7, perRecipientPerSecond: 1 });
  });

  it('lists every member of the team roster, page by page, and the team channel', async () => {
    await saveTeam();
    connector.setMembers(TEAM.id, aRoster(120), 50);
    const recipients = await courier.listRecipients();
    expect(recipients).toHaveLength(121);
    expect(recipients.at(-1)).toEqual({ id: `channel:${TEAM.id}` });
    expect(new Set(recipients.map((r) => r.id)).size).toBe(121);
    expect(connector.requests.map((r) => r.query.get('continuationToken'))).toEqual([null, '50', '100']);
  });

  it('cannot list recipients before the bot is in a team: a permanent failure that says so', async () => {
    const err = await failure(courier.listRecipients());
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err!.code).toBe('DELIVERY_PERMANENT');
    expect(err!.message).toMatch(/not been added to a team/);
  });

  it('sends a member the notice card with "I\'ve read this" in a 1:1 chat; the message id is the sent activity', async () => {
    await saveTeam();
    const sent = await deliver('29:member-9');
    const [create] = connector.requests;
    expect(create!.body).toEqual(expect.objectContaining({ isGroup: false, members: [expect.objectContaining({ id: '29:member-9' })], tenantId: TENANT_ID }));
    const [activity] = connector.sentTo('a:dm-29:member-9');
    expect(sent).toEqual({ messageId: activity!.id });
    expect(cardButtons(cardOf(activity))).toEqual([{ title: "I've read this", data: { action: 'notice-ack', noticeId: 'notice-1' } }]);
  });

  it('posts in the team channel for a channel: recipient', async () => {
    await saveTeam();
    const sent = await deliver(`channel:${TEAM.id}`);
    const [post] = connector.sentTo(TEAM.id);
    expect(sent.messageId).toBe(post!.id);
    expect(connector.requests.some((r) => r.path === '/v3/conversations')).toBe(false);
  });

  it('maps 429 to RATE_LIMITED with Retry-After, 403 and 404 to PERMANENT, others to TRANSIENT', async () => {
    await saveTeam();
    // The connector client retries a 429 three times itself before giving up.
    connector.failNext({ method: 'POST', path: '/v3/conversations' }, 429, { times: 4, retryAfterSeconds: 0 });
    const limited = await failure(deliver('29:a'));
    expect([limited!.code, limited!.retryAfterMs]).toEqual(['DELIVERY_RATE_LIMITED', 0]);

    connector.failNext({ method: 'POST', path: /^\/v3\/conversations\/a:dm-29:b\/activities/ }, 403);
    expect((await failure(deliver('29:b')))!.code).toBe('DELIVERY_PERMANENT');

    connector.failNext({ method: 'POST', path: '/v3/conversations' }, 404);
    expect((await failure(deliver('29:c')))!.code).toBe('DELIVERY_PERMANENT');

    connector.failNext({ method: 'POST', path: '/v3/conversations' }, 400);
    const transient = await failure(deliver('29:d'));
    expect(transient!.code).toBe('DELIVERY_TRANSIENT');
    expect(transient!.message).toBe('sending to the member: Bot Connector answered 400 (ServiceError)');
  });

  it('cannot find a send lost in a crash (Teams has no search by metadata), so says none was found', async () => {
    await saveTeam();
    await deliver('29:e');
    expect(await courier.findDelivered({ deliveryId: 'd-1', notice: aStoredNotice(), recipient: '29:e' })).toBeNull();
  });
});

describe('toDeliveryError', () => {
  const withRetryAfter = (value: string) => ({ statusCode: 429, response: { status: 429, headers: { get: (n: string) => (n === 'retry-after' ? value : undefined) } } });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    expect(toDeliveryError(withRetryAfter('7'), 'x').retryAfterMs).toBe(7000);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const ms = toDeliveryError(withRetryAfter(inTenSeconds), 'x').retryAfterMs!;
    expect(ms).toBeGreaterThan(8000);
    expect(ms).toBeLessThanOrEqual(10_000);
    expect(toDeliveryError(withRetryAfter('soon'), 'x').retryAfterMs).toBeUndefined();
  });

  it('treats an error with no status (no answer at all) as transient', () => {
    const err = toDeliveryError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'posting');
    expect([err.code, err.message]).toEqual(['DELIVERY_TRANSIENT', 'posting: no answer from the Bot Connector (ECONNREFUSED)']);
  });
});
