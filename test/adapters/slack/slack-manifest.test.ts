/**
 * The Slack app manifest asks for exactly the scopes the adapter's Web API calls and events need,
 * and points events, the slash command and interactivity at /slack/events.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ADAPTER_DIR = 'adapters/slack';
const manifest = parse(readFileSync(join(ADAPTER_DIR, 'manifest.yml'), 'utf8'));
const source = readdirSync(ADAPTER_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(ADAPTER_DIR, f), 'utf8'))
  .join('\n');

/** Bot scopes each Web API method needs (https://docs.slack.dev/reference/methods). */
const METHOD_SCOPES: Record<string, string[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'views.open': [],
  'views.publish': [],
  'views.update': [],
  'conversations.open': ['im:write'],
  'conversations.members': ['channels:read', 'groups:read'],
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'users.list': ['users:read'],
  filesUploadV2: ['files:write'],
};
const EVENT_SCOPES: Record<string, string[]> = { app_mention: ['app_mentions:read'], 'message.im': ['im:history'], app_home_opened: [] };

describe('Slack app manifest', () => {
  const methodsUsed = [
    ...new Set([...source.matchAll(/\.(chat|views|conversations|users)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`)),
    ...(source.includes('.filesUploadV2(') ? ['filesUploadV2'] : []),
  ].sort();

  it('knows the scope of every Web API method the adapter calls', () => {
    expect(methodsUsed.filter((m) => !(m in METHOD_SCOPES))).toEqual([]);
    expect(methodsUsed.length).toBeGreaterThan(8);
  });

  it('asks for exactly the scopes those methods, its events and /protocol need', () => {
    const needed = new Set(['commands', ...methodsUsed.flatMap((m) => METHOD_SCOPES[m]!)]);
    for (const event of manifest.settings.event_subscriptions.bot_events as string[]) for (const s of EVENT_SCOPES[event] ?? ['?']) needed.add(s);

    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('subscribes to the events the adapter listens for', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    for (const event of ['app_mention', 'message', 'app_home_opened']) expect(source).toContain(`app.event('${event}'`);
  });

  it('sends events, /protocol and interactivity to /slack/events, with the Home and Messages tabs on', () => {
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: '/protocol', url: 'https://YOUR-HOST/slack/events' })]);
    expect(manifest.settings.event_subscriptions.request_url).toBe('https://YOUR-HOST/slack/events');
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://YOUR-HOST/slack/events' });
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});
