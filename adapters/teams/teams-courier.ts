/**
 * The Teams courier for the notice outbox: the recipients are every member of the saved team's
 * roster (paged) plus the team channel; each member gets the notice card in a 1:1 chat, with an
 * "I've read this" button, and the channel gets it as a post.
 */
import type { TeamsConfig } from '../../src/config';
import { DeliveryError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import { CHANNEL_RECIPIENT_PREFIX, channelOf, type Courier, type DeliveryRequest, type Recipient } from '../../src/notices/courier';
import { noticeMessages } from '../../src/notices/notice-messages';
import type { BotStore } from '../../src/store/store';
import { cardAttachment } from './adaptive-card';
import { botAppId, createCloudAdapter } from './bot-framework';
import { toDeliveryError } from './delivery-errors';
import { renderNoticeCard } from './notice-cards';
import { ProactiveMessenger } from './proactive';
import { TeamDirectory, type TeamTarget } from './team-target';
import { teamsMessages } from './teams-messages';

/** Teams allows a bot about 7 messages a second, and 1 a second into any one conversation. */
export const TEAMS_COURIER_LIMITS = Object.freeze({ perSecond: 7, perRecipientPerSecond: 1 });


/** A stop for a roster that never stops paging (a connector bug would otherwise loop forever). */
const MAX_ROSTER_PAGES = 500;

export interface TeamsCourierDeps {
  config: TeamsConfig;
  store: BotStore;
  logger: Logger;
  /** Pacing; defaults to TEAMS_COURIER_LIMITS. */
  limits?: { perSecond: number; perRecipientPerSecond: number };
}

/** The courier, or undefined when the config cannot reach Teams (no app id and not a local test). */
export function createTeamsCourier(deps: TeamsCourierDeps): Courier | undefined {
  if (!deps.config.appId && !deps.config.allowUnauthenticated) {
    deps.logger.warn('Teams courier not started: MicrosoftAppId is not set');
    return undefined;
  }
  const messenger = new ProactiveMessenger(createCloudAdapter(deps.config), botAppId(deps.config));
  return new TeamsCourier(messenger, new TeamDirectory(deps.store, deps.logger), deps.logger.child({ component: 'teams-courier' }), deps.limits);
}

class TeamsCourier implements Courier {
  readonly platform = 'teams' as const;
  readonly limits: { perSecond: number; perRecipientPerSecond: number };

  constructor(
    private readonly messenger: ProactiveMessenger,
    private readonly directory: TeamDirectory,
    private readonly logger: Logger,
    limits?: { perSecond: number; perRecipientPerSecond: number },
  ) {
    this.limits = { ...(limits ?? TEAMS_COURIER_LIMITS) };
  }

  async listRecipients(): Promise<Recipient[]> {
    const team = await this.team();
    const members = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await this.messenger.teamMembersPage(team, team.teamId, token).catch((err: unknown) => {
        throw toDeliveryError(err, `reading the roster of team ${team.teamName ?? team.teamId}`);
      });
      for (const m of page.members) if (m.id && m.id !== team.bot.id) members.add(m.id);
      token = page.continuationToken;
      pages += 1;
    } while (token && pages < MAX_ROSTER_PAGES);
    if (token) this.logger.error({ teamId: team.teamId, pages }, 'team roster still paging after the page limit; delivering to those read');
    this.logger.info({ teamId: team.teamId, members: members.size, pages }, 'team roster read');
    return [...[...members].map((id) => ({ id })), { id: `${CHANNEL_RECIPIENT_PREFIX}${team.conversationId}` }];
  }

  async deliver(request: DeliveryRequest): Promise<{ messageId: string }> {
    const team = await this.team();
    const activity = {
      type: 'message',
      summary: noticeMessages.title,
      attachments: [cardAttachment(renderNoticeCard(request.notice))],
    };
    const channel = channelOf(request.recipient);
    try {
      const messageId = channel
        ? await this.messenger.send({ ...team, conversationId: channel }, activity)
        : (await this.messenger.sendToUser(team, request.recipient, activity)).activityId;
      // Teams always returns an id; the delivery id stands in so the row still records a send.
      return { messageId: messageId || `sent:${request.deliveryId}` };
    } catch (err) {
      throw toDeliveryError(err, channel ? 'posting in the team channel' : 'sending to the member');
    }
  }

  /**
   * Teams offers no search of a bot's sent messages by metadata, so a send whose outcome was lost
   * in a crash cannot be found: the outbox sends it again (a member may see it twice).
   */
  async findDelivered(_request: DeliveryRequest): Promise<{ messageId: string } | null> {
    return null;
  }

  private async team(): Promise<TeamTarget> {
    const team = await this.directory.load();
    if (!team) throw new DeliveryError('DELIVERY_PERMANENT', teamsMessages.noTeamYet);
    return team;
  }
}
