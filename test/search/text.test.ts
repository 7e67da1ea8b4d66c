import { buildLexicon } from '../../src/search/lexicon';
import { analyse } from '../../src/search/clause-index';
import { fold, stem, words } from '../../src/search/text';

describe('text analysis', () => {
  it('folds curly quotes, accents and punctuation', () => {
    expect(fold('Council’s Café — “Clerk”!').split(/\s+/).filter(Boolean)).toEqual(["council's", 'cafe', 'clerk']);
    expect(words("the Council’s clerk's")).toEqual(['the', 'council', 'clerk']);
  });

  it('stems plurals and verb forms to the same root', () => {
    expect(stem('councillors')).toBe(stem('councillor'));
    expect(stem('bullying')).toBe(stem('bullied'));
    expect(stem('meetings')).toBe(stem('meeting'));
    expect(stem('recommendations')).toBe(stem('recommend'));
    expect(stem('press')).toBe('press');
  });

  it('stems irregular past forms with their verb, light verbs aside', () => {
    expect(['swore', 'sworn', 'swearing'].map(stem)).toEqual(['swear', 'swear', 'swear']);
    expect(stem('spoke')).toBe(stem('speaking'));
    expect(stem('wrote')).toBe(stem('writing'));
    expect(stem('took')).not.toBe(stem('take'));
  });

  it('keeps words apart that the suffix rules would fold into unrelated ones', () => {
    expect(stem('letter')).not.toBe(stem('let'));
    expect(stem('statements')).not.toBe(stem('state'));
    expect(stem('station')).not.toBe(stem('statement'));
    expect(stem('allowances')).not.toBe(stem('allowed'));
    expect(stem('coming')).not.toBe(stem('comms'));
    expect(stem('evenings')).not.toBe(stem('even'));
    expect(stem('hospitality')).not.toBe(stem('hospital'));
    expect(stem('gardener')).not.toBe(stem('garden'));
    expect(stem('cleaners')).not.toBe(stem('clean'));
    expect(stem('gardeners')).toBe(stem('gardener'));
    // Their own forms still meet.
    expect(stem('letters')).toBe(stem('letter'));
    expect(stem('coming')).toBe(stem('come'));
    expect(stem('allowance')).toBe(stem('allowances'));
  });

  it('adds lexicon concepts for words and phrases, and drops stop words', () => {
    const lexicon = buildLexicon({ party: ['political group', 'labour'], email: ['gmail'] });
    const terms = analyse('Can I ask about the Labour group and my gmail?', lexicon);
    expect(terms).toEqual(expect.arrayContaining(['#party', '#email', 'labour', 'gmail', 'group']));
    expect(terms).not.toContain('can');
    expect(analyse('a political group meeting', lexicon)).toContain('#party');
  });
});
