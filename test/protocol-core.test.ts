import { readFileSync } from 'node:fs';
import { UnknownCouncilError, UnknownRoleError } from '../src/errors';
import { CLOSE_CALL_RATIO, loadCore } from '../src/protocol-core';
import type { Role } from '../src/protocol/model';

const core = loadCore('content', 'model');
const ask = (council: string, text: string, role: Role = 'councillor') => core.ask({ council, role, text });
/** What a council gets from the shared knowledge alone, with no hints file (as a newly imported one does). */
const bare = loadCore('content', 'model', { hints: false });
const askBare = (council: string, text: string) => bare.ask({ council, role: 'councillor', text });

/** The seed text with whitespace collapsed, to check that quoted text is the council's own. */
function seed(file: string): string {
  return readFileSync(`test/importer/fixtures/seeds/${file}`, 'utf8').replace(/\s+/g, ' ');
}

describe('answers', () => {
  it('quotes the best clause verbatim with its number, heading and council', () => {
    const a = ask('hexham', 'can I ask the clerk to help with my campaign leaflet?');
    expect(a).toMatchObject({ kind: 'answer', confident: true, council: { id: 'hexham', name: 'Hexham Town Council' } });
    expect(a.clauses[0]).toMatchObject({ id: '2.3', heading: 'Chairmen and Vice Chairmen' });
    expect(seed('000_6fe040bc71789c11.txt')).toContain(a.clauses[0]!.text.split('\n')[0]!.replace(/\s+/g, ' '));
    expect(a.clauses.length).toBeLessThanOrEqual(3);
    expect(a.related.map((r) => r.id)).toEqual(a.clauses.slice(1).map((c) => c.id));
    expect(a.closeCall).toBeUndefined();
  });

  it('quotes a close runner-up beside the answer as a close call, and only when it scores nearly as well', () => {
    const close = ask('model', 'can an officer be friends with a councillor');
    expect(close.clauses.map((c) => c.id).slice(0, 2)).toEqual(['1.3', '3.3']);
    expect(close.closeCall?.clause).toEqual(close.clauses[1]);
    expect(close.closeCall!.clause.score).toBeGreaterThanOrEqual(CLOSE_CALL_RATIO * close.clauses[0]!.score);
    expect(close.closeCall?.focus).toMatchObject({ clauseId: '3.3', itemId: '3.3(1)' });
    expect(close.related.map((r) => r.id)).not.toContain('3.3');
    // bfstc 2.5 trails 3 at half its score: related, not a close call.
    const clear = ask('bfstc', 'can i aks the clerk to atend our groop meeting');
    expect(clear.clauses.map((c) => c.id)).toEqual(['3', '2.5']);
    expect(clear.closeCall).toBeUndefined();
    expect(clear.related.map((r) => r.id)).toEqual(['2.5']);
    // A look-up by number is never a close call.
    expect(ask('model', '3.3').closeCall).toBeUndefined();
  });

  it('lands typo-ridden questions', () => {
    expect(ask('bfstc', 'can i aks the clerk to atend our groop meeting').clauses[0]?.id).toBe('3');
  });

  it('gives the escalation path for the asker role, marking the step that governs the clause', () => {
    const councillor = ask('bfstc', 'I am dissatisfied with the performance of an officer');
    const officer = ask('bfstc', 'I am dissatisfied with the performance of an officer', 'officer');
    expect(councillor.escalation.role).toBe('councillor');
    expect(officer.escalation.role).toBe('officer');
    expect(councillor.escalation.text).not.toEqual(officer.escalation.text);
    expect(councillor.escalation.steps.some((s) => s.clause === '4.2')).toBe(true);
    expect(councillor.escalation.steps.some((s) => s.appliesHere)).toBe(true);
  });

  it('marks a default route as a council setting where the protocol has none', () => {
    const a = ask('model', 'the clerk is ignoring my emails');
    expect(a.escalation.isCouncilSetting).toBe(true);
    expect(a.escalation.text).toMatch(/council setting/);
    expect(ask('hexham', 'the clerk is ignoring my emails').escalation.isCouncilSetting).toBe(false);
  });

  it('answers "who do I complain to" with the council route when the protocol has no provision', () => {
    const a = ask('honiton', 'how do I make a formal complaint about the town clerk');
    expect(a).toMatchObject({ kind: 'no-match', confident: false, clauses: [] });
    expect(a.message).toMatch(/does not itself say/);
    expect(a.escalation.steps.length).toBeGreaterThan(0);
  });

  it('answers "who do I take this to?" about staff with the protocol\'s own escalation clause', () => {
    expect(ask('hexham', 'not happy with how the caretaker spoke to a hirer. who do i take this to?').clauses[0]?.id).toBe('5.3');
    expect(ask('bfstc', 'the clerk is being rude to me, how do i make a formal complaint').clauses[0]?.id).toBe('4.2');
    // Spoken as an officer, the officer's provisions and path apply.
    const officer = ask('bfstc', 'deputy clerk here. a cllr has been really aggressive with me. what can I do about it?');
    expect(officer.clauses[0]?.id).toBe('4.1');
    expect(officer.escalation.role).toBe('officer');
  });

  it('keeps the clause that answers first when a councillor asks only what to do, not where to take it', () => {
    expect(ask('borough', 'a journalist rang me about the budget, what do i do').clauses[0]?.id).toBe('8.1');
    expect(ask('bfstc', 'i was refused access to a document, what can i do').clauses[0]?.id).toBe('2.3');
    // Being treated badly, or a first step that failed, is still taken where the protocol says.
    expect(ask('bfstc', 'the clerk is being rude to me, what can i do').clauses[0]?.id).toBe('4.2');
  });

  it('answers an officer asking who to tell about a councillor\'s behaviour with the officers\' procedure', () => {
    const q = 'staff member here - a councillor shouted at me in the office yesterday. who do i tell';
    expect(ask('bfstc', q).clauses[0]?.id).toBe('4.1');
    expect(ask('hexham', q).clauses[0]?.id).toBe('5.1');
  });

  // Neighbouring matters in everyday words (round 15 session): housing, staff's right to work, funding, the open register.
  it.each([
    ['hexham', 'a family has been sleeping rough behind the library, can the council put them up somewhere?', /council services/],
    ['bfstc', 'what checks do we need to prove the new cleaner has the right to work here?', /staff pay and terms/],
    ['honiton', 'the youth club asked if we could fund their minibus trip, could we fund that?', /grants and funding/],
    ['borough', 'how do I get taken off the open register?', /elections/],
    ['borough', 'an old chap in my ward died with no money. who pays to bury him?', /council services/],
    ['hexham', 'can a councillor be taken off the register of interests', /registers of interests/],
    // Round 16 session: mud left on the road, and leave without pay.
    ['model', 'the diggers from the new estate are leaving mud all over the road, who gets it cleaned up?', /council services/],
    ['honiton', 'our caretaker wants a career break next spring, do we have to give it to him?', /staff pay and terms/],
  ])('declines a neighbouring matter with where to look (%s: %s)', (council, text, where) => {
    expect(ask(council, text)).toMatchObject({ kind: 'declined', confident: false, message: expect.stringMatching(where) });
  });

  it.each([
    ['hexham', 'who do I complain to about the noise from the pub'],
    ['honiton', "when's the next full town council meeting?"],
    ['hexham', 'where is the town council office?'],
    ['honiton', "What are the Town Clerk's office opening hours?"],
    ['hexham', 'where do i report a pothole'],
    ['borough', 'how do I pay my council tax online?'],
    ['bfstc', 'good morning all'],
    ['borough', 'lorem ipsum dolor sit'],
    ['model', "what's the weather doing tomorrow"],
    ['hexham', 'when is the green bin collected'],
    ['honiton', 'recipe for lemon drizzle cake'],
    ['hexham', 'can i use my gmail for council stuff'],
    ['model', 'asdf qwer'],
  ])('does not answer an off-topic question confidently (%s: %s)', (council, text) => {
    const a = ask(council, text);
    expect(a.confident).toBe(false);
    expect(a.kind).not.toBe('answer');
    expect(a.message).toBeTruthy();
    // Nothing found shows the whole route; a declined matter or small talk points elsewhere in its message.
    if (a.kind === 'no-match') expect(a.escalation.steps.length).toBeGreaterThan(0);
    else expect(['declined', 'smalltalk', 'invalid']).toContain(a.kind);
  });
});

describe('a story about conduct that passes through a neighbouring matter', () => {
  it('is answered from the protocol when it asks whether the conduct is acceptable', () => {
    // Pay and the press are neighbouring matters; what the member did with them is conduct.
    for (const [council, text] of [
      ['hexham', 'officer here - a cllr passed my email about my sick pay round his group. is that allowed?'],
      ['honiton', 'assistant clerk here. a cllr forwards my emails to the local paper. is that acceptable?'],
    ] as const) {
      const a = ask(council, text);
      expect(a).toMatchObject({ kind: 'answer', confident: true });
      expect(a.clauses[0]?.id).toBe('3.2');
    }
  });

  it('still declines asking for the neighbouring matter itself', () => {
    const a = ask('bfstc', 'is it ok for me to claim travel expenses for the conference?');
    expect(a).toMatchObject({ kind: 'declined', confident: false });
    expect(a.message).toMatch(/allowances/);
  });
});

describe('where a member of staff a member mistreats can go, asked by someone else', () => {
  it("shows the officers' route, not the councillors'", () => {
    const a = ask('bfstc', 'a councillor keeps shouting at our receptionist. where can she take it?');
    expect(a.escalation.text).toMatch(/as an officer/);
    expect(a.escalation.text).toMatch(/grievance procedure/);
    expect(a.clauses[0]?.id).toBe('4.1');
    expect(ask('borough', 'one of the members has been humiliating the apprentice in front of everyone, where does she go with that?').escalation.text).toMatch(/grievance against a Member/);
  });
});

describe('clause lookups', () => {
  it.each([
    ['hexham', '2.4', '2.4'],
    ['hexham', 'clause 3.1(e)', '3.1(e)'],
    ['hexham', 'para 3.1 e', '3.1(e)'],
    ['borough', 'section 4', '4'],
    ['model', 'what does 2.2.3 say?', '2.2.3'],
  ])('%s %s -> %s', (council, text, id) => {
    const a = ask(council, text);
    expect(a).toMatchObject({ kind: 'lookup', confident: true });
    expect(a.clauses[0]?.id).toBe(id);
  });

  it('quotes a list item on its own', () => {
    const a = ask('hexham', '3.1(e)');
    expect(a.clauses[0]?.text).toBe('Professional advice, not influenced by political views or preferences');
  });

  it('shows the clauses inside a number the document does not use itself', () => {
    const a = ask('bfstc', 'clause 2.4');
    expect(a.kind).toBe('lookup');
    expect(a.clauses.map((c) => c.id)).toEqual(['2.4.1', '2.4.2']);
  });

  it('says a number does not exist and lists the nearest', () => {
    const a = ask('hexham', 'clause 2.9');
    expect(a).toMatchObject({ kind: 'unknown-clause', confident: false, clauses: [] });
    expect(a.message).toMatch(/There is no clause 2.9/);
    expect(a.nearest.length).toBeGreaterThan(0);
    expect(a.nearest.every((n) => n.id.startsWith('2'))).toBe(true);
    expect(ask('model', '2.2.1').kind).toBe('unknown-clause');
    expect(ask('hexham', '3.1(z)').kind).toBe('unknown-clause');
  });

  it('answers a question that names a number the document lacks by saying so, never with another clause', () => {
    for (const text of ['someone in the chamber swore we have a 7.2, do we?', 'our group keeps citing 4.6 at me, what does it actually cover']) {
      const a = ask('hexham', text);
      expect(a).toMatchObject({ kind: 'unknown-clause', confident: false, clauses: [] });
      expect(a.message).toMatch(/There is no clause/);
    }
  });

  it('shows the clause a question names when the words alone find nothing better', () => {
    for (const text of ['can you put 3.2 on the projector for everyone', 'chuck 1.2 on the big screen for the meeting']) {
      const a = ask('model', text);
      expect(a.confident).toBe(true);
      expect(a.clauses[0]?.id).toBe(text.includes('3.2') ? '3.2' : '1.2');
    }
    // An item named by a word after its clause.
    expect(ask('hexham', '3.1 bit e please').clauses[0]?.id).toBe('3.1(e)');
  });

  it('shows a clause named by number even when the rest of the question names a neighbouring matter', () => {
    // "newspaper" and "correspondence" alone would be declined as matters the protocol does not cover.
    expect(ask('model', 'model 1.2 as a newspaper headline please')).toMatchObject({ kind: 'lookup', clauses: [{ id: '1.2' }] });
    expect(ask('hexham', 'hexham 2.3, my printed copy of the correspondence part is torn. what does it say?').clauses[0]?.id).toBe('2.3');
  });

  it('answers a question about a party group from the protocol, whatever neighbouring matter the group is dealing with', () => {
    // "budget" and "motion" alone would be declined; the group's request is the protocol's matter.
    for (const a of [ask, askBare]) {
      expect(a('borough', 'if the labour group asks the head of finance for advice on the budget will we get to see that advice').clauses[0]?.id).toBe('2.4');
      expect(a('bfstc', 'clerk here. the labour group want me at their meeting to help word a motion on the bypass. can i turn that down?').clauses[0]?.id).toBe('3');
    }
  });

  it('reads the right to work as staff terms only as the check an employer makes', () => {
    expect(askBare('hexham', 'do councillors have the right to work directly with the deputy clerk').kind).not.toBe('declined');
  });

  it('reads a planning committee and an election agent as people and places in the story, not planning or elections (round 16 session)', () => {
    expect(askBare('borough', 'at planning committee the chair kept cracking jokes with the case officer, is that ok?').kind).not.toBe('declined');
    expect(askBare('borough', 'the new head of housing was the leader\'s election agent once, can she still advise the opposition fairly?').kind).not.toBe('declined');
  });

  it('answers a chair dealing with a member of staff\'s grievance alone from the clause that leaves it to a small group (round 16 session)', () => {
    expect(askBare('hexham', "can the chairwoman sort out the admin assistant's grievance by herself?").clauses[0]?.id).toBe('5.2');
  });

  it('judges a member\'s conduct done by email or in the office, on a protocol without an email or premises clause (round 17 session)', () => {
    const emailed = askBare('hexham', 'one councillor keeps emailing the admin assistant lists of jobs at midnight. should a councillor be doing that?');
    expect(emailed.kind).toBe('answer');
    expect(emailed.clauses[0]?.id).toBe('3.2');
    const desk = askBare('model', "the chairman keeps coming into the office and rearranging the clerk's desk. should the chairman be doing that?");
    expect(desk.kind).toBe('answer');
    // Asking for the email account or the premises themselves is still declined with where to look.
    expect(askBare('hexham', 'can i set up a council email address for my ward work?').kind).toBe('declined');
    expect(askBare('hexham', 'is it ok to use my personal email for council business?').kind).toBe('declined');
    expect(askBare('model', 'can i use the office on saturdays for my surgery?').kind).toBe('declined');
  });

  it('answers a long story about a distinct matter of the protocol, however far from council business its setting (round 18 session)', () => {
    const caravan = askBare(
      'model',
      "the chairman let the clerk stay at his caravan in wales for a fortnight and wouldn't take a penny for it. now two of the councillors are saying it makes her look beholden to him. is that a fair worry or are they stirring?",
    );
    expect(caravan.kind).toBe('answer');
    expect(caravan.clauses[0]?.id).toBe('3.3');
    // A story as long about the council's other business is still not answered with a clause.
    const flooding = askBare(
      'model',
      'we spent a fortnight at a caravan in wales and the weather was awful, but the site owner says the council should have warned us about the flooding. could our council have done more to warn visitors?',
    );
    expect(flooding.kind).not.toBe('answer');
  });

  it('answers telling staff what to do in the office as instructing staff, on a protocol without a premises clause (round 18 session)', () => {
    const told = askBare('hexham', 'can i nip into the office and tell the caretaker which rooms to clean first?');
    expect(told.kind).toBe('answer');
    expect(told.clauses[0]?.id).toBe('2.2');
  });

  it('looks up a clause number said aloud (round 18 session)', () => {
    const said = askBare('hexham', 'can someone put clause two point three up on the screen');
    expect(said.kind).toBe('lookup');
    expect(said.clauses[0]?.id).toBe('2.3');
  });

  it("links a protocol read in the context of legislation and codes of conduct to the other codes (round 18 session)", () => {
    const law = askBare('hexham', 'which wins if the law says something different from this protocol?');
    expect(law.kind).toBe('answer');
    expect(law.clauses[0]?.id).toBe('1.2');
  });

  it('declines a noisy cockerel and an event management plan with where to look (round 18 session)', () => {
    expect(askBare('hexham', 'the farm behind my house has a cockerel crowing from 4am every day and nobody on the estate can sleep. is that something the town council deals with?').kind).toBe('declined');
    expect(askBare('borough', "our residents' association wants to run a fun day on the green and have been told they need an event management plan. can the council help them write it?").kind).toBe('declined');
  });

  it('declines a short-term holiday let with late parties as a council service (round 19 session)', () => {
    expect(askBare('hexham', 'the flat below mine is an airbnb now, with stag parties every friday. can the council stop it?').kind).toBe('declined');
  });

  it("answers officers' awareness of local political feeling with the item that says so (round 19 session)", () => {
    const q = "the deputy clerk booked a fox hunting group for the civic dinner when the whole town is up in arms about hunting. shouldn't she have known how that would go down?";
    expect(askBare('honiton', q).focus?.text).toMatch(/sensitive to the public and political environment/);
    expect(askBare('bfstc', q).focus?.text).toMatch(/sensitivity to the public and political environment/);
  });

  it("answers a long story that asks whether something is the asker's own job with the role clause, not as other business (round 19 session)", () => {
    const q = 'we set up a community litter picking scheme three years back and nobody has checked on it since then. is following it up part of our job as cllrs, or do we just leave it to the volunteers?';
    expect(askBare('bfstc', q)).toMatchObject({ kind: 'answer', confident: true });
    expect(askBare('bfstc', q).clauses[0]?.id).toBe('2.2');
    expect(askBare('model', q).clauses[0]?.id).toBe('2.2.2');
  });

  it('declines civic honours such as the freedom of the town with where to look (round 19 session)', () => {
    expect(askBare('hexham', 'can the council make our old headteacher an honorary freeman?').kind).toBe('declined');
  });

  it('reads being left off copies of emails as how a judged act was done, on a protocol without an email or correspondence clause (round 19 session)', () => {
    const q = 'since i left labour and sat as an independent, the office has stopped copying me into the ward emails the rest get. can they do that?';
    expect(askBare('honiton', q).kind).toBe('answer');
  });

  it('does not answer whether the council as a body could take something on in the community (round 19 session)', () => {
    expect(askBare('bfstc', 'a few parents want the rec and the bandstand made smoke free, with notices up. can bfstc bring that in?').kind).toBe('no-match');
    expect(askBare('bfstc', 'the history society wants to revive the old may fair on the green. would the town council organise it?').kind).toBe('no-match');
    // Asking what councillors themselves do is still the protocol's.
    expect(askBare('bfstc', 'can the council stop a councillor from instructing the clerk?').kind).toBe('answer');
  });

  it('does not read burying the hatchet as a burial', () => {
    expect(askBare('hexham', 'me and the clerk need to bury the hatchet, how do we go about it').kind).not.toBe('declined');
  });

  it('reads a car park as where or what a matter is about, not as a request for a service', () => {
    expect(askBare('hexham', 'when should i expect a full reply to my query about the car park')).toMatchObject({ kind: 'answer', confident: true });
    expect(askBare('borough', "there's a consultation on shutting the car park in my ward and i only found out from facebook")).toMatchObject({ kind: 'answer', confident: true });
    // Parking itself is still the council's business, not the protocol's.
    expect(askBare('borough', 'how do i get a parking permit for the new street car park').confident).toBe(false);
  });

  it('reads a chair who acts in the story as someone in it, not as a question about the chairs\' role', () => {
    expect(askBare('hexham', 'the chair keeps emailing the clerk at 11pm demanding stuff').clauses[0]?.id).toBe('3.2');
  });

  it('reads times, amounts and measures as such, not as clause numbers', () => {
    for (const text of ['our group meets at 7.30, can the clerk come along?', 'the clerk charged £2.50 a copy for our group papers, can she do that?']) {
      const a = ask('hexham', text);
      expect(a.kind).not.toBe('unknown-clause');
      expect(a.kind).not.toBe('lookup');
    }
  });

  it('lists sections and finds clauses by exact id', () => {
    expect(core.sections('hexham').map((s) => s.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(core.clause('hexham', '5.3')?.text).toMatch(/^If a Councillor is dissatisfied/);
    expect(core.clause('hexham', '9.9')).toBeUndefined();
  });
});

describe('bad input', () => {
  it.each([
    ['', /type a question/],
    ['   \n\t ', /type a question/],
    ['x'.repeat(10_000), /too long/],
    ['🙂🙂🙂', /could not read/],
    ['\u0000\u0001\u0002\u0003\u0004binary\u0005\u0006', /could not read/],
  ])('%j gets a clear reply, not a crash', (text, message) => {
    const a = ask('model', text);
    expect(a).toMatchObject({ kind: 'invalid', confident: false, clauses: [] });
    expect(a.message).toMatch(message);
    expect(a.question.length).toBeLessThanOrEqual(2000);
  });

  it('rejects an unknown council and an unknown role with a clear error', () => {
    expect(() => ask('atlantis', 'hello')).toThrow(UnknownCouncilError);
    expect(() => ask('atlantis', 'hello')).toThrow(/Known councils: .*hexham/);
    expect(() => ask('model', 'hello', 'mayor' as Role)).toThrow(UnknownRoleError);
  });

  it('refuses to start with an unknown default council', () => {
    expect(() => loadCore('content', 'atlantis')).toThrow(UnknownCouncilError);
  });
});
