/** The shared lexicon's concepts: words that mean the same thing in every council, and words that must not. */
import { loadLexicon } from '../../src/search/lexicon';
import { stem, words } from '../../src/search/text';
import { ClauseIndex } from '../../src/search/clause-index';
import { analyse } from '../../src/search/analyse';
import { loadSubjects } from '../../src/search/subjects';
import { aClause, aProtocol } from '../builders/protocol-builders';

const lexicon = loadLexicon('content');
const concepts = (text: string) => lexicon.conceptsIn(words(text).map(stem));

describe('lexicon concepts', () => {
  it('takes roadworks and road works for the same thing', () => {
    expect(concepts('roadworks started in my division')).toContain('#roadworks');
    expect(concepts('the member will be told about road works in the division')).toContain('#roadworks');
  });

  it('reads the office giving or sending something as its staff (round 18 session)', () => {
    expect(analyse('the office gave the majority group the papers first', lexicon)).toContain('#staff');
    expect(analyse('the office gave the majority group the papers first', lexicon)).not.toContain('#premises');
    expect(analyse('the office sent the agenda out late', lexicon)).toContain('#staff');
  });

  it('reads the office manager, junior, team or assistant as one member of staff, not the office itself (round 18 session)', () => {
    const terms = analyse('the office manager muttered something during the vote', lexicon);
    expect(terms).toContain('#staff');
    expect(terms).not.toContain('#premises');
    expect(analyse('i was in the office when he came in', lexicon)).toContain('#premises');
  });

  it('reads the maintenance man or the lengthsman as staff (round 18 session)', () => {
    expect(analyse('the maintenance man never fixed the gate', lexicon)).toContain('#staff');
    expect(analyse('our lengthsman cleared the drains', lexicon)).toContain('#staff');
  });

  it('keeps a local election apart from the local paper (round 18 session)', () => {
    const paper = analyse('the local paper wants a quote from me', lexicon);
    const election = analyse('can i be quoted before the local elections', lexicon);
    expect(election.some((t) => paper.includes(t) && t.startsWith('local'))).toBe(false);
  });

  it('reads a crowing cockerel or a barking dog as a service request (round 18 session)', () => {
    expect(concepts('the cockerel over the road wakes us at 4am')).toContain('#services');
    expect(concepts('there is a barking dog next door')).toContain('#services');
  });

  it('reads what the office did as its staff (round 19 session)', () => {
    expect(analyse('the office refused to give me the quotes', lexicon)).toContain('#staff');
    expect(analyse('the office asked a local firm to sponsor the gala', lexicon)).toContain('#staff');
    expect(analyse('the office asked a local firm to sponsor the gala', lexicon)).not.toContain('#premises');
    expect(analyse('the office has stopped copying me in', lexicon)).toContain('#staff');
  });

  it('reads a grounds supervisor as staff', () => {
    expect(concepts('concern about the grounds supervisor')).toContain('#staff');
  });

  it('does not read the opening of a building, a developer or an objection as a service request or training', () => {
    expect(concepts('why was I not invited to the opening of the new library')).not.toContain('#services');
    expect(concepts('the council objects to the developer')).not.toContain('#services');
    expect(concepts('the council objects to the developer')).not.toContain('#training');
    expect(concepts('what time does the library open on easter monday')).toContain('#services');
    expect(concepts('training and development for councillors')).toContain('#training');
  });
});

describe('people named by their work', () => {
  it('reads the bin crews as staff, so a question about them is about people and not only a service', () => {
    expect(concepts("can i raise the bin crews' attitude at cabinet")).toContain('#staff');
  });
});

describe('fixed phrases', () => {
  it('does not take "a couple of days" for a couple', () => {
    const l = loadLexicon('content');
    const analysed = (text: string) => l.conceptsIn(l.joinPhrases(words(text)).map(stem));
    expect(analysed('spend a couple of days researching solar panels')).not.toContain('#friendship');
    expect(analysed('the clerk and the chair are a couple')).toContain('#friendship');
  });
});

describe('chat shortenings', () => {
  it('reads photos, docs and mtg as the words protocols write in full', () => {
    const l = loadLexicon('content');
    expect(['photos', 'pics', 'docs', 'mtg', 'dept'].map((w) => l.spell(w))).toEqual(['photographs', 'pictures', 'documents', 'meeting', 'department']);
  });

  it('finds a clause on photographs from "photos"', () => {
    const protocol = aProtocol([
      aClause('1.1', { heading: 'Publicity', text: 'Officers will not take photographs of members for party publicity.' }),
      aClause('1.2', { heading: 'Meetings', text: 'Members will be given the papers for every meeting.' }),
    ]);
    const index = new ClauseIndex(protocol, loadLexicon('content'));
    expect(index.search('photos').hits[0]?.clause.id).toBe('1.1');
  });
});

describe('criticism in everyday words', () => {
  it.each(['going to slam the decision on the radio', 'he laid into the planning officer at full council', 'can i have a pop at the clerk in my newsletter'])('%j is criticism', (text) => {
    expect(concepts(text)).toContain('#criticism');
  });
});

describe('whose job it is', () => {
  it.each(['whose job is it to check the playground', "who's responsible for the noticeboard"])('%j asks about duties', (text) => {
    const l = loadLexicon('content');
    expect(l.conceptsIn(l.joinPhrases(words(text)).map(stem))).toContain('#duty');
  });
});

describe("passing a resident's service request on (round 18 session)", () => {
  const protocol = aProtocol([
    aClause('5.1', { heading: "Members' enquiries", text: "Members' enquiries on behalf of residents, such as missed bins or fly tipping, are logged with the Members' Enquiries team, who will acknowledge them within two working days." }),
    aClause('5.2', { heading: 'Meetings', text: 'Members will be given the papers for every meeting.' }),
  ]);
  const index = new ClauseIndex(protocol, loadLexicon('content'), undefined, loadSubjects('content'));

  it('is the members\' enquiries route, not a service request', () => {
    const routed = index.search("a resident asked me about her missed bins, where do i send it?");
    expect(routed.serviceRequest).toBe(false);
    expect(routed.hits[0]?.clause.id).toBe('5.1');
  });

  it('leaves a service named with one passing word of the route a service request', () => {
    expect(index.search("there's been a pothole on my road for months, who fixes it").serviceRequest).toBe(true);
  });
});

