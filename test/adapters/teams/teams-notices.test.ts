/**
 * End to end: officers file attendance notices from an Adaptive Card form in Teams; the real
 * outbox delivers through the Teams courier to every member of a paged team roster (fake
 * connector), members press "I've read this", and the filer sees progress and a final status.
 */
import { noticeMessages } from '../../../src/notices/notice-messages';
import { aNotice } from '../../builders/notice-builders';
import { aRoster } from '../../helpers/fake-bot-connector';
import { aCardSubmit, aCouncillor, anOfficer, aPersonalMessage, aTeamInstall, TEAM } from '../../helpers/teams-activities';
import { cardButtons, cardOf, cardTexts, startTeamsHarness, type TeamsHarness } from '../../helpers/teams-harness';

const officer = anOfficer();
const officerChat = `a:personal-${officer.id}`;
const councillorChat = `a:personal-${aCouncillor().id}`;

describe('Teams notices', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const say = (text: string, from = officer) => h.post(aPersonalMessage({ serviceUrl: h.connector.url, text, from }));
  const submit = (value: Record<string, unknown>, from = officer) => h.post(aCardSubmit({ serviceUrl: h.connector.url, value, from }));

  it('gives an officer the notice form: group, meeting date, officers, advice (required, multiline), information', async () => {
    await say('notice');
    const card = cardOf(h.takeSent(officerChat)[0])!;
    const inputs = Object.fromEntries(card.body.filter((e) => String(e.type).startsWith('Input.')).map((e) => [e.id, e]));
    expect(Object.keys(inputs)).toEqual(['group', 'meetingDate', 'officers', 'advice', 'information']);
    expect(inputs.meetingDate.type).toBe('Input.Date');
    expect(inputs.advice).toEqual(expect.objectContaining({ isMultiline: true, isRequired: true }));
    expect(inputs.information.isRequired).toBeUndefined();
    expect(cardButtons(card)).toEqual([{ title: 'File notice', data: { action: 'notice-submit' } }]);
  });

  it('sends the form back with an error under each rejected field, keeping what was typed; nothing is stored', async () => {
    await submit({ action: 'notice-submit', ...aNotice({ advice: '   ', meetingDate: '2026-02-30' }), group: 'Labour Group' });
    const card = cardOf(h.takeSent(officerChat)[0])!;
    const ids = card.body.map((e) => (e.type === 'TextBlock' ? `text:${e.text}` : `input:${e.id}`));
    const after = (field: string) => ids[ids.indexOf(`input:${field}`) + 1];
    expect(after('meetingDate')).toBe('text:Meeting date is not a real date.');
    expect(after('advice')).toBe('text:Advice given is required.');
    expect(after('group')).toBe('input:meetingDate');
    expect(card.body.find((e) => e.id === 'group').value).toBe('Labour Group');
    expect(await h.store.listNotices('model')).toHaveLength(0);
  });

  it('politely refuses a councillor the form, the submission, the register and the report; nothing is stored', async () => {
    const councillor = aCouncillor();
    await say('notice', councillor);
    await submit({ action: 'notice-submit', ...aNotice() }, councillor);
    await say('notices', councillor);
    await say('notices export', councillor);
    await say('report', councillor);
    const replies = h.takeSent(councillorChat).map((s) => s.activity.text);
    expect(replies).toEqual([
      noticeMessages.refusal,
      noticeMessages.refusal,
      noticeMessages.registerRefusal,
      noticeMessages.registerRefusal,
      expect.stringContaining('only officers can'),
    ]);
    expect(await h.store.listNotices('model')).toHaveLength(0);
  });

  it('delivers to every member of a paged roster exactly once, posts in the channel, and records "I\'ve read this"', async () => {
    const roster = aRoster(120);
    h.connector.setMembers(TEAM.id, roster, 50);
    expect((await h.post(aTeamInstall({ serviceUrl: h.connector.url }))).status).toBe(200);

    await submit({ action: 'notice-submit', ...aNotice({ group: 'Green Group' }) });
    const [filed] = h.takeSent(officerChat);
    expect(cardTexts(cardOf(filed))[0]).toContain('Notice filed: Green Group');

    // The filer's final status arrives once nothing is left to send.
    const final = await h.connector.waitFor((r) => r.path.startsWith(`/v3/conversations/${officerChat}/activities`) && r.method === 'POST' && JSON.stringify(r.body).includes('Delivery finished'));
    expect(JSON.stringify(final.body)).toContain('Delivered to 120 of 120');
    expect(h.connector.sentTo(officerChat).some((s) => s.kind === 'update' && s.id === filed!.id)).toBe(true);

    const pages = h.connector.requests.filter((r) => r.path === `/v3/conversations/${TEAM.id}/pagedmembers`);
    expect(pages.map((r) => r.query.get('continuationToken'))).toEqual([null, '50', '100']);

    for (const member of roster) {
      const dm = h.connector.sentTo(`a:dm-${member.id}`);
      expect(dm).toHaveLength(1);
    }
    const created = h.connector.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations' && r.status === 201);
    expect(created.map((r) => r.body.members[0].id).sort()).toEqual(roster.map((m) => m.id).sort());
    expect(created[0]!.body).toEqual(expect.objectContaining({ isGroup: false, tenantId: expect.any(String), bot: expect.objectContaining({ id: expect.stringMatching(/^28:/) }) }));
    expect(h.connector.sentTo(TEAM.id)).toHaveLength(1);

    const notice = (await h.store.listNotices('model'))[0]!.notice;
    const memberCard = cardOf(h.connector.sentTo(`a:dm-${roster[7]!.id}`)[0])!;
    expect(cardTexts(memberCard).join('\n')).toContain('Green Group');
    const ack = cardButtons(memberCard).find((b) => b.title === "I've read this")!;
    expect(ack.data).toEqual({ action: 'notice-ack', noticeId: notice.id });

    const member = { id: roster[7]!.id, aadObjectId: roster[7]!.aadObjectId, name: roster[7]!.name };
    await submit(ack.data, member);
    await submit(ack.data, member);
    expect(h.takeSent(`a:personal-${member.id}`).map((s) => s.activity.text)).toEqual([noticeMessages.acknowledged, noticeMessages.acknowledged]);
    const [row] = await h.store.listNotices('model');
    expect(row).toEqual(expect.objectContaining({ total: 121, delivered: 121, acknowledged: 1 }));
  });

  it('rides out a rate limit without sending twice, and reports a member it could not reach', async () => {
    const roster = aRoster(12);
    h.connector.setMembers(TEAM.id, roster, 50);
    await h.post(aTeamInstall({ serviceUrl: h.connector.url }));
    // The connector client itself retries a 429 three times; with four sends at once, 16 refusals
    // in a row are sure to exhaust one send's retries and reach the outbox as a rate limit.
    h.connector.failNext({ method: 'POST', path: '/v3/conversations' }, 429, { times: 16, retryAfterSeconds: 0 });
    h.connector.failNext({ method: 'POST', path: new RegExp(`^/v3/conversations/a:dm-${roster[3]!.id}/activities`) }, 403, { times: 1 });

    await submit({ action: 'notice-submit', ...aNotice() });
    const final = await h.connector.waitFor((r) => r.method === 'POST' && r.path.startsWith(`/v3/conversations/${officerChat}/`) && JSON.stringify(r.body).includes('Delivery finished'));
    const text = cardTexts(final.body.attachments[0].content).join('\n');
    expect(text).toContain('Delivered to 11 of 12');
    expect(text).toContain(`${roster[3]!.id} (teams): sending to the member: Bot Connector answered 403`);

    expect(h.connector.requests.some((r) => r.status === 429)).toBe(true);
    expect(h.logs.some((l) => l.msg === 'rate limited: courier paused' && l.code === 'DELIVERY_RATE_LIMITED')).toBe(true);
    expect(h.logs.some((l) => l.msg === 'delivery failed' && l.code === 'DELIVERY_PERMANENT')).toBe(true);
    for (const [i, member] of roster.entries()) {
      const delivered = h.connector.sentTo(`a:dm-${member.id}`).length;
      expect(delivered).toBe(i === 3 ? 0 : 1);
    }
  });

  it('lists the register and exports it as CSV for officers', async () => {
    await say('notices');
    expect(cardTexts(cardOf(h.takeSent(officerChat)[0]))).toEqual([noticeMessages.registerEmpty]);

    await submit({ action: 'notice-submit', ...aNotice({ group: 'Independent Group', advice: 'Reserves are £1.2m,\nnot £2m.' }) });
    // Delivery runs on after the filing reply; its progress update and final status go to the
    // filer too, so wait for them before reading the replies to the next commands.
    await h.connector.waitFor((r) => r.method === 'POST' && r.path.startsWith(`/v3/conversations/${officerChat}/`) && JSON.stringify(r.body).includes('Delivery finished'));
    h.takeSent(officerChat);
    await say('notices');
    const register = cardOf(h.takeSent(officerChat)[0]);
    expect(cardTexts(register).join('\n')).toContain('Independent Group');
    const exportButton = cardButtons(register).find((b) => b.data.command === 'notices export')!;

    await submit(exportButton.data);
    const [csv] = h.takeSent(officerChat);
    expect(csv!.activity.text).toMatch(/^Notices register as CSV:\n\n```\nfiled_at,meeting_date,group,/);
    expect(csv!.activity.text).toContain('"Reserves are £1.2m,\nnot £2m."');
  });

  it('shows officers the report of unanswered and not-helpful questions', async () => {
    await say('what is the capital of peru');
    h.takeSent(officerChat);
    await say('report');
    expect(cardTexts(cardOf(h.takeSent(officerChat)[0])).join('\n')).toContain('Unanswered');
  });
});
