import { loadConfig } from '../src/config';
import { ConfigError } from '../src/errors';

describe('loadConfig', () => {
  it('uses the documented defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, council: 'model', dataDir: './data', contentDir: './content', logLevel: 'info' });
    expect(config.slack).toBeUndefined();
    expect(config.teams).toBeUndefined();
  });

  it('selects Slack HTTP mode with a signing secret and Socket Mode with an app token', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack?.mode).toBe('http');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.mode).toBe('socket');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_OFFICER_IDS: 'U1, U2 ,' }).slack?.officerIds).toEqual(['U1', 'U2']);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ COUNCIL: 'Hexham Town' }, 'COUNCIL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_BOT_TOKEN: 'abc', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'not a url' }, 'SLACK_API_URL'],
    [{ MicrosoftAppId: 'id' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppPassword: 'p' }, 'MicrosoftAppId'],
    [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ TEAMS_ALLOW_UNAUTHENTICATED: 'true', NODE_ENV: 'production' }, 'TEAMS_ALLOW_UNAUTHENTICATED'],
    [{ TEAMS_ALLOW_UNAUTHENTICATED: 'maybe' }, 'TEAMS_ALLOW_UNAUTHENTICATED'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('enables Teams without an app id only for unauthenticated local testing', () => {
    const teams = loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' }).teams;
    expect(teams).toMatchObject({ allowUnauthenticated: true, appType: 'MultiTenant' });
    expect(loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', TEAMS_ALLOW_UNAUTHENTICATED: 'true' }).teams?.allowUnauthenticated).toBe(false);
  });
});
