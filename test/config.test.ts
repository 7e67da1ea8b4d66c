import { readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { loadConfig } from '../src/config';
import { ConfigError } from '../src/errors';

/** The message loadConfig throws for `env`, or a failure if it does not throw. */
function errorFor(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('uses the documented defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, council: 'model', dataDir: './data', contentDir: './content', logLevel: 'info', logLevelSet: false, retentionDays: 90 });
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

  it('accepts .env.example copied unchanged: no chat platform, defaults for every empty line', () => {
    const config = loadConfig(parseDotenv(readFileSync('.env.example')));
    expect(config.slack).toBeUndefined();
    expect(config.teams).toBeUndefined();
    expect(config).toMatchObject({ port: 3000, council: 'model', dataDir: './data', contentDir: './content', retentionDays: 90 });
  });

  it('treats an empty or blank value as unset, for every variable', () => {
    const blank = Object.fromEntries(
      ['PORT', 'HOST', 'COUNCIL', 'DATA_DIR', 'CONTENT_DIR', 'DATABASE_URL', 'LOG_LEVEL', 'NODE_ENV', 'RETENTION_DAYS', 'SLACK_BOT_TOKEN', 'SLACK_API_URL', 'MicrosoftAppId', 'MicrosoftAppType', 'TEAMS_ALLOW_UNAUTHENTICATED'].map((k, i) => [k, i % 2 ? '' : '   ']),
    );
    expect(loadConfig(blank)).toEqual(loadConfig({}));
  });

  it('matches named values regardless of case and trims spaces', () => {
    const teams = loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'singletenant', MicrosoftAppTenantId: 't' }).teams;
    expect(teams?.appType).toBe('SingleTenant');
    expect(loadConfig({ LOG_LEVEL: 'INFO ' })).toMatchObject({ logLevel: 'info', logLevelSet: true });
    expect(loadConfig({ COUNCIL: ' Hexham' }).council).toBe('hexham');
    expect(loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'TRUE' }).teams?.allowUnauthenticated).toBe(true);
    expect(() => loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', NODE_ENV: 'Production' })).toThrow('TEAMS_ALLOW_UNAUTHENTICATED');
    expect(loadConfig({ PORT: ' 8080 ', RETENTION_DAYS: '30' })).toMatchObject({ port: 8080, retentionDays: 30 });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT: expected a whole number from 0 to 65535, got "abc"'],
    [{ PORT: '3000.5' }, 'PORT: expected a whole number from 0 to 65535, got "3000.5"'],
    [{ RETENTION_DAYS: '0' }, 'RETENTION_DAYS: expected a whole number of at least 1, got "0"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [{ TEAMS_ALLOW_UNAUTHENTICATED: 'maybe' }, 'TEAMS_ALLOW_UNAUTHENTICATED: expected true or false, got "maybe"'],
  ])('explains %j in one plain line', (env, message) => {
    expect(errorFor(env)).toBe(message);
  });

  it('gives one line per bad variable and never echoes a secret', () => {
    const message = errorFor({ PORT: '-1', SLACK_BOT_TOKEN: 'xapp-very-secret-token', DATABASE_URL: 'mysql://user:hunter2@db' });
    const lines = message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^PORT: /);
    expect(lines[1]).toBe('DATABASE_URL: expected a postgres:// URL, got a value starting "mysql…"');
    expect(lines[2]).toBe('SLACK_BOT_TOKEN: expected a bot token starting xoxb-, got a value starting "xapp-…"');
    expect(message).not.toMatch(/secret|hunter2/);
  });

  it('turns colour off when NO_COLOR has any value (https://no-color.org)', () => {
    expect(loadConfig({}).noColor).toBe(false);
    expect(loadConfig({ NO_COLOR: '' }).noColor).toBe(false);
    expect(loadConfig({ NO_COLOR: '1' }).noColor).toBe(true);
  });

  it('enables Teams without an app id only for unauthenticated local testing', () => {
    const teams = loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' }).teams;
    expect(teams).toMatchObject({ allowUnauthenticated: true, appType: 'MultiTenant' });
    expect(loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', TEAMS_ALLOW_UNAUTHENTICATED: 'true' }).teams?.allowUnauthenticated).toBe(false);
  });
});
