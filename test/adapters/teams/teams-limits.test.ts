/**
 * Who may do what in Teams: "Ask the Clerk" at most three times in ten minutes per person (then a
 * polite reply and nothing forwarded), and "I've read this" counted only from someone the notice
 * was sent to.
 */
import { noticeMessages } from '../../../src/notices/notice-messages';
import { aNotice } from '../../builders/notice-builders';
import { aCardSubmit, aCouncillor, anOfficer } from '../../helpers/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../../helpers/teams-harness';

const councillor = aCouncillor();
const councillorChat = `a:personal-${councillor.id}`;

describe('Teams: per-user limits and recipients', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('forwards Ask the Clerk three times, then says why it did not forward the fourth', async () => {
    const ask = { action: 'ask-clerk', council: 'model', question: 'who do I complain to about the deputy clerk?', clauseId: null };
    const officerDm = `a:dm-${anOfficer().aadObjectId}`;
    h.takeSent(officerDm);

    for (let i = 0; i < 4; i += 1) await h.post(aCardSubmit({ serviceUrl: h.connector.url, value: ask, from: councillor }));

    const replies = h.takeSent(councillorChat).map((s) => String(s.activity.text));
    expect(replies.slice(0, 3)).toEqual(Array(3).fill('I have sent your question to the Clerk, with my best match. They will come back to you.'));
    expect(replies[3]).toContain('You have asked the Clerk 3 times in the last 10 minutes');
    expect(h.takeSent(officerDm)).toHaveLength(3);
  });

  it('does not count "I\'ve read this" from someone the notice was not sent to', async () => {
    const filed = await h.notices.file(aNotice(), { platform: 'teams', userId: anOfficer().id, role: 'officer' });
    if (!filed.ok) throw new Error('notice not filed');

    await h.post(aCardSubmit({ serviceUrl: h.connector.url, value: { action: 'notice-ack', noticeId: filed.notice.id }, from: councillor }));

    const reply = String(h.takeSent(councillorChat).at(-1)?.activity.text);
    expect(reply).toBe('I have not recorded that: this notice was not sent to you.');
    expect(reply).not.toBe(noticeMessages.acknowledged);
    const [row] = (await h.store.listNotices('model')).filter((r) => r.notice.id === filed.notice.id);
    expect(row!.acknowledged).toBe(0);
  });
});
