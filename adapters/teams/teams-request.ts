/** Turns a Teams activity into the plain facts the bot needs: who asked, their role, where, what. */
import { TurnContext, type Activity } from 'botbuilder';
import type { Role } from '../../src/protocol/model';
import { plainMessageText } from './card-text';
import type { ConversationTarget } from './proactive';

export interface TeamsAsker {
  /** The Teams user id ("29:…"), stable for this bot; used for feedback, acknowledgements, logs. */
  id: string;
  aadObjectId?: string;
  name?: string;
  role: Role;
}

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/** Officers are listed by Azure AD object id (TEAMS_OFFICER_IDS); everyone else is a councillor. */
export function askerFrom(activity: Partial<Activity>, officerIds: readonly string[]): TeamsAsker {
  const from = activity.from ?? { id: '', name: '' };
  const aad = from.aadObjectId?.toLowerCase();
  const officer = aad !== undefined && officerIds.some((id) => id.toLowerCase() === aad);
  return {
    id: from.id,
    ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
    ...(from.name ? { name: from.name } : {}),
    role: officer ? 'officer' : 'councillor',
  };
}

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat') return type;
  if (type === 'personal') return 'personal';
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

/** What the user typed, without the @mention of the bot (channels, group and meeting chats). */
export function messageText(activity: Partial<Activity>): string {
  if (typeof activity.text !== 'string') return '';
  if (!activity.recipient?.id) return plainMessageText(activity.text);
  // removeRecipientMention edits text in place and trusts every entity's shape: work on a copy
  // holding only well-formed mentions, and repeat for a bot mentioned more than once.
  const entities = (activity.entities ?? []).filter(
    (e) => typeof e?.type === 'string' && typeof (e as { text?: unknown }).text === 'string' && typeof (e as { mentioned?: { id?: unknown } }).mentioned?.id === 'string',
  );
  const copy: Partial<Activity> = { ...activity, entities };
  for (let i = 0; i < 5; i += 1) {
    const before = copy.text;
    TurnContext.removeRecipientMention(copy);
    if (copy.text === before) break;
  }
  return plainMessageText(copy.text ?? '');
}

/** The conversation an activity came from, for sending into it again later. */
export function replyTarget(activity: Partial<Activity>): ConversationTarget {
  const data = (activity.channelData ?? {}) as { tenant?: { id?: string } };
  return {
    serviceUrl: activity.serviceUrl ?? '',
    conversationId: activity.conversation?.id ?? '',
    tenantId: data.tenant?.id ?? activity.conversation?.tenantId,
    bot: { id: activity.recipient?.id ?? '', ...(activity.recipient?.name ? { name: activity.recipient.name } : {}) },
    conversationType: conversationKind(activity),
  };
}

/** "a personal chat", "the Members team", "a group chat", for the Clerk's benefit. */
export function describeWhere(activity: Partial<Activity>): string {
  const data = (activity.channelData ?? {}) as { team?: { name?: string }; meeting?: unknown };
  switch (conversationKind(activity)) {
    case 'channel':
      return data.team?.name ? `a channel of the ${data.team.name} team` : 'a team channel';
    case 'groupChat':
      return data.meeting ? 'a meeting chat' : 'a group chat';
    default:
      return 'a personal chat';
  }
}
