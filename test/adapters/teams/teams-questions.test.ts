/**
 * End to end: Teams activities posted to /api/messages, answered by the real core, replies read
 * from the fake Bot Connector. Personal chat, channel @mentions, group and meeting chats, buttons.
 */
import type { Answer } from '../../../src/answer/answer-model';
import type { ProtocolCore } from '../../../src/core';
import { messages } from '../../../src/messages';
import { aCardSubmit, aChannelMention, aCouncillor, aGroupChatMention, anOfficer, aPersonalMessage, BOT, TEAM } from '../../helpers/teams-activities';
import { cardButtons, cardOf, cardTexts, startTeamsHarness, type TeamsHarness } from '../../helpers/teams-harness';

/**
 * Questions the model protocol answers; the search is tuned by others, so each test takes the first
 * one the core answers as it needs and checks the card against the core's own answer.
 */
const QUESTIONS = [
  "I chair finance - can I get the clerk to help with my party's campaign leaflet?",
  'is the clerk supposed to stay politically neutral?',
  'who do I complain to about the deputy clerk?',
  'do councillors have to use a council email address?',
  'wat can officers expet from us',
  'victimisation',
  'bullied',
  'a councillor keeps bullying the assistant clerk, is that allowed?',
];

function questionWhere(core: ProtocolCore, wanted: (a: Answer) => boolean): { text: string; answer: Answer } {
  for (const text of QUESTIONS) {
    const answer = core.ask({ council: 'model', role: 'councillor', text });
    if (wanted(answer)) return { text, answer };
  }
  throw new Error('none of the test questions gets the answer this test needs from the core any more; add one that does');
}

describe('Teams questions and answers', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  function personalChat(user = aCouncillor()) {
    return `a:personal-${user.id}`;
  }

  it('answers a question in the personal chat with a card: council, clause, verbatim text, escalation, buttons', async () => {
    // A complaint shows the whole escalation route; the whole clause is shown when no item is the focus.
    const { text, answer } = questionWhere(h.core, (a) => a.kind === 'answer' && a.escalation.steps.length > 0 && !a.focus);
    const activity = aPersonalMessage({ serviceUrl: h.connector.url, text });
    const res = await h.post(activity);
    expect(res.status).toBe(200);

    const [reply, ...more] = h.takeSent(personalChat());
    expect(more).toHaveLength(0);
    expect(reply!.replyToId).toBe(activity.id);
    expect(reply!.activity.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = cardOf(reply)!;
    expect(Number((card as unknown as { version: string }).version)).toBeLessThanOrEqual(1.5);
    const texts = cardTexts(card);
    const clause = answer.clauses[0]!;
    expect(texts[0]).toContain(h.core.protocol('model').name);
    expect(texts).toContain(`Clause ${clause.id}: ${clause.heading}`);
    expect(texts.join('\n')).toContain(clause.text.split('\n')[0]);
    expect(texts).toContain('If this cannot be resolved informally');
    expect(texts.some((t) => t.startsWith('If this can\'t be resolved informally, as a councillor'))).toBe(true);
    // Related clauses, if any, come first as buttons; the answer's own buttons end the card.
    expect(cardButtons(card).map((b) => b.title).slice(-3)).toEqual(['👍 Helpful', '👎 Not helpful', 'Ask the Clerk']);
  });

  it('quotes both clauses of a close call in one card, the closer match first', async () => {
    const text = 'can an officer be friends with a councillor';
    const answer = h.core.ask({ council: 'model', role: 'councillor', text });
    const second = answer.closeCall?.clause;
    expect(second).toBeDefined();
    const activity = aPersonalMessage({ serviceUrl: h.connector.url, text });
    await h.post(activity);

    const [reply] = h.takeSent(personalChat());
    const texts = cardTexts(cardOf(reply));
    const lead = texts.indexOf(messages.closeCallLead);
    const then = texts.indexOf(messages.closeCallSecond);
    expect(lead).toBeGreaterThanOrEqual(0);
    expect(then).toBeGreaterThan(lead);
    expect(texts.slice(lead, then).join('\n').toLowerCase()).toContain(`clause ${answer.clauses[0]!.id}`);
    expect(texts.slice(then).join('\n').toLowerCase()).toContain(`clause ${second!.id}`);
    expect(cardButtons(cardOf(reply)).filter((b) => b.title === messages.showWholeClause).map((b) => b.data.id)).toContain(second!.id);
  });

  it('strips the @mention in a team channel and replies in the thread', async () => {
    // "help" is only a command when it is the whole message, so this fails if the mention stays.
    const activity = aChannelMention({ serviceUrl: h.connector.url, text: 'help' });
    await h.post(activity);
    const [reply] = h.takeSent(activity.conversation.id);
    expect(reply!.replyToId).toBe(activity.id);
    expect(cardTexts(cardOf(reply)).join('\n')).toContain('notices export');
  });

  it('answers an @mention in a group chat and in a meeting chat', async () => {
    for (const meeting of [false, true]) {
      const activity = aGroupChatMention({ serviceUrl: h.connector.url, text: 'help', meeting });
      await h.post(activity);
      const [reply] = h.takeSent(activity.conversation.id);
      expect(reply!.replyToId).toBe(activity.id);
      expect(cardTexts(cardOf(reply)).join('\n')).toContain('notices export');
    }
  });

  it('looks up a clause by number and offers the clauses within it', async () => {
    await h.post(aPersonalMessage({ serviceUrl: h.connector.url, text: 'section 2' }));
    const card = cardOf(h.takeSent(personalChat())[0]);
    expect(cardTexts(card)).toContain(`Clause 2: ${h.core.clause('model', '2')!.heading}`);
    const within = cardButtons(card).filter((b) => b.data.action === 'clause');
    const children = h.core.protocol('model').clauses.filter((c) => c.parent === '2');
    expect(children.length).toBeGreaterThan(0);
    expect(within.map((b) => b.data.id)).toEqual(children.map((c) => c.id).slice(0, 8));
  });

  it('opens a related clause when its button is pressed', async () => {
    const { text } = questionWhere(h.core, (a) => a.kind === 'answer' && a.related.length > 0);
    await h.post(aPersonalMessage({ serviceUrl: h.connector.url, text }));
    const related = cardButtons(cardOf(h.takeSent(personalChat())[0])).filter((b) => b.data.action === 'clause');
    expect(related.length).toBeGreaterThan(0);
    const pressed = related[0]!;

    await h.post(aCardSubmit({ serviceUrl: h.connector.url, value: pressed.data }));
    const card = cardOf(h.takeSent(personalChat())[0]);
    const id = String(pressed.data.id);
    expect(cardTexts(card)).toContain(`Clause ${id}: ${h.core.clause('model', id)!.heading}`);
    expect(cardButtons(card).some((b) => b.data.action === 'feedback')).toBe(false);
  });

  it('shows help with the officers\' commands and the sections as buttons', async () => {
    await h.post(aPersonalMessage({ serviceUrl: h.connector.url, text: 'help' }));
    const card = cardOf(h.takeSent(personalChat())[0]);
    const text = cardTexts(card).join('\n');
    expect(text).toContain('notices export');
    expect(text).toContain('2.4');
    expect(cardButtons(card).map((b) => b.data.id)).toEqual(h.core.sections('model').map((s) => s.id));
  });

  it('says a clause does not exist and offers the nearest', async () => {
    await h.post(aPersonalMessage({ serviceUrl: h.connector.url, text: '9.9' }));
    const card = cardOf(h.takeSent(personalChat())[0]);
    expect(cardTexts(card).join('\n')).toContain('There is no clause 9.9');
    expect(cardButtons(card).filter((b) => b.data.action === 'clause').length).toBeGreaterThan(0);
  });

  it('replies in plain words to input it cannot read, and records unanswered questions', async () => {
    await h.post(aPersonalMessage({ serviceUrl: h.connector.url, text: '👍' }));
    const [invalid] = h.takeSent(personalChat());
    expect(invalid!.activity.attachments ?? []).toHaveLength(0);
    expect(invalid!.activity.text).toBe(messages.unreadable);

    await h.post(aPersonalMessage({ serviceUrl: h.connector.url, text: "what's the weather doing tomorrow" }));
    const card = cardOf(h.takeSent(personalChat())[0]);
    expect(cardTexts(card).join('\n')).toContain('I could not find anything');
    const report = await h.store.report('model', new Date(0));
    expect(report).toContainEqual(expect.objectContaining({ kind: 'unanswered', question: "what's the weather doing tomorrow" }));
  });

  it('shows the question as text: mentions, links and formatting a user typed are neutralised', async () => {
    const typed = 'asdf <at>Everyone</at> [click me](https://evil.example) **now**';
    await h.post(aPersonalMessage({ serviceUrl: h.connector.url, text: typed }));
    const asked = cardTexts(cardOf(h.takeSent(personalChat())[0])).find((t) => t.startsWith('You asked:'))!;
    expect(asked).not.toMatch(/<at>|\[click me\]\(|\*\*/);
    expect(asked).toContain('Everyone');
    expect(asked).toContain('https://evil.example');
  });

  it('stores Helpful and Not helpful feedback', async () => {
    // A complaint shows the whole escalation route; the whole clause is shown when no item is the focus.
    const { text, answer } = questionWhere(h.core, (a) => a.kind === 'answer' && a.escalation.steps.length > 0 && !a.focus);
    await h.post(aPersonalMessage({ serviceUrl: h.connector.url, text }));
    const buttons = cardButtons(cardOf(h.takeSent(personalChat())[0]));
    const notHelpful = buttons.find((b) => b.title.includes('Not helpful'))!;

    await h.post(aCardSubmit({ serviceUrl: h.connector.url, value: notHelpful.data }));
    expect(h.takeSent(personalChat())[0]!.activity.text).toBe('Thanks, your feedback has been noted.');
    const report = await h.store.report('model', new Date(0));
    expect(report).toContainEqual(expect.objectContaining({ kind: 'not-helpful', question: text, clauseId: answer.clauses[0]!.id }));
  });

  it('forwards Ask the Clerk to the first officer in a 1:1 chat and tells the asker', async () => {
    await h.post(aPersonalMessage({ serviceUrl: h.connector.url, text: 'who do I complain to about the deputy clerk?' }));
    const ask = cardButtons(cardOf(h.takeSent(personalChat())[0])).find((b) => b.title === 'Ask the Clerk')!;

    await h.post(aCardSubmit({ serviceUrl: h.connector.url, value: ask.data }));
    expect(h.takeSent(personalChat())[0]!.activity.text).toBe('I have sent your question to the Clerk, with my best match. They will come back to you.');
    const created = h.connector.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations');
    expect(created.at(-1)!.body.members[0].id).toBe(anOfficer().aadObjectId);
    const forwarded = cardTexts(cardOf(h.takeSent(`a:dm-${anOfficer().aadObjectId}`)[0])).join('\n');
    expect(forwarded).toContain('who do I complain to about the deputy clerk?');
    expect(forwarded).toContain('Cllr Jones (councillor)');
  });

  it('answers a repeated activity id once', async () => {
    const activity = aPersonalMessage({ serviceUrl: h.connector.url, text: 'clause 3.3' });
    expect((await h.post(activity)).status).toBe(200);
    expect((await h.post(activity)).status).toBe(200);
    expect(h.takeSent(personalChat())).toHaveLength(1);
  });

  it('the bot mentioned in a channel it is installed in remembers the team for notices', async () => {
    const saved = JSON.parse((await h.store.getState('teams:team-target'))!);
    expect(saved).toEqual(expect.objectContaining({ teamId: TEAM.id, conversationId: TEAM.id, serviceUrl: h.connector.url, bot: expect.objectContaining({ id: BOT.id }) }));
  });
});

describe('Ask the Clerk, other routes', () => {
  const askClerk = async (h: TeamsHarness) => {
    const question = aChannelMention({ serviceUrl: h.connector.url, text: 'who do I complain to about the deputy clerk?' });
    await h.post(question);
    const ask = cardButtons(cardOf(h.connector.activities.at(-1))).find((b) => b.title === 'Ask the Clerk')!;
    await h.post(aCardSubmit({ serviceUrl: h.connector.url, value: ask.data, like: question }));
    return h.connector.activities.at(-1)!.activity.text as string;
  };

  it('goes to TEAMS_ESCALATION_CONVERSATION when it is set', async () => {
    const h = await startTeamsHarness({ config: { escalationConversation: '19:democratic-services@thread.tacv2' } });
    try {
      expect(await askClerk(h)).toBe('I have sent your question to the Clerk, with my best match. They will come back to you.');
      const [forwarded] = h.connector.sentTo('19:democratic-services@thread.tacv2');
      const text = cardTexts(cardOf(forwarded)).join('\n');
      expect(text).toContain('who do I complain to about the deputy clerk?');
      expect(text).toContain(`a channel of the ${TEAM.name} team`);
      expect(h.connector.requests.some((r) => r.path === '/v3/conversations')).toBe(false);
    } finally {
      await h.close();
    }
  });

  it("opens the 1:1 with the officer's Teams user id once the officer has used the bot", async () => {
    const h = await startTeamsHarness();
    try {
      await h.post(aPersonalMessage({ serviceUrl: h.connector.url, text: 'help', from: anOfficer() }));
      await askClerk(h);
      const created = h.connector.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations');
      expect(created.map((r) => r.body.members[0].id)).toEqual([anOfficer().id]);
      expect(h.connector.sentTo(`a:dm-${anOfficer().id}`)).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it('says so when there is nobody to forward to', async () => {
    const h = await startTeamsHarness({ config: { officerIds: [] } });
    try {
      expect(await askClerk(h)).toBe('I am not set up to forward questions to the Clerk yet. Please contact the Clerk directly.');
    } finally {
      await h.close();
    }
  });
});

describe('Teams errors', () => {
  it('a failing turn is logged and the user told only that something went wrong', async () => {
    const h = await startTeamsHarness();
    try {
      await h.breakStore();
      const activity = aPersonalMessage({ serviceUrl: h.connector.url, text: 'clause 3.3' });
      const res = await h.post(activity);
      expect(res.status).toBe(200);
      const [reply, ...more] = h.takeSent(`a:personal-${aCouncillor().id}`);
      expect(more).toHaveLength(0);
      expect(reply!.activity.text).toBe(messages.somethingWentWrong);
      expect(JSON.stringify(reply!.activity)).not.toMatch(/database|sqlite|Error|stack|at .*\.ts/i);
      const logged = h.logs.find((l) => l.msg === 'Teams turn failed');
      expect(logged).toBeDefined();
      expect(JSON.stringify(logged)).toMatch(/database/i);
    } finally {
      await h.close();
    }
  });
});
