/**
 * End to end through the real botbuilder adapter: an officer's `forget <user id>` erases that
 * person's questions and feedback; a councillor is refused and nothing is erased; and with the
 * database down the user is told so plainly.
 */
import { failingStore, type FailingStore } from '../../helpers/failing-store';
import { aChannelMention, aCouncillor, anOfficer, aPersonalMessage } from '../../helpers/teams-activities';
import { cardOf, cardTexts, startTeamsHarness, type TeamsHarness } from '../../helpers/teams-harness';

const UNANSWERED = 'purple elephants dancing on the moon';
const personalChat = (user = aCouncillor()) => `a:personal-${user.id}`;

describe('Teams: an officer erases a person\'s records (forget <user id>)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const say = async (text: string, from = aCouncillor()) => {
    const res = await h.post(aPersonalMessage({ serviceUrl: h.connector.url, text, from }));
    expect(res.status).toBe(200);
    return h.takeSent(personalChat(from));
  };
  const councillorsQuestions = async () =>
    (await h.store.report('model', new Date(Date.now() - 3600_000))).filter((r) => r.question === UNANSWERED);

  it('erases a councillor\'s unanswered question for an officer', async () => {
    await say(UNANSWERED);
    expect(await councillorsQuestions()).toHaveLength(1);

    const [reply, ...more] = await say(`forget ${aCouncillor().id}`, anOfficer());

    expect(more).toHaveLength(0);
    expect(reply!.activity.text).toBe(
      `Erased 1 question and 0 feedback records for ${aCouncillor().id}. Notices, their deliveries and "I've read this" records are kept: they are the council's register.`,
    );
    expect(await councillorsQuestions()).toEqual([]);
  });

  it('refuses a councillor politely and erases nothing', async () => {
    await say(UNANSWERED);
    const other = aCouncillor({ id: '29:councillor-brown', aadObjectId: 'c0000000-0000-4000-8000-00000000c002', name: 'Cllr Brown' });

    const [reply] = await say(`forget ${aCouncillor().id}`, other);

    expect(reply!.activity.text).toBe("Sorry, only officers can erase a person's questions and feedback. If you think you should be able to, please ask the Clerk.");
    expect(await councillorsQuestions()).toHaveLength(1);
  });

  it('gives an officer the usage line for a bare "forget", and lists it in help', async () => {
    const [usage] = await say('forget', anOfficer());
    expect(usage!.activity).toMatchObject({ textFormat: 'plain', text: "forget <user id>: erases that person's questions and feedback; the notices register is kept." });

    const mention = aChannelMention({ serviceUrl: h.connector.url, text: 'help', from: anOfficer() });
    await h.post(mention);
    const texts = cardTexts(cardOf(h.takeSent(mention.conversation.id)[0]));
    const officersLine = texts.findIndex((t) => t.startsWith('- Officers:'));
    expect(texts[officersLine + 1]).toBe("- Officers: forget <user id> erases that person's questions and feedback (the notices register is kept).");
  });
});

describe('Teams: the database is not answering', () => {
  let h: TeamsHarness;
  let database: FailingStore;
  beforeAll(async () => {
    h = await startTeamsHarness({
      wrapStore: (real) => {
        database = failingStore(real);
        return database.store;
      },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('tells the officer the records are not answering, with no detail, and logs it at error level', async () => {
    database.failing.add('report');

    await h.post(aPersonalMessage({ serviceUrl: h.connector.url, text: 'report', from: anOfficer() }));

    const [reply, ...more] = h.takeSent(personalChat(anOfficer()));
    expect(more).toHaveLength(0);
    expect(reply!.activity.text).toBe(
      'The bot\'s records are not answering just now, so this could not be done. If you were filing a notice, check the register (type "notices") before trying again.',
    );
    expect(JSON.stringify(reply!.activity)).not.toMatch(/PostgreSQL|ECONNREFUSED|Error|at .*\.ts/);
    const logged = h.logs.find((l) => l.msg === 'Teams turn failed');
    expect(logged).toMatchObject({ level: 50, storeFailure: true, err: { code: 'STORE_FAILURE' } });
  });
});
