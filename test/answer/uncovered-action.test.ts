import { asksForNeighbour, asksToDoUncovered, coversNeighbour, talkedAbout } from '../../src/answer/uncovered-action';
import { loadCore } from '../../src/protocol-core';

describe('asking to do what the protocol does not cover', () => {
  it.each([
    ['can i use my council laptop for campaign stuff', ['laptop']],
    ['Can I talk to the press about the speed cameras?', ['press']],
    ['is it ok for officers to be friends with councillors', ['friends']],
    ['am I allowed to use the office photocopier for my ward newsletter', ['photocopier']],
  ])('%j is about the uncovered matter itself', (question, uncovered) => {
    expect(asksToDoUncovered(question, uncovered)).toBe(true);
  });

  it.each([
    ['can i ask the clerk to email all the members about it', ['email']],
    ['can I see the papers for the planning committee', ['papers']],
    ['can a councillor lean on the office to speed up his application', ['office']],
    ['the clerk will use the photocopier for my leaflets, is that ok?', ['photocopier']],
    ['can i use my council laptop for campaign stuff', []],
  ])('%j is not', (question, uncovered) => {
    expect(asksToDoUncovered(question, uncovered)).toBe(false);
  });

  it('declines such a question where the rest of it matches a clause, and answers it where the protocol covers the matter', () => {
    const core = loadCore('content', 'model', { hints: false });
    const ask = (council: string, text: string) => core.ask({ council, role: 'councillor', text });
    expect(ask('honiton', 'can i use the office photocopier to print my election leaflets')).toMatchObject({
      kind: 'declined',
      message: expect.stringMatching(/use of council resources/),
    });
    expect(ask('borough', 'can i use the office photocopier to print my election leaflets').clauses[0]?.id).toBe('5.1');
  });
});

describe('asking for a neighbouring matter itself', () => {
  it.each([
    ['can i claim mileage for going to a parish council meeting in my ward', ['claim', 'mileage']],
    ['how do I claim mileage for visiting my division', ['claim', 'mileage']],
    ['what sanctions can the standards committee give a councillor', ['sanction']],
    ['how much s106 money is the borough holding for my ward', ['s106']],
    ['my nephew just got a job in the parking team, is that an issue for me', ['nephew']],
    ['is there a by-election coming up in my ward', ['by election']],
    ['do i get expenses for attending the parish meeting in my ward', ['expense']],
    ["what's the mileage rate when i visit residents in my ward", ['mileage', 'mileage rate']],
    ['can I put in a mileage claim for my ward walkabout', ['mileage claim', 'claim']],
    ['will the council pay my petrol for ward visits', ['petrol']],
    ['can my nephew do work experience with the grounds team', ['nephew']],
  ])('%j opens with the matter', (question, phrases) => {
    expect(asksForNeighbour(question, new Set(phrases))).toBe(true);
  });

  it.each([
    ['can I tell my wife what was discussed in the closed session', ['wife']],
    ['will the other groups be told the precept figures', ['precept']],
    ['the clerk says my mileage claim is late, is she allowed to refuse it', ['mileage', 'mileage claim']],
    ['can i claim mileage for the training day', []],
    ['what budget information am i entitled to see', ['budget']],
  ])('%j does not', (question, phrases) => {
    expect(asksForNeighbour(question, new Set(phrases))).toBe(false);
  });
});

describe('whether a protocol covers a neighbouring matter', () => {
  const own = new Map([
    ['budget', new Set(['budget'])],
    ['media-policy', new Set(['press', 'journalist'])],
  ]);
  it('needs the question\'s own words for a matter any protocol may mention in passing', () => {
    expect(coversNeighbour(own, { id: 'budget' }, new Set(['budget']))).toBe(true);
    expect(coversNeighbour(own, { id: 'budget' }, new Set(['council tax going up']))).toBe(false);
  });

  it('takes any of its words for a matter a protocol has a provision on or not', () => {
    expect(coversNeighbour(own, { id: 'media-policy', topic: 'media' }, new Set(['echo', 'interview']))).toBe(true);
    expect(coversNeighbour(own, { id: 'relatives', topic: 'relationships' }, new Set(['nephew']))).toBe(false);
  });
});

describe('a neighbouring matter that is only what people talk about (round 18 session)', () => {
  it.each([
    ['can the deputy clerk give our group a briefing on the budget?', 'budget'],
    ['is it ok to meet the clerk in the pub to talk about the precept', 'precept'],
    ['the tories got a briefing on the local plan, can we have one too', 'local plan'],
  ])('%j only talks about it', (question, phrase) => {
    expect(talkedAbout(question, new Set([phrase]))).toBe(true);
  });

  it.each([
    ['how much is the precept going up this year?', 'precept'],
    ['can i see the budget papers before the meeting', 'budget'],
    ['we argued about the budget and now the budget is overspent', 'budget'],
  ])('%j asks about it', (question, phrase) => {
    expect(talkedAbout(question, new Set([phrase]))).toBe(false);
  });

  it('answers the clerk briefing one group on the precept from the protocol, and still declines the precept itself', () => {
    const core = loadCore('content', 'model', { hints: false });
    const ask = (text: string) => core.ask({ council: 'model', role: 'councillor', text });
    const briefing = ask('can the clerk brief the independents on the precept before the meeting?');
    expect(briefing.kind).toBe('answer');
    expect(briefing.clauses[0]?.id).toBe('2.2.3');
    expect(ask('how much is the precept going up this year?').kind).toBe('declined');
  });
});

