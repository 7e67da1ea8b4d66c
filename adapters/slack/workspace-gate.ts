/**
 * Global middleware: only the workspace the bot token belongs to is served. The installed
 * workspace comes from auth.test at start-up; a request names its own (team_id, team.id,
 * authorizations[0].team_id, …). An Enterprise Grid org-wide install serves every workspace of its
 * enterprise; a single-workspace install in a Grid serves its team (and enterprise-level requests
 * that name no team). Anything else is acknowledged, logged and dropped.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../src/logger';

export interface InstalledWorkspace {
  teamId: string;
  enterpriseId?: string;
  /** auth.test's is_enterprise_install: the app is installed for the whole enterprise. */
  orgWide: boolean;
}

export interface RequestWorkspace {
  teamId?: string;
  enterpriseId?: string;
}

export function workspaceGate(deps: { installed: () => InstalledWorkspace | undefined; logger: Logger }): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const installed = deps.installed();
    const from = workspaceOf(args.body as Record<string, unknown>);
    if (installed && servesWorkspace(installed, from)) return args.next();
    deps.logger.warn({ teamId: from.teamId, enterpriseId: from.enterpriseId, installedTeamId: installed?.teamId }, 'Slack request from another workspace refused');
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    if (ack) await ack();
  };
}

export function servesWorkspace(installed: InstalledWorkspace, from: RequestWorkspace): boolean {
  if (from.teamId && from.teamId === installed.teamId) return true;
  if (!installed.enterpriseId || from.enterpriseId !== installed.enterpriseId) return false;
  return installed.orgWide || !from.teamId;
}

/** The workspace a request comes from, as Slack names it in each kind of payload. */
export function workspaceOf(body: Record<string, unknown>): RequestWorkspace {
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const obj = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
  if (body.type === 'event_callback' || body.type === 'app_rate_limited') {
    const auth = Array.isArray(body.authorizations) ? obj(body.authorizations[0]) : {};
    return { teamId: str(auth.team_id) ?? str(body.team_id), enterpriseId: str(auth.enterprise_id) ?? str(body.enterprise_id) };
  }
  if (typeof body.command === 'string') return { teamId: str(body.team_id), enterpriseId: str(body.enterprise_id) };
  const user = obj(body.user);
  return {
    teamId: str(obj(body.team).id) ?? str(user.team_id) ?? str(obj(body.view).team_id),
    enterpriseId: str(obj(body.enterprise).id) ?? str(user.enterprise_id),
  };
}
