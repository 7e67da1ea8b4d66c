/**
 * Configuration: read once from the environment (and an optional .env) by the composition root,
 * validated with one zod schema. Nothing else reads process.env.
 *
 * It forgives what a person copying `.env.example` would reasonably write: an empty value means the
 * variable is unset, surrounding spaces are ignored, and named values (`singletenant`, `INFO`,
 * `TRUE`) are matched without regard to case. What it cannot use stops start-up with one line per
 * variable: its name, what was expected and what was given (never a secret's value).
 */
import { z } from 'zod';
import { ConfigError } from './errors';

export const DEFAULTS = Object.freeze({
  PORT: 3000,
  COUNCIL: 'model',
  DATA_DIR: './data',
  CONTENT_DIR: './content',
  LOG_LEVEL: 'info',
  RETENTION_DAYS: 90,
});

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** Variables whose values must never appear in a message: a rejected value is described by its start only. */
const SECRETS = new Set(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'MicrosoftAppPassword', 'DATABASE_URL']);

const text = z.string().optional();

const list = text.transform((s) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

/** A whole number within bounds; `expected` is the phrase shown after "expected". */
function wholeNumber(min: number, max: number | undefined, fallback: number) {
  const expected = max === undefined ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`;
  return text.transform((s, ctx) => {
    if (s === undefined) return fallback;
    const n = /^\d+$/.test(s) ? Number(s) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || (max !== undefined && n > max)) {
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    }
    return n;
  });
}

/** One of a few named values, matched regardless of case and returned as spelled in `values`. */
function oneOf<const T extends string>(values: readonly T[]) {
  return text.transform((s, ctx): T | undefined => {
    if (s === undefined) return undefined;
    const found = values.find((v) => v.toLowerCase() === s.toLowerCase());
    if (!found) ctx.addIssue({ code: 'custom', message: `one of ${values.join(', ')}` });
    return found;
  });
}

const flag = text.transform((s, ctx) => {
  const v = s?.toLowerCase();
  if (v === undefined || v === 'false' || v === '0' || v === 'no') return false;
  if (v === 'true' || v === '1' || v === 'yes') return true;
  ctx.addIssue({ code: 'custom', message: 'true or false' });
  return z.NEVER;
});

const prefixed = (prefix: string, what: string) =>
  text.refine((s) => s === undefined || s.startsWith(prefix), `${what} starting ${prefix}`);

const envSchema = z.object({
  NODE_ENV: text.transform((s) => s?.toLowerCase()),
  PORT: wholeNumber(0, 65535, DEFAULTS.PORT),
  HOST: text,
  COUNCIL: text
    .transform((s) => (s ?? DEFAULTS.COUNCIL).toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9-]+$/, 'a council id such as model or hexham (letters, digits and hyphens)')),
  DATA_DIR: text.transform((s) => s ?? DEFAULTS.DATA_DIR),
  CONTENT_DIR: text.transform((s) => s ?? DEFAULTS.CONTENT_DIR),
  DATABASE_URL: text.refine((s) => s === undefined || /^postgres(ql)?:\/\//.test(s), 'a postgres:// URL'),
  LOG_LEVEL: oneOf(LOG_LEVELS),
  RETENTION_DAYS: wholeNumber(1, undefined, DEFAULTS.RETENTION_DAYS),
  // https://no-color.org: any non-empty value turns colour off.
  NO_COLOR: text.transform((s) => s !== undefined),

  SLACK_SIGNING_SECRET: text,
  SLACK_BOT_TOKEN: prefixed('xoxb-', 'a bot token'),
  SLACK_APP_TOKEN: prefixed('xapp-', 'an app-level token'),
  SLACK_API_URL: text.pipe(z.url('an http(s) URL').optional()),
  SLACK_OFFICER_IDS: list,
  SLACK_ESCALATION_CHANNEL: text,
  SLACK_MEMBERS_CHANNEL: text,

  MicrosoftAppId: text,
  MicrosoftAppPassword: text,
  MicrosoftAppType: oneOf(APP_TYPES),
  MicrosoftAppTenantId: text,
  TEAMS_OFFICER_IDS: list,
  TEAMS_ALLOW_UNAUTHENTICATED: flag,
  TEAMS_ESCALATION_CONVERSATION: text,
});

export type Env = z.output<typeof envSchema>;
export type LogLevel = (typeof LOG_LEVELS)[number];

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
  appType: (typeof APP_TYPES)[number];
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
  logLevel: LogLevel;
  /** Whether LOG_LEVEL was given; the terminal chat shows only warnings unless it was. */
  logLevelSet: boolean;
  /** Days questions, feedback and Ask-the-Clerk records are kept before they are purged. */
  retentionDays: number;
  /** NO_COLOR was set: the terminal chat uses no bold or colour even on a terminal. */
  noColor: boolean;
  slack?: SlackConfig;
  teams?: TeamsConfig;
}

/** Trims every value and drops empty ones, so `NAME=` in a .env file means the same as no line. */
function presentValues(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const trimmed = value?.trim();
    if (trimmed) out[key] = trimmed;
  }
  return out;
}

function describeGiven(key: string, value: string | undefined): string {
  if (value === undefined) return '';
  if (SECRETS.has(key)) return `, got a value starting "${value.slice(0, 5)}…"`;
  return `, got "${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
}

/** Parses the environment into a Config or throws a ConfigError: one line per bad variable. */
export function loadConfig(rawEnv: Record<string, string | undefined>): Config {
  const env = presentValues(rawEnv);
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      if (!lines.has(key)) lines.set(key, `${key}: expected ${issue.message}${describeGiven(key, env[key])}`);
    }
    throw new ConfigError([...lines.values()].join('\n'));
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
    logLevel: e.LOG_LEVEL ?? DEFAULTS.LOG_LEVEL,
    logLevelSet: e.LOG_LEVEL !== undefined,
    retentionDays: e.RETENTION_DAYS,
    noColor: e.NO_COLOR,
    slack: slackFrom(e),
    teams: teamsFrom(e),
  };
}

function slackFrom(e: Env): SlackConfig | undefined {
  const any = e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN;
  if (!any) return undefined;
  if (!e.SLACK_BOT_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN: expected a bot token (xoxb-…) because other SLACK_* settings are present');
  }
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError('SLACK_SIGNING_SECRET: expected the app signing secret for HTTP mode, or set SLACK_APP_TOKEN (xapp-…) for Socket Mode');
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
    if (e.MicrosoftAppPassword) throw new ConfigError('MicrosoftAppId: expected the bot app id because MicrosoftAppPassword is set');
    return undefined;
  }
  if (e.TEAMS_ALLOW_UNAUTHENTICATED && e.NODE_ENV === 'production') {
    throw new ConfigError('TEAMS_ALLOW_UNAUTHENTICATED: expected false (or unset) when NODE_ENV=production');
  }
  const appType = e.MicrosoftAppType ?? 'MultiTenant';
  if (e.MicrosoftAppId && appType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
    throw new ConfigError('MicrosoftAppPassword: expected the bot client secret for MicrosoftAppId');
  }
  if (e.MicrosoftAppId && appType === 'SingleTenant' && !e.MicrosoftAppTenantId) {
    throw new ConfigError('MicrosoftAppTenantId: expected the tenant id because MicrosoftAppType=SingleTenant');
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
