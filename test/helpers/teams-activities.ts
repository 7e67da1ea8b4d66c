/**
 * Builders for Bot Framework activities shaped like the ones Teams sends: a personal message, an
 * @mention in a team channel, a group or meeting chat, a card submission, the bot's installation.
 */

export const BOT = Object.freeze({ id: '28:00000000-0000-0000-0000-00000000b075', name: 'Protocol Bot' });
export const TENANT_ID = '72f988bf-0000-4000-8000-000000000001';
export const TEAM = Object.freeze({ id: '19:members-general@thread.tacv2', name: 'Councillors', aadGroupId: 'a1b2c3d4-0000-4000-8000-000000000002' });

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export function aCouncillor(overrides: Partial<TeamsUser> = {}): TeamsUser {
  return { id: '29:councillor-jones', aadObjectId: 'c0000000-0000-4000-8000-00000000c001', name: 'Cllr Jones', ...overrides };
}

export function anOfficer(overrides: Partial<TeamsUser> = {}): TeamsUser {
  return { id: '29:clerk-smith', aadObjectId: 'e0000000-0000-4000-8000-00000000e001', name: 'Jo Smith (Clerk)', ...overrides };
}

export type Activity = Record<string, unknown> & { id: string; conversation: { id: string } & Record<string, unknown> };

let next = 1;
const newId = () => `1732350000${String(next++).padStart(3, '0')}`;

interface Common {
  serviceUrl: string;
  from?: TeamsUser;
  id?: string;
}

function base(o: Common, conversation: { id: string } & Record<string, unknown>, channelData: Record<string, unknown>): Activity {
  const from = o.from ?? aCouncillor();
  return {
    type: 'message',
    id: o.id ?? newId(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    conversation: { tenantId: TENANT_ID, ...conversation },
    recipient: { ...BOT },
    locale: 'en-GB',
    channelData: { tenant: { id: TENANT_ID }, ...channelData },
  };
}

/** A message typed in the bot's personal (1:1) chat. */
export function aPersonalMessage(o: Common & { text: string }): Activity {
  const from = o.from ?? aCouncillor();
  return {
    ...base({ ...o, from }, { id: `a:personal-${from.id}`, conversationType: 'personal' }, {}),
    text: o.text,
    textFormat: 'plain',
  };
}

/** "@Protocol Bot <text>" posted in a team channel (a new thread, so a ;messageid= conversation). */
export function aChannelMention(o: Common & { text: string; channelId?: string }): Activity {
  const id = o.id ?? newId();
  const channelId = o.channelId ?? TEAM.id;
  return {
    ...base(
      { ...o, id },
      { id: `${channelId};messageid=${id}`, conversationType: 'channel', isGroup: true },
      { teamsChannelId: channelId, teamsTeamId: TEAM.id, channel: { id: channelId }, team: { id: TEAM.id, name: TEAM.name, aadGroupId: TEAM.aadGroupId } },
    ),
    text: `<at>${BOT.name}</at> ${o.text}`,
    textFormat: 'plain',
    entities: [mention(), { type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web' }],
  };
}

/** "@Protocol Bot <text>" in a group chat, or a meeting's chat when `meeting` is set. */
export function aGroupChatMention(o: Common & { text: string; meeting?: boolean }): Activity {
  return {
    ...base(
      o,
      { id: o.meeting ? '19:meeting_abc@thread.v2' : '19:group-chat-xyz@thread.v2', conversationType: 'groupChat', isGroup: true },
      o.meeting ? { meeting: { id: 'MCMxOTptZWV0aW5n' } } : {},
    ),
    text: `<at>${BOT.name}</at> ${o.text}`,
    textFormat: 'plain',
    entities: [mention()],
  };
}

/**
 * An Adaptive Card Action.Submit pressed in the personal chat (or where `like` came from), on a card
 * of its own unless `replyToId` names the card (two presses on one card).
 */
export function aCardSubmit(o: Common & { value: Record<string, unknown>; like?: Activity; replyToId?: string }): Activity {
  const from = o.from ?? aCouncillor();
  const origin = o.like ?? aPersonalMessage({ serviceUrl: o.serviceUrl, from, text: '' });
  const { text: _text, entities: _entities, textFormat: _format, ...rest } = origin;
  return { ...rest, id: o.id ?? newId(), from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId }, value: o.value, replyToId: o.replyToId ?? `card-${newId()}` };
}

/** The conversationUpdate Teams sends when the app is added to a team. */
export function aTeamInstall(o: { serviceUrl: string; by?: TeamsUser }): Activity {
  return {
    ...base(
      { serviceUrl: o.serviceUrl, from: o.by ?? anOfficer() },
      { id: TEAM.id, conversationType: 'channel', isGroup: true },
      { team: { id: TEAM.id, name: TEAM.name, aadGroupId: TEAM.aadGroupId }, eventType: 'teamMemberAdded' },
    ),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id }],
  };
}

function mention() {
  return { type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: { id: BOT.id, name: BOT.name } };
}
