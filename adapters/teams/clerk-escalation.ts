/**
 * "Ask the Clerk": forwards a question (and the bot's best match) to the Clerk, in
 * TEAMS_ESCALATION_CONVERSATION when set, else in a 1:1 chat with the first officer.
 */
import type { TeamsConfig } from '../../src/config';
import type { Logger } from '../../src/logger';
import { adaptiveCard, cardAttachment, textBlock } from './adaptive-card';
import { neutralise } from './card-text';
import type { ConversationTarget, ProactiveMessenger } from './proactive';
import type { TeamDirectory } from './team-target';
import type { TeamsAsker } from './teams-request';
import { teamsMessages } from './teams-messages';

export interface ClerkQuestion {
  asker: TeamsAsker;
  council: { id: string; name: string };
  question: string;
  clauseId: string | null;
  clauseHeading?: string;
  /** Where it was asked, in words ("a personal chat"). */
  where: string;
  /** The conversation it was asked in: its service URL, tenant and the bot's account. */
  origin: ConversationTarget;
}

export class ClerkEscalation {
  constructor(
    private readonly config: TeamsConfig,
    private readonly messenger: ProactiveMessenger,
    private readonly directory: TeamDirectory,
    private readonly logger: Logger,
  ) {}

  /** Sends the question on; 'not-configured' when there is neither a conversation nor an officer to send to. */
  async forward(q: ClerkQuestion): Promise<'sent' | 'not-configured'> {
    const activity = { type: 'message', summary: teamsMessages.clerkHeading, attachments: [cardAttachment(this.card(q))] };
    if (this.config.escalationConversation) {
      await this.messenger.send({ ...q.origin, conversationId: this.config.escalationConversation, conversationType: 'channel' }, activity);
      this.logger.info({ council: q.council.id, asker: q.asker.id, to: 'escalation conversation' }, 'question forwarded to the Clerk');
      return 'sent';
    }
    const officer = this.config.officerIds[0];
    if (!officer) return 'not-configured';
    const userId = await this.teamsUserId(officer);
    await this.messenger.sendToUser(q.origin, userId, activity);
    this.logger.info({ council: q.council.id, asker: q.asker.id, to: 'first officer' }, 'question forwarded to the Clerk');
    return 'sent';
  }

  /**
   * The officer's Teams user id: remembered from their own messages, else looked up in the saved
   * team by Azure AD object id, else the object id itself (which Teams also accepts for a 1:1).
   */
  private async teamsUserId(aadObjectId: string): Promise<string> {
    const known = await this.directory.user(aadObjectId);
    if (known) return known.id;
    const team = await this.directory.load();
    if (team) {
      const member = await this.messenger.teamMember(team, team.teamId, aadObjectId).catch((err: unknown) => {
        this.logger.warn({ err }, 'could not look up the officer in the team; using their object id');
        return undefined;
      });
      if (member) return member.id;
    }
    return aadObjectId;
  }

  private card(q: ClerkQuestion) {
    const who = neutralise(q.asker.name ?? q.asker.id, 200);
    const match = q.clauseId
      ? teamsMessages.clerkBestMatch(`clause ${q.clauseId}${q.clauseHeading ? ` (${q.clauseHeading})` : ''}`)
      : teamsMessages.clerkNoMatch;
    return adaptiveCard([
      textBlock(teamsMessages.clerkHeading, { weight: 'Bolder', size: 'Medium' }),
      textBlock(`${q.council.name}. ${teamsMessages.clerkAskedBy(who, q.asker.role, q.where)}`, { subtle: true }),
      textBlock(neutralise(q.question)),
      textBlock(match, { subtle: true }),
    ]);
  }
}
