/**
 * Builders for what Slack sends the app: slash commands, Events API callbacks (mentions, DMs,
 * App Home), block actions and view submissions, each with realistic defaults a test overrides.
 * Every builder returns the raw body and its content type, ready to sign and send.
 */
import { randomUUID } from 'node:crypto';
import { FAKE_BOT_USER, FAKE_TEAM, type Json } from './fake-slack-api';

export const COUNCILLOR = 'UCOUNCILLOR1';
export const OFFICER = 'UOFFICER1';
export const GENERAL_CHANNEL = 'CGENERAL';

export interface SlackRequestBody {
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  body: string;
}

export interface SlashCommandFields {
  text?: string;
  /** The workspace it came from (default: the installed one). */
  team_id?: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  response_url?: string;
  trigger_id?: string;
}

export function aSlashCommand(fields: SlashCommandFields & { response_url: string }): SlackRequestBody {
  const all = {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM,
    team_domain: 'testcouncil',
    channel_id: GENERAL_CHANNEL,
    channel_name: 'general',
    user_id: COUNCILLOR,
    user_name: 'cllr.smith',
    command: '/protocol',
    text: '',
    api_app_id: 'A0PROTOCOL',
    trigger_id: `trigger-${randomUUID()}`,
    ...fields,
  };
  return { contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(all).toString() };
}

/** An Events API callback wrapping `event`; give the same event_id again to play a retry. */
export function anEventCallback(event: Record<string, Json>, options: { eventId?: string } = {}): SlackRequestBody & { eventId: string } {
  const eventId = options.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
  const body = {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM,
    api_app_id: 'A0PROTOCOL',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: FAKE_TEAM, user_id: FAKE_BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
  return { contentType: 'application/json', body: JSON.stringify(body), eventId };
}

let tsCounter = 0;
function nextTs(): string {
  return `${Math.floor(Date.now() / 1000)}.${String(++tsCounter).padStart(6, '0')}`;
}

export function anAppMention(fields: { text: string; user?: string; channel?: string; ts?: string; thread_ts?: string }): Record<string, Json> {
  const ts = fields.ts ?? nextTs();
  return {
    type: 'app_mention',
    user: fields.user ?? COUNCILLOR,
    text: fields.text,
    ts,
    channel: fields.channel ?? GENERAL_CHANNEL,
    event_ts: ts,
    ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
  };
}

export function aDirectMessage(fields: { text: string; user?: string; channel?: string; ts?: string }): Record<string, Json> {
  const user = fields.user ?? COUNCILLOR;
  const ts = fields.ts ?? nextTs();
  return { type: 'message', channel_type: 'im', channel: fields.channel ?? `D${user}`, user, text: fields.text, ts, event_ts: ts };
}

export function anAppHomeOpened(user: string = COUNCILLOR): Record<string, Json> {
  return { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: nextTs() };
}

/** A button press in a message (it has a response_url) or, with `inView`, in the App Home (it has none). */
export function aBlockAction(fields: {
  actionId: string;
  value?: string;
  user?: string;
  responseUrl?: string;
  channel?: string;
  messageTs?: string;
  inView?: boolean;
  team?: string;
}): SlackRequestBody {
  const user = fields.user ?? COUNCILLOR;
  const team = fields.team ?? FAKE_TEAM;
  const payload: Record<string, Json> = {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: team },
    api_app_id: 'A0PROTOCOL',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${randomUUID()}`,
    team: { id: team, domain: 'testcouncil' },
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'answer_actions',
        text: { type: 'plain_text', text: 'button' },
        value: fields.value,
        action_ts: nextTs(),
      },
    ],
  };
  if (fields.inView) {
    payload.container = { type: 'view', view_id: 'VHOME' };
    payload.view = { id: 'VHOME', type: 'home', blocks: [], state: { values: {} } };
  } else {
    const channel = fields.channel ?? GENERAL_CHANNEL;
    const ts = fields.messageTs ?? nextTs();
    payload.container = { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false };
    payload.channel = { id: channel, name: 'general' };
    payload.message = { type: 'message', ts, text: 'answer' };
    payload.response_url = fields.responseUrl;
  }
  return interaction(payload);
}

/** Form values as the notice modal's blocks hold them: block id = field name, action id `value`. */
export function noticeFormState(values: Record<string, string | undefined>): Record<string, Json> {
  const state: Record<string, Json> = {};
  for (const [field, value] of Object.entries(values)) {
    state[field] =
      field === 'meetingDate'
        ? { value: { type: 'datepicker', selected_date: value ?? null } }
        : { value: { type: 'plain_text_input', value: value ?? null } };
  }
  return state;
}

/** A modal submitted; each call is a new modal (its own view id) unless `viewId` is given (a resubmission). */
export function aViewSubmission(fields: { callbackId: string; user?: string; values: Record<string, Json>; viewId?: string; team?: string }): SlackRequestBody {
  const user = fields.user ?? OFFICER;
  const team = fields.team ?? FAKE_TEAM;
  const viewId = fields.viewId ?? `V${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  return interaction({
    type: 'view_submission',
    team: { id: team, domain: 'testcouncil' },
    user: { id: user, username: 'clerk', name: 'clerk', team_id: team },
    api_app_id: 'A0PROTOCOL',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${randomUUID()}`,
    view: {
      id: viewId,
      team_id: team,
      type: 'modal',
      callback_id: fields.callbackId,
      private_metadata: '',
      blocks: [],
      state: { values: fields.values },
      hash: 'h',
      title: { type: 'plain_text', text: 'Attendance notice' },
    },
    response_urls: [],
  });
}

/** The user closed a modal (Slack sends this only for modals opened with notify_on_close). */
export function aViewClosed(fields: { callbackId: string; user?: string }): SlackRequestBody {
  const user = fields.user ?? OFFICER;
  return interaction({
    type: 'view_closed',
    team: { id: FAKE_TEAM, domain: 'testcouncil' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: FAKE_TEAM },
    api_app_id: 'A0PROTOCOL',
    view: { id: 'VCLOSED', team_id: FAKE_TEAM, type: 'modal', callback_id: fields.callbackId, state: { values: {} } },
    is_cleared: false,
  });
}

/** A global shortcut (from the shortcuts menu), which this app does not offer. */
export function aGlobalShortcut(fields: { callbackId: string; user?: string }): SlackRequestBody {
  const user = fields.user ?? COUNCILLOR;
  return interaction({
    type: 'shortcut',
    token: 'legacy-verification-token',
    action_ts: nextTs(),
    team: { id: FAKE_TEAM, domain: 'testcouncil' },
    user: { id: user, username: user.toLowerCase(), team_id: FAKE_TEAM },
    callback_id: fields.callbackId,
    trigger_id: `trigger-${randomUUID()}`,
  });
}

function interaction(payload: Record<string, Json>): SlackRequestBody {
  return { contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString() };
}
