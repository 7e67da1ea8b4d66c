/**
 * The state behind the fake Slack Web API: users, channel members and every message the bot
 * posted (with its metadata), and how each Web API method the adapter uses answers from it. DMs
 * live in channel `D<user id>`, as conversations.open returns them.
 */
export const FAKE_BOT_TOKEN = 'xoxb-fake-bot-token';
export const FAKE_BOT_USER = 'UBOT';
export const FAKE_BOT_ID = 'BBOT';
export const FAKE_TEAM = 'T0COUNCIL';

/** JSON as Slack sends or receives it; tests read it field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever the adapter sent; tests read it as JSON
export type Json = any;

/** A message the fake accepted. */
export interface StoredMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: Json[];
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, Json> };
  /** For chat.postEphemeral: the only user who sees it. */
  ephemeralFor?: string;
  /** How many times chat.update replaced it. */
  updates: number;
}

export interface FakeUser {
  id: string;
  name?: string;
  is_bot?: boolean;
  deleted?: boolean;
}

export function dmChannel(userId: string): string {
  return `D${userId}`;
}

export class FakeSlackWorkspace {
  readonly messages: StoredMessage[] = [];
  readonly users = new Map<string, FakeUser>();
  readonly channelMembers = new Map<string, string[]>();
  /** Page size for paged methods when the caller asks for more (Slack caps too). */
  maxPage = 200;
  private ids = 0;
  private tsCounter = 0;

  /** `uploadBase` is where file bytes are posted (the fake server's own address). */
  constructor(private readonly uploadBase: string) {
    this.addUser({ id: 'USLACKBOT', name: 'slackbot' }); // users.list includes Slackbot, with is_bot false
    this.addUser({ id: FAKE_BOT_USER, name: 'protocolbot', is_bot: true });
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  /** The workspace's answer to a Web API call (it takes effect, e.g. a message is posted). */
  reply(method: string, p: Record<string, Json>): Json {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: FAKE_BOT_USER, bot_id: FAKE_BOT_ID, team_id: FAKE_TEAM, team: 'Test Council', user: 'protocolbot' };
      case 'chat.postMessage':
        return this.post(p, undefined);
      case 'chat.postEphemeral': {
        const posted = this.post(p, String(p.user ?? ''));
        return posted.ok ? { ok: true, message_ts: posted.ts } : posted;
      }
      case 'chat.update': {
        const m = this.messages.find((x) => x.channel === p.channel && x.ts === p.ts);
        if (!m) return { ok: false, error: 'message_not_found' };
        if (p.text !== undefined) m.text = String(p.text);
        if (p.blocks !== undefined) m.blocks = p.blocks;
        m.updates += 1;
        return { ok: true, channel: m.channel, ts: m.ts, text: m.text };
      }
      case 'views.open':
        return p.trigger_id ? { ok: true, view: { id: `V${++this.ids}`, ...p.view } } : { ok: false, error: 'invalid_trigger_id' };
      case 'views.publish':
        return p.user_id ? { ok: true, view: { id: `V${++this.ids}`, ...p.view } } : { ok: false, error: 'invalid_arguments' };
      case 'views.update':
        return { ok: true, view: { id: p.view_id ?? `V${++this.ids}`, ...p.view } };
      case 'conversations.open': {
        const user = String(p.users ?? '').split(',')[0] ?? '';
        const u = this.users.get(user);
        if (!u) return { ok: false, error: 'user_not_found' };
        if (u.is_bot) return { ok: false, error: 'cannot_dm_bot' };
        return { ok: true, channel: { id: dmChannel(user) } };
      }
      case 'conversations.members': {
        const members = this.channelMembers.get(String(p.channel));
        if (!members) return { ok: false, error: 'channel_not_found' };
        return { ok: true, ...this.page(members, p) };
      }
      case 'conversations.history': {
        const oldest = Number(p.oldest ?? 0);
        const withMeta = p.include_all_metadata === true || p.include_all_metadata === 'true';
        const found = this.messages
          .filter((m) => m.channel === p.channel && !m.ephemeralFor && Number(m.ts) > oldest)
          .sort((a, b) => Number(b.ts) - Number(a.ts))
          .map((m) => ({ type: 'message', ts: m.ts, text: m.text, bot_id: FAKE_BOT_ID, ...(withMeta && m.metadata ? { metadata: m.metadata } : {}) }));
        const page = this.page(found, p);
        return { ok: true, messages: page.items, has_more: Boolean(page.response_metadata.next_cursor), response_metadata: page.response_metadata };
      }
      case 'users.list': {
        const page = this.page([...this.users.values()], p);
        return { ok: true, members: page.items, response_metadata: page.response_metadata };
      }
      case 'users.info': {
        const u = this.users.get(String(p.user));
        return u ? { ok: true, user: u } : { ok: false, error: 'user_not_found' };
      }
      case 'files.getUploadURLExternal': {
        const fileId = `F${++this.ids}`;
        return { ok: true, file_id: fileId, upload_url: `${this.uploadBase}/upload/${fileId}` };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (p.files ?? []).map((f: Json) => ({ id: f.id, title: f.title })) };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private post(p: Record<string, Json>, ephemeralFor: string | undefined): Json {
    let channel = String(p.channel ?? '');
    if (/^[UW]/.test(channel)) {
      const u = this.users.get(channel);
      if (!u) return { ok: false, error: 'channel_not_found' };
      if (u.is_bot) return { ok: false, error: 'cannot_dm_bot' };
      channel = dmChannel(channel);
    }
    if (!channel) return { ok: false, error: 'channel_not_found' };
    if (p.text === undefined && p.blocks === undefined) return { ok: false, error: 'no_text' };
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.tsCounter).padStart(6, '0')}`;
    const message: StoredMessage = {
      channel,
      ts,
      text: p.text,
      blocks: p.blocks,
      thread_ts: p.thread_ts,
      metadata: p.metadata,
      ephemeralFor,
      updates: 0,
    };
    this.messages.push(message);
    return { ok: true, channel, ts, message: { text: p.text, ts } };
  }

  private page<T>(all: T[], p: Record<string, Json>): Json {
    const limit = Math.min(Number(p.limit) || this.maxPage, this.maxPage);
    const start = p.cursor ? Number(Buffer.from(String(p.cursor), 'base64').toString('utf8').replace('offset:', '')) : 0;
    const items = all.slice(start, start + limit);
    const next = start + limit < all.length ? Buffer.from(`offset:${start + limit}`).toString('base64') : '';
    return { items, members: items, response_metadata: { next_cursor: next } };
  }
}
