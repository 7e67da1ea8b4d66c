/** Reading who is asking from how a question is written. */
import { readIntent } from '../../src/search/question-intent';

describe('officer voice', () => {
  it('reads a message labelled by its writer', () => {
    expect(readIntent('officer: a councillor humiliated me in a meeting').officerVoice).toBe(true);
    expect(readIntent('staff member here - a councillor shouted at me').officerVoice).toBe(true);
    expect(readIntent('officer advice was ignored at the meeting').officerVoice).toBe(false);
    // Back with another question (round 18 session).
    expect(readIntent('parks officer again. the members on the fete group never turn up. what can staff expect from them?').officerVoice).toBe(true);
    expect(readIntent('the finance officer again refused to show me the invoices').officerVoice).toBe(false);
  });

  it('reads staff who say they work in the office, alone or together (round 16 session)', () => {
    expect(readIntent('the three of us who work in the office are fed up with one councillor, can we complain jointly?').officerVoice).toBe(true);
    expect(readIntent('i work in the council office and a member keeps phoning me at home').officerVoice).toBe(true);
    expect(readIntent('can i work in the council office on my ward casework').officerVoice).toBe(false);
  });

  it('is not read from a councillor told something by the clerk', () => {
    expect(readIntent('the clerk keeps telling me about her contract and the chair. should she be bringing that to me').officerVoice).toBe(false);
    expect(readIntent('a councillor shouted at me in the office').officerVoice).toBe(true);
  });

  it('reads a councillor bullying or harassing the asker as an officer writing', () => {
    expect(readIntent('a councillor is bullying me over email, who do i tell').officerVoice).toBe(true);
    expect(readIntent('one of the councillors keeps sending me nasty whatsapps late at night').officerVoice).toBe(true);
    expect(readIntent('a councillor is bullying the receptionist').officerVoice).toBe(false);
  });
});

describe('instructing staff', () => {
  it('reads telling anyone what to do or how, whatever their job is called', () => {
    expect(readIntent('can the cabinet member tell the highways engineer what to do').instructs).toBe(true);
    expect(readIntent('the chairman keeps telling the clerk what to do between meetings').instructs).toBe(true);
    expect(readIntent('can you tell me what to do about a rude resident').instructs).toBe(false);
    expect(readIntent('can i tell the maintenance man to fix the swings first').instructs).toBe(true);
    expect(readIntent('can i get the mowing crew to do the verge by the school').instructs).toBe(true);
  });
});

describe('asking where to take a problem', () => {
  it.each([
    'cllr jones broke the code of conduct at the last meeting, where do i send the complaint',
    'me and the clerk have fallen out badly, who sorts it out',
    "me and the clerk are still at loggerheads after we talked it through. who's next in line for me to take it to?",
    // The person the matter would go to is the one it is about (round 18 session).
    'the chairman belittles me at every meeting. who do i tell when its the chairman',
    "the clerk has ignored three of my emails now. who's above her?",
    'me and the vice chair keep clashing over the agenda, who mediates between us?',
  ])('reads %j as escalation', (text) => {
    expect(readIntent(text).escalation).toBe(true);
  });

  it('does not read sending papers as escalation', () => {
    expect(readIntent('where do I send my apologies for the meeting').escalation).toBe(false);
  });
});

describe("asking about one's own conduct", () => {
  it.each([
    'Officer asking: am I allowed to lean on my friendship with a councillor to get my project moved up?',
    'clerk here, can I go for a drink with the chairman after the meeting',
    'is it ok for me to help a councillor with his leaflet',
  ])('reads %j as own conduct', (text) => {
    expect(readIntent(text).ownConduct).toBe(true);
  });

  it.each([
    "I'm the RFO, what can I reasonably expect from councillors in how they deal with me?",
    'admin officer here, a councillor shouted at me, what can I do',
    'a councillor keeps ringing me at home',
  ])('does not read %j as own conduct', (text) => {
    expect(readIntent(text).ownConduct).toBe(false);
  });
});

describe('asking for the next step', () => {
  it("reads 'what now' at the end as asking where to go", () => {
    expect(readIntent("talking to my head of service didn't work, what now?").escalation).toBe(true);
    expect(readIntent('what now for the planning committee dates').escalation).toBe(false);
  });

  it('tells asking only what to do from asking where to take it', () => {
    expect(readIntent('i was refused access to a document, what can i do').openEscalation).toBe(true);
    expect(readIntent('a journalist rang me, what do i do?').openEscalation).toBe(true);
    expect(readIntent('who do i complain to, what are my options').openEscalation).toBe(false);
    expect(readIntent('how do i make a formal complaint about the clerk').openEscalation).toBe(false);
  });

  it('reads a "staff:" label as an officer writing', () => {
    expect(readIntent('staff: the clerk spoke to the councillor but I am still unhappy').officerVoice).toBe(true);
  });
});

describe('asking who does something', () => {
  it.each(["who sorts the mayors invites and civic diary", 'who looks after the council website', "who's in charge of the allotments"])('reads %j as asking who', (text) => {
    expect(readIntent(text).asksWho).toBe(true);
  });

  it('does not read who did something as asking who to go to', () => {
    expect(readIntent('the councillor who runs the youth club was rude to me').asksWho).toBe(false);
  });
});

describe("a resident's complaint the asker takes up", () => {
  it.each([
    'an elderly lady asked me to take up her complaint about the broken steps, is that part of my role',
    "is passing on a resident's complaint about the footpath my job or the clerk's",
  ])('%j is not escalation', (text) => {
    expect(readIntent(text).escalation).toBe(false);
  });

  it('"I want to complain about the clerk" still is', () => {
    expect(readIntent('i want to complain about the clerk, she ignored me again').escalation).toBe(true);
  });
});

describe("a member's remarks about the asker make it an officer's situation", () => {
  it.each([
    'a councillor keeps making snide remarks about my stammer in meetings. who do i report this to',
    "the town mayor keeps making jokes about me being a single mum in the office. who do i go to when it's the mayor himself",
    'spoke to the clerk about a cllr who keeps undermining me in front of the public, nothing has changed',
  ])('%j', (text) => {
    expect(readIntent(text).officerVoice).toBe(true);
  });

  it('a councillor asking about jokes made about a resident is not', () => {
    expect(readIntent('can i make jokes about the planning committee in my newsletter').officerVoice).toBe(false);
  });
});

describe('taking a matter further is escalation', () => {
  it.each([
    'the clerk has told me, as vice-chair, that two councillors are undermining her and she wants to take it somewhere formal',
    'i want to take this further, the chair did nothing',
  ])('%j', (text) => {
    expect(readIntent(text).escalation).toBe(true);
  });

  it('taking the minutes is not', () => {
    expect(readIntent('can the deputy clerk take the minutes at the finance committee').escalation).toBe(false);
  });
});

describe('a first step that failed asks for the next', () => {
  it.each([
    'raised an issue with the service manager about how my casework was handled, got nowhere. who next?',
    'an officer in parking was really rude to me, i took it up with the service head but nothing happened',
    'i mentioned it to the clerk in march and its still going on',
    'told the chair weeks ago and heard nothing back',
  ])('%j', (text) => {
    expect(readIntent(text).escalation).toBe(true);
  });

  it.each(['i told the clerk about the meeting and she booked the room', 'who is next on the rota for the newsletter'])('%j is not', (text) => {
    expect(readIntent(text).escalation).toBe(false);
  });
});

describe('asking who approves or who is responsible', () => {
  it.each([
    'our group would like the regeneration officer to brief us before the vote. who has to ok that?',
    'who signs that off, the chief executive?',
    'who is actually responsible for making this thing work?',
  ])('%j asks who', (text) => {
    expect(readIntent(text).asksWho).toBe(true);
  });
});

describe("judging what someone did", () => {
  it.each(['the chair rang the clerk at home on a sunday. is that acceptable?', 'one cllr keeps cc-ing the press into his emails to me, can he do that', 'surely the deputy clerk should not be lobbying us about her own hours', 'the leader told the planning officer what to recommend, thats not right is it',
    'one member texts the caretaker jobs at midnight. should a councillor be doing that?',
    "the deputy clerk told the independents she's on their side. shouldn't officers be neutral?",
    'shouldnt the clerk be answering to the whole council',
    'the vice-chair approves the handyman\'s timesheets now. is that his to do?',
    'the clerk only ever calls back the longest-serving cllrs. isnt that treating the new ones worse?',
    "isn't that favouritism?",
    'the deputy clerk rings me at home about her divorce, should she be doing that',
  ])(
    '%j asks whether conduct is acceptable',
    (text) => {
      expect(readIntent(text).judgesConduct).toBe(true);
    },
  );

  it.each(['my nephew just got a job in the parks team, is that an issue for me', 'can i claim mileage for the training day', 'what does the protocol say about gifts', 'should i be worried about the precept going up', 'should the clerk be paid overtime', 'is that his name on the list', 'should she be paid for the extra hours'])('%j does not', (text) => {
    expect(readIntent(text).judgesConduct).toBe(false);
  });
});

describe('a member mistreating a member of staff the asker speaks about', () => {
  it.each(['a councillor keeps shouting at our receptionist. where can she take it?', 'one of the members has been humiliating the apprentice in front of everyone', 'the chair was really nasty to the deputy clerk after the meeting'])('%j', (text) => {
    expect(readIntent(text).staffWronged).toBe(true);
  });

  it.each(['the clerk keeps shouting at councillors', 'a councillor keeps being rude about the new bins', 'a resident shouted at the receptionist'])('%j is not', (text) => {
    expect(readIntent(text).staffWronged).toBe(false);
  });
});

describe('officers known by what a member did to them (round 15 session)', () => {
  it('reads a member naming the asker to their face, or quietly asking a favour of them, as an officer speaking', () => {
    expect(readIntent('a councillor called me useless in front of everyone, what can i expect').officerVoice).toBe(true);
    expect(readIntent('the chair called me a jobsworth at the meeting').officerVoice).toBe(true);
    expect(readIntent("cllr asked me on the quiet to make sure his wife's craft group gets the big room").officerVoice).toBe(true);
    // A member calling on the asker, or asking them something, is not enough.
    expect(readIntent('a councillor called me last night about the agenda').officerVoice).toBe(false);
    expect(readIntent('the chair asked me to second the motion, should i').officerVoice).toBe(false);
  });
});

describe('asking whether there is anywhere to take it (round 15 session)', () => {
  it('reads "is there anywhere i can take it" as asking where to take a complaint', () => {
    expect(readIntent('the mayor keeps giving me grief. is there actually anywhere i can take it?').escalation).toBe(true);
    expect(readIntent('is there someone she could go to about the chair?').escalation).toBe(true);
    expect(readIntent('is there anywhere i can park at the town hall').escalation).toBe(false);
  });
});

describe('someone complaining about the asker (round 19 session)', () => {
  it('does not read "to complain about me" as the asker asking where to complain', () => {
    expect(readIntent('a cllr keeps ringing my husband at home to complain about me. is that on?').escalation).toBe(false);
    expect(readIntent('officer here, can i answer a complaint about me in the parish magazine').escalation).toBe(false);
    expect(readIntent('i want to complain about the deputy clerk').escalation).toBe(true);
    expect(readIntent('can i complain to the chair about her').escalation).toBe(true);
  });
});

describe('an officer naming opening hours as part of the work (round 19 session)', () => {
  it('does not read the hours an officer mentions as asking for a timetable', () => {
    expect(readIntent("library assistant here. since the handover nobody has told me what the cllrs want - opening hours, stock, events, nothing").timetable).toBe(false);
    expect(readIntent('what are the opening hours of the council office?').timetable).toBe(true);
  });
});

describe('telling any member of staff what to do (round 19 session)', () => {
  it('reads telling the cook what to order, or the cleaner which rooms to do, as instructing staff', () => {
    expect(readIntent('a cllr keeps telling the cook what to order in for the cafe').instructs).toBe(true);
    expect(readIntent('the mayor keeps telling the cleaner to do the parlour first').instructs).toBe(true);
    expect(readIntent('the cook told me what to expect at the dinner').instructs).toBe(false);
  });
});

describe('"is that a bit much?" (round 19 session)', () => {
  it('reads asking whether something is a bit much or a bit off as judging conduct', () => {
    expect(readIntent('the clerk signs off her emails to one cllr with kisses. is that a bit much?').judgesConduct).toBe(true);
    expect(readIntent("isn't that a bit off, the chair texting staff at midnight").judgesConduct).toBe(true);
    expect(readIntent('is that a bit much to ask of the clerk in one week').judgesConduct).toBe(true);
  });
});
