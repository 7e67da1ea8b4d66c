/**
 * Configuration: read once from the environment (and an optional .env) by the composition root,
 * validated with one zod schema. Nothing else reads process.env.
 */
import { z } from 'zod';
import { ConfigError } from './errors';

const list = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim() : undefined));

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((s) => s === 'true' || s === '1');

export const DEFAULTS = Object.freeze({
  PORT: 3000,
  COUNCIL: 'model',
  DATA_DIR: './data',
  CONTENT_DIR: './content',
  LOG_LEVEL: 'info',
});

const envSchema = z.object({
  NODE_ENV: optionalText,
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULTS.PORT),
  HOST: optionalText,
  COUNCIL: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]+$/, 'a council id such as model or hexham')
    .default(DEFAULTS.COUNCIL),
  DATA_DIR: z.string().trim().min(1).default(DEFAULTS.DATA_DIR),
  CONTENT_DIR: z.string().trim().min(1).default(DEFAULTS.CONTENT_DIR),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
      .optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'a bot token starting xoxb-').optional()),
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'an app-level token starting xapp-').optional()),
  SLACK_API_URL: optionalText.pipe(z.url('an http(s) URL').optional()),
  SLACK_OFFICER_IDS: list,
  SLACK_ESCALATION_CHANNEL: optionalText,
  SLACK_MEMBERS_CHANNEL: optionalText,

  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: optionalText,
  TEAMS_OFFICER_IDS: list,
  TEAMS_ALLOW_UNAUTHENTICATED: bool,
  TEAMS_ESCALATION_CONVERSATION: optionalText,
});

export type Env = z.output<typeof envSchema>;

export interface SlackConfig {
  mode: 'http' | 'socket';
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  officerIds: string[];
  escalationChannel?: string;
  membersChannel?: string;
}

export interface TeamsConfig {
  appId?: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
  allowUnauthenticated: boolean;
  officerIds: string[];
  escalationConversation?: string;
}

export interface Config {
  nodeEnv?: string;
  port: number;
  /** Interface to listen on; all interfaces when unset. */
  host?: string;
  council: string;
  dataDir: string;
  contentDir: string;
  databaseUrl?: string;
  logLevel: Env['LOG_LEVEL'];
  slack?: SlackConfig;
  teams?: TeamsConfig;
}

/** Parses the environment into a Config or throws a ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: expected ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    council: e.COUNCIL,
    dataDir: e.DATA_DIR,
    contentDir: e.CONTENT_DIR,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    slack: slackFrom(e),
    teams: teamsFrom(e),
  };
}

function slackFrom(e: Env): SlackConfig | undefined {
  const any = e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN;
  if (!any) return undefined;
  if (!e.SLACK_BOT_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN: expected a bot token (xoxb-…) because other SLACK_* settings are present.');
  }
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET: expected the app signing secret for HTTP mode, or set SLACK_APP_TOKEN (xapp-…) for Socket Mode.',
    );
  }
  return {
    mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    apiUrl: e.SLACK_API_URL,
    officerIds: e.SLACK_OFFICER_IDS,
    escalationChannel: e.SLACK_ESCALATION_CHANNEL,
    membersChannel: e.SLACK_MEMBERS_CHANNEL,
  };
}

function teamsFrom(e: Env): TeamsConfig | undefined {
  if (!e.MicrosoftAppId && !e.TEAMS_ALLOW_UNAUTHENTICATED) {
    if (e.MicrosoftAppPassword) throw new ConfigError('MicrosoftAppId: expected the bot app id because MicrosoftAppPassword is set.');
    return undefined;
  }
  if (e.TEAMS_ALLOW_UNAUTHENTICATED && e.NODE_ENV === 'production') {
    throw new ConfigError('TEAMS_ALLOW_UNAUTHENTICATED: expected false (or unset) when NODE_ENV=production.');
  }
  const appType = e.MicrosoftAppType ?? 'MultiTenant';
  if (e.MicrosoftAppId && appType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
    throw new ConfigError('MicrosoftAppPassword: expected the bot client secret for MicrosoftAppId.');
  }
  if (e.MicrosoftAppId && appType === 'SingleTenant' && !e.MicrosoftAppTenantId) {
    throw new ConfigError('MicrosoftAppTenantId: expected the tenant id because MicrosoftAppType=SingleTenant.');
  }
  return {
    appId: e.MicrosoftAppId,
    appPassword: e.MicrosoftAppPassword,
    appType,
    tenantId: e.MicrosoftAppTenantId,
    allowUnauthenticated: e.TEAMS_ALLOW_UNAUTHENTICATED && !e.MicrosoftAppId,
    officerIds: e.TEAMS_OFFICER_IDS,
    escalationConversation: e.TEAMS_ESCALATION_CONVERSATION,
  };
}
