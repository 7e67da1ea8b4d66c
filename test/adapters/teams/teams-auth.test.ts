/**
 * With MicrosoftAppId set, /api/messages only accepts requests carrying a Bot Framework token:
 * no token or a forged one gets 401, and the bot sends nothing to the connector.
 */
import { createHmac } from 'node:crypto';
import { aPersonalMessage } from '../../helpers/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../../helpers/teams-harness';

const APP_ID = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

/** A JWT signed with a key of the attacker's choosing. */
function forgedToken(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT', kid: 'attacker-key' })}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', 'attacker-secret').update(unsigned).digest('base64url')}`;
}

describe('Teams authentication', () => {
  let h: TeamsHarness;
  let consoleError: jest.SpyInstance;
  beforeAll(async () => {
    // botbuilder prints rejected tokens with console.error; keep the test output readable.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    h = await startTeamsHarness({ config: { appId: APP_ID, appPassword: 'not-a-real-secret', allowUnauthenticated: false } });
  });
  afterAll(async () => {
    await h.close();
    consoleError.mockRestore();
  });

  const now = Math.floor(Date.now() / 1000);
  const cases: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['a token that is not a JWT', { authorization: 'Bearer not-a-token' }],
    ['a token from an issuer the bot does not trust', { authorization: `Bearer ${forgedToken({ iss: 'https://sts.windows.net/attacker-tenant/', aud: APP_ID, exp: now + 600, nbf: now - 60, serviceurl: 'http://127.0.0.1/' })}` }],
    ['a token with another scheme', { authorization: `Basic ${Buffer.from(`${APP_ID}:secret`).toString('base64')}` }],
  ];

  it.each(cases)('refuses a request with %s: 401 and nothing sent', async (_name, headers) => {
    const activity = aPersonalMessage({ serviceUrl: h.connector.url, text: 'help' });
    const res = await h.post(activity, headers);
    expect(res.status).toBe(401);
    expect(h.connector.requests).toHaveLength(0);
    // The turn never ran: its de-duplication key is still unclaimed.
    expect(await h.store.claimEvent(`teams:${activity.conversation.id}:${activity.id}`)).toBe(true);
  });
});
