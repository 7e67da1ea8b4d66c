/**
 * The /api/messages route itself: bodies it refuses, Teams' 15-second limit (the 200 goes back
 * while a slow reply is still being sent), and installation events that decide the notices team.
 */
import { aChannelMention, aCouncillor, aPersonalMessage, aTeamInstall, BOT, TEAM } from '../../helpers/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../../helpers/teams-harness';

describe('Teams /api/messages', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ respondWithinMs: 50 });
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses a body that is not JSON, not an activity, or too large, and sends nothing', async () => {
    const post = (body: string) => h.postRaw(body);
    expect((await post('{not json')).status).toBe(400);
    expect((await post('[1,2,3]')).status).toBe(400);
    expect((await post(JSON.stringify({ ...aPersonalMessage({ serviceUrl: h.connector.url, text: 'x'.repeat(2 * 1024 * 1024) }) }))).status).toBe(413);
    expect(h.connector.requests).toHaveLength(0);
  });

  it('acknowledges a slow turn before its reply has gone, then still sends the reply', async () => {
    const release = h.connector.hold({ method: 'POST', path: /activities/ });
    const activity = aPersonalMessage({ serviceUrl: h.connector.url, text: 'clause 3.3' });
    const res = await h.post(activity);
    expect(res.status).toBe(200);
    expect(h.connector.sentTo(`a:personal-${aCouncillor().id}`)).toHaveLength(0);

    release();
    const reply = await h.connector.waitFor((r) => r.path.startsWith(`/v3/conversations/a:personal-${aCouncillor().id}/activities`));
    expect(reply.status).toBe(201);
    expect(h.logs.some((l) => l.msg === 'Teams turn still running; acknowledged early to stay inside the 15 s limit')).toBe(true);
  });

  it('remembers the team the bot is installed in, keeps it when mentioned in another team, forgets it when removed', async () => {
    await h.post(aTeamInstall({ serviceUrl: h.connector.url }));
    const saved = () => h.store.getState('teams:team-target');
    expect(JSON.parse((await saved())!)).toEqual(expect.objectContaining({ teamId: TEAM.id, teamName: TEAM.name, conversationId: TEAM.id }));

    const elsewhere = aChannelMention({ serviceUrl: h.connector.url, text: 'help', channelId: '19:other@thread.tacv2' });
    (elsewhere.channelData as { team: { id: string } }).team.id = '19:other-team@thread.tacv2';
    await h.post(elsewhere);
    expect(JSON.parse((await saved())!).teamId).toBe(TEAM.id);

    const removal = { ...aTeamInstall({ serviceUrl: h.connector.url }), membersAdded: undefined, membersRemoved: [{ id: BOT.id }] };
    await h.post(removal);
    expect(await saved()).toBe('');
  });
});
