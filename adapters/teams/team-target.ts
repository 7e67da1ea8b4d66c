/**
 * The team the bot delivers notices to, remembered in the store's adapter state so every replica
 * (and a restarted one) can reach it: saved when the bot is installed in a team, or on a message
 * in a team channel if none is saved yet; forgotten when the bot is removed from that team.
 */
import type { Activity } from 'botbuilder';
import type { Logger } from '../../src/logger';
import type { BotStore } from '../../src/store/store';
import type { ConversationTarget } from './proactive';

export const TEAM_TARGET_KEY = 'teams:team-target';
const USER_KEY_PREFIX = 'teams:user:';

/** The team's channel to post in, plus the team id its roster is read by. */
export interface TeamTarget extends ConversationTarget {
  teamId: string;
  teamName?: string;
}

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  channel?: { id?: string };
  tenant?: { id?: string };
}

/** The team target an activity comes from, or undefined outside a team. */
export function teamTargetFrom(activity: Partial<Activity>): TeamTarget | undefined {
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  const teamId = data.team?.id;
  if (!teamId || !activity.serviceUrl || !activity.recipient?.id) return undefined;
  return {
    teamId,
    ...(data.team?.name ? { teamName: data.team.name } : {}),
    // A thread's conversation id carries ";messageid=…"; the channel id posts a new message instead.
    conversationId: data.channel?.id ?? teamId,
    conversationType: 'channel',
    serviceUrl: activity.serviceUrl,
    tenantId: data.tenant?.id ?? activity.conversation?.tenantId,
    bot: { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) },
  };
}

export class TeamDirectory {
  constructor(
    private readonly store: BotStore,
    private readonly logger: Logger,
  ) {}

  async load(): Promise<TeamTarget | null> {
    const raw = await this.store.getState(TEAM_TARGET_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as TeamTarget;
    } catch (err) {
      this.logger.error({ err }, 'saved Teams team target is unreadable; ignoring it');
      return null;
    }
  }

  /** The bot was added to a team: deliver there from now on. */
  async installed(target: TeamTarget): Promise<void> {
    const previous = await this.load();
    await this.store.putState(TEAM_TARGET_KEY, JSON.stringify(target));
    if (previous && previous.teamId !== target.teamId) {
      this.logger.warn({ from: previous.teamId, to: target.teamId }, 'Teams notices now go to a different team');
    } else {
      this.logger.info({ teamId: target.teamId, teamName: target.teamName }, 'Teams team saved for notices');
    }
  }

  /** A message in a team channel: remember the team if none is saved, or refresh its service URL. */
  async seen(target: TeamTarget): Promise<void> {
    const previous = await this.load();
    if (!previous) return this.installed(target);
    if (previous.teamId === target.teamId && previous.serviceUrl !== target.serviceUrl) {
      await this.store.putState(TEAM_TARGET_KEY, JSON.stringify({ ...previous, serviceUrl: target.serviceUrl }));
    }
  }

  /** The bot was removed from a team: stop delivering there if it was the saved one. */
  async removed(teamId: string): Promise<void> {
    const previous = await this.load();
    if (previous?.teamId !== teamId) return;
    await this.store.putState(TEAM_TARGET_KEY, '');
    this.logger.warn({ teamId }, 'bot removed from the notices team; Teams notices have nowhere to go until it is added to a team again');
  }

  /** Remembers an officer's Teams user id by Azure AD object id, for a 1:1 chat later. */
  async rememberUser(aadObjectId: string, user: { id: string; name?: string; serviceUrl: string; tenantId?: string }): Promise<void> {
    const key = `${USER_KEY_PREFIX}${aadObjectId.toLowerCase()}`;
    const value = JSON.stringify(user);
    if ((await this.store.getState(key)) !== value) await this.store.putState(key, value);
  }

  async user(aadObjectId: string): Promise<{ id: string; name?: string; serviceUrl: string; tenantId?: string } | null> {
    const raw = await this.store.getState(`${USER_KEY_PREFIX}${aadObjectId.toLowerCase()}`);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as { id: string; name?: string; serviceUrl: string; tenantId?: string };
    } catch {
      return null;
    }
  }
}
