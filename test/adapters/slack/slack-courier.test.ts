/** The Slack courier against the fake Web API: who it sends to, how it sends, and how it fails. */
import { createSlackCourier } from '../../../adapters/slack/slack-adapter';
import type { SlackConfig } from '../../../src/config';
import { DeliveryError } from '../../../src/errors';
import type { Courier, DeliveryRequest } from '../../../src/notices/courier';
import { silentLogger } from '../../../src/logger';
import { aStoredNotice } from '../../builders/notice-builders';
import { FAKE_BOT_TOKEN, FAKE_BOT_USER, FakeSlackApi, dmChannel } from '../../helpers/fake-slack-api';

const CHANNEL = 'CMEMBERS';

function configFor(fake: FakeSlackApi, overrides: Partial<SlackConfig> = {}): SlackConfig {
  return { mode: 'http', botToken: FAKE_BOT_TOKEN, signingSecret: 's', apiUrl: fake.apiUrl, officerIds: [], membersChannel: CHANNEL, ...overrides };
}

function aDelivery(recipient: string, overrides: Partial<DeliveryRequest> = {}): DeliveryRequest {
  return { deliveryId: `delivery-${recipient}-${Math.random()}`, notice: aStoredNotice({ filedAt: new Date() }), recipient, ...overrides };
}

async function failureOf(work: Promise<unknown>): Promise<DeliveryError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof DeliveryError)) throw new Error(`expected a DeliveryError, got ${String(err)}`);
  return err;
}

describe('Slack courier', () => {
  let fake: FakeSlackApi;
  let courier: Courier;

  beforeEach(async () => {
    fake = await FakeSlackApi.start();
    for (const id of ['UA', 'UB', 'UC', 'UD', 'UE']) fake.addUser({ id });
    fake.addUser({ id: 'UAPP', is_bot: true });
    fake.addUser({ id: 'ULEFT', deleted: true });
    fake.setChannelMembers(CHANNEL, ['UA', FAKE_BOT_USER, 'UB', 'USLACKBOT', 'UC', 'UAPP', 'UD', 'ULEFT', 'UE']);
    courier = createSlackCourier({ config: configFor(fake), logger: silentLogger(), options: { pageSize: 2 } })!;
  });
  afterEach(async () => {
    await fake.close();
  });

  it('is not built without a members channel', () => {
    expect(createSlackCourier({ config: configFor(fake, { membersChannel: undefined }), logger: silentLogger() })).toBeUndefined();
  });

  it('paces at 20 a second and 1 a second per recipient unless told otherwise', () => {
    expect(createSlackCourier({ config: configFor(fake), logger: silentLogger() })!.limits).toEqual({ perSecond: 20, perRecipientPerSecond: 1 });
    expect(createSlackCourier({ config: configFor(fake), logger: silentLogger(), options: { perSecond: 5, perRecipientPerSecond: 2 } })!.limits).toEqual({
      perSecond: 5,
      perRecipientPerSecond: 2,
    });
  });

  it('lists every human in the members channel, paging, plus the channel itself', async () => {
    const recipients = await courier.listRecipients();

    expect(recipients.map((r) => r.id)).toEqual(['UA', 'UB', 'UC', 'UD', 'UE', `channel:${CHANNEL}`]);
    expect(fake.callsTo('conversations.members').length).toBe(5);
    expect(fake.callsTo('users.list').length).toBeGreaterThan(1);
  });

  it('posts in the app DM with the delivery id in the metadata; messageId is channel:ts', async () => {
    const request = aDelivery('UA');

    const { messageId } = await courier.deliver(request);

    const [message] = fake.dmsTo('UA');
    expect(messageId).toBe(`${dmChannel('UA')}:${message!.ts}`);
    expect(message!.metadata).toEqual({ event_type: 'protocol_notice', event_payload: { delivery_id: request.deliveryId, notice_id: request.notice.id } });
  });

  it('posts the channel copy in the members channel', async () => {
    const { messageId } = await courier.deliver(aDelivery(`channel:${CHANNEL}`));
    expect(messageId).toMatch(new RegExp(`^${CHANNEL}:`));
    expect(fake.inChannel(CHANNEL)).toHaveLength(1);
  });

  it('finds a delivery already sent, by its delivery id, and nothing for one never sent', async () => {
    const sent = aDelivery('UB');
    for (let i = 0; i < 3; i++) await courier.deliver(aDelivery('UB'));
    const { messageId } = await courier.deliver(sent);
    for (let i = 0; i < 3; i++) await courier.deliver(aDelivery('UB'));

    expect(await courier.findDelivered(sent)).toEqual({ messageId });
    expect(await courier.findDelivered(aDelivery('UB'))).toBeNull();
    expect(fake.callsTo('conversations.history').every((c) => c.params.include_all_metadata === 'true')).toBe(true);
  });

  it('reports a 429 at once as RATE_LIMITED with Slack\'s Retry-After, without retrying', async () => {
    fake.when('chat.postMessage', () => ({ rateLimitSeconds: 7 }));

    const err = await failureOf(courier.deliver(aDelivery('UC')));

    expect(err.code).toBe('DELIVERY_RATE_LIMITED');
    expect(err.retryAfterMs).toBe(7000);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.each([
    ['user_not_found', 'DELIVERY_PERMANENT'],
    ['cannot_dm_bot', 'DELIVERY_PERMANENT'],
    ['account_inactive', 'DELIVERY_PERMANENT'],
    ['channel_not_found', 'DELIVERY_PERMANENT'],
    ['not_in_channel', 'DELIVERY_PERMANENT'],
    ['is_archived', 'DELIVERY_PERMANENT'],
    ['invalid_auth', 'DELIVERY_PERMANENT'],
    ['internal_error', 'DELIVERY_TRANSIENT'],
    ['fatal_error', 'DELIVERY_TRANSIENT'],
  ])('maps Slack error %s to %s, naming it', async (error, code) => {
    fake.when('chat.postMessage', () => ({ error }));

    const err = await failureOf(courier.deliver(aDelivery('UD')));

    expect(err.code).toBe(code);
    expect(err.message).toContain(error);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('treats an HTTP 503 as transient, tried once', async () => {
    fake.when('chat.postMessage', () => ({ httpStatus: 503 }));

    const err = await failureOf(courier.deliver(aDelivery('UE')));

    expect(err.code).toBe('DELIVERY_TRANSIENT');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('waits out a rate limit while paging the member list, carrying on from the same page', async () => {
    fake.when('users.list', (_p, n) => (n === 2 ? { rateLimitSeconds: 0 } : undefined));

    const recipients = await courier.listRecipients();

    expect(recipients.map((r) => r.id)).toEqual(['UA', 'UB', 'UC', 'UD', 'UE', `channel:${CHANNEL}`]);
    const cursors = fake.callsTo('users.list').map((c) => c.params.cursor ?? 'first');
    expect(cursors[1]).toBe(cursors[2]); // the refused page, asked again
    expect(cursors.filter((c) => c === 'first')).toHaveLength(1); // not started over
  });

  it('gives up on a member list Slack keeps refusing with RATE_LIMITED, once its patience is spent', async () => {
    const impatient = createSlackCourier({ config: configFor(fake), logger: silentLogger(), options: { listPatienceMs: 0 } })!;
    fake.when('conversations.members', () => ({ rateLimitSeconds: 3 }));

    const err = await failureOf(impatient.listRecipients());

    expect(err.code).toBe('DELIVERY_RATE_LIMITED');
    expect(err.retryAfterMs).toBe(3000);
  });
});
