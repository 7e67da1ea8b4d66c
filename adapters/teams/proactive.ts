/**
 * Messages the bot starts itself (notices, progress, questions for the Clerk): a send, an update,
 * a new 1:1 chat, a page of a team's members. Each call is its own short Bot Framework turn.
 */
import { TeamsInfo, type Activity, type CloudAdapter, type ConversationParameters, type TurnContext } from 'botbuilder';
import { BOT_CONNECTOR_AUDIENCE } from './bot-framework';

/** Where to send: enough of a conversation reference to reach a chat or channel. */
export interface ConversationTarget {
  serviceUrl: string;
  conversationId: string;
  tenantId?: string;
  /** The bot's own account in that tenant ("28:<app id>"). */
  bot: { id: string; name?: string };
  conversationType?: 'personal' | 'channel' | 'groupChat';
}

export interface TeamMember {
  id: string;
  aadObjectId?: string;
  name?: string;
}

export type OutgoingActivity = Partial<Activity>;

export class ProactiveMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  /** Posts a new message in a conversation; resolves with its activity id. */
  async send(target: ConversationTarget, activity: OutgoingActivity): Promise<string> {
    let id = '';
    await this.inConversation(target, async (context) => {
      id = (await context.sendActivity(activity))?.id ?? '';
    });
    return id;
  }

  /** Replaces a message the bot sent earlier. */
  async update(target: ConversationTarget, activityId: string, activity: OutgoingActivity): Promise<void> {
    await this.inConversation(target, async (context) => {
      await context.updateActivity({ ...activity, id: activityId, type: 'message' });
    });
  }

  /**
   * Opens (Teams returns the existing one if there is one) a 1:1 chat with a user and posts in it.
   * `userId` is a Teams user id ("29:…") or an Azure AD object id.
   */
  async sendToUser(
    origin: Pick<ConversationTarget, 'serviceUrl' | 'tenantId' | 'bot'>,
    userId: string,
    activity: OutgoingActivity,
  ): Promise<{ conversationId: string; activityId: string }> {
    const parameters = {
      isGroup: false,
      bot: { id: origin.bot.id, name: origin.bot.name ?? '' },
      members: [{ id: userId, name: '' }],
      tenantId: origin.tenantId,
      channelData: origin.tenantId ? { tenant: { id: origin.tenantId } } : undefined,
    } as ConversationParameters;
    let result = { conversationId: '', activityId: '' };
    await this.adapter.createConversationAsync(this.appId, 'msteams', origin.serviceUrl, BOT_CONNECTOR_AUDIENCE, parameters, async (context) => {
      const sent = await context.sendActivity(activity);
      result = { conversationId: context.activity.conversation.id, activityId: sent?.id ?? '' };
    });
    return result;
  }

  /** One page of a team's roster (the team id is its General channel's conversation id). */
  async teamMembersPage(target: ConversationTarget, teamId: string, continuationToken?: string): Promise<{ members: TeamMember[]; continuationToken?: string }> {
    let page: { members: TeamMember[]; continuationToken?: string } = { members: [] };
    await this.inConversation(target, async (context) => {
      const result = await TeamsInfo.getPagedTeamMembers(context, teamId, undefined, continuationToken);
      page = {
        members: (result.members ?? []).map((m) => ({ id: m.id, aadObjectId: m.aadObjectId, name: m.name })),
        ...(result.continuationToken ? { continuationToken: result.continuationToken } : {}),
      };
    });
    return page;
  }

  /** A team member looked up by Teams user id or Azure AD object id, or undefined if not found. */
  async teamMember(target: ConversationTarget, teamId: string, userId: string): Promise<TeamMember | undefined> {
    let member: TeamMember | undefined;
    await this.inConversation(target, async (context) => {
      const m = await TeamsInfo.getTeamMember(context, teamId, userId);
      member = m?.id ? { id: m.id, aadObjectId: m.aadObjectId, name: m.name } : undefined;
    });
    return member;
  }

  private inConversation(target: ConversationTarget, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const reference = {
      channelId: 'msteams',
      serviceUrl: target.serviceUrl,
      bot: { id: target.bot.id, name: target.bot.name ?? '' },
      conversation: {
        id: target.conversationId,
        isGroup: target.conversationType !== 'personal',
        conversationType: target.conversationType ?? 'channel',
        tenantId: target.tenantId,
        name: '',
      },
    };
    return this.adapter.continueConversationAsync(this.appId, reference, logic);
  }
}
