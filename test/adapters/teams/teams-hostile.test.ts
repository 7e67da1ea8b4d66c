/**
 * Hostile requests to /api/messages with MicrosoftAppId set: every forged or malformed token gets
 * 401 (not 500), malformed activities get 400, oversized bodies 413, and botbuilder's own error
 * output goes to the JSON log at debug level instead of raw stack traces on stderr.
 */
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { aPersonalMessage } from '../../helpers/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../../helpers/teams-harness';

const APP_ID = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

function claims(serviceUrl: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: 'https://api.botframework.com', aud: APP_ID, exp: now + 600, nbf: now - 60, serviceurl: serviceUrl };
}

/** RS256, signed with a key pair of the attacker's own (its kid is not one of Microsoft's). */
function wrongKeyToken(serviceUrl: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid: 'attacker-key' })}.${part(claims(serviceUrl))}`;
  return `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
}

function noneToken(serviceUrl: string): string {
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims(serviceUrl))}.`;
}

/** HS256 keyed with a public key: the classic algorithm-confusion forgery. */
function hs256WithPublicKey(serviceUrl: string): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT', kid: 'attacker-key' })}.${part(claims(serviceUrl))}`;
  return `${unsigned}.${createHmac('sha256', pem).update(unsigned).digest('base64url')}`;
}

describe('Teams: hostile requests with authentication on', () => {
  let h: TeamsHarness;
  let consoleError: jest.SpyInstance;
  let consoleWarn: jest.SpyInstance;
  beforeAll(async () => {
    // Spied before the bot starts, as the process's own console: what reaches these is what would
    // reach stderr in production. Silenced so a failing run stays readable.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    h = await startTeamsHarness({ config: { appId: APP_ID, appPassword: 'not-a-real-secret', allowUnauthenticated: false } });
  });
  afterAll(async () => {
    await h.close();
    consoleError.mockRestore();
    consoleWarn.mockRestore();
  });
  beforeEach(() => {
    consoleError.mockClear();
    consoleWarn.mockClear();
  });

  const tokens: [string, (serviceUrl: string) => string][] = [
    ['an RS256 token signed with the wrong key', wrongKeyToken],
    ['an alg=none token', noneToken],
    ['an HS256 token keyed with a public key', hs256WithPublicKey],
    ['garbage', () => 'x.y.z'],
    ['three empty parts', () => '..'],
    ['a header that is not JSON', (s) => `${Buffer.from('{nope').toString('base64url')}.${part(claims(s))}.sig`],
  ];

  it.each(tokens)('answers %s with 401, sends nothing and writes nothing to stderr', async (_name, token) => {
    const activity = aPersonalMessage({ serviceUrl: h.connector.url, text: 'help' });
    const res = await h.post(activity, { authorization: `Bearer ${token(h.connector.url)}` });

    expect(res.status).toBe(401);
    expect(h.connector.requests).toHaveLength(0);
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
  }, 60_000);

  it.each([
    ['an empty object', '{}'],
    ['a JSON null', 'null'],
    ['a JSON array', '[{"type":"message"}]'],
    ['not JSON', 'type=message'],
    ['an activity whose type is not a string', '{"type":7,"text":"help"}'],
    ['an activity whose conversation is a string', '{"type":"message","conversation":"x","from":{"id":"29:1"}}'],
  ])('answers %s with 400', async (_name, body) => {
    const res = await h.postRaw(body);

    expect(res.status).toBe(400);
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('logs botbuilder\'s reason for a refused token at debug level in the JSON log', async () => {
    const before = h.logs.length;
    await h.post(aPersonalMessage({ serviceUrl: h.connector.url, text: 'help' }), { authorization: `Bearer ${noneToken(h.connector.url)}` });

    const lines = h.logs.slice(before);
    expect(lines.some((l) => l.msg === 'Teams request refused: not authenticated' && l.level === 40)).toBe(true);
    const sdk = lines.find((l) => l.msg === 'botbuilder console output');
    expect(sdk?.level).toBe(20);
    expect(String(sdk?.output)).toContain('Error');
    expect(consoleError).not.toHaveBeenCalled();
  });
});
