/** Which way "can expect from" runs between councillors and staff, in clauses and questions alike. */
import { loadProtocols } from '../../src/protocol/content-loader';
import { ClauseIndex, analyse } from '../../src/search/clause-index';
import { buildLexicon, loadLexicon } from '../../src/search/lexicon';

const lexicon = buildLexicon({ staff: ['officer', 'officers', 'staff', 'clerk'], councillor: ['councillor', 'councillors', 'member', 'members'] });
const directions = (text: string) => analyse(text, lexicon).filter((t) => t.startsWith('~'));

describe('direction tokens', () => {
  it('tells who expects from whom', () => {
    expect(directions('Officers can expect from councillors:')).toEqual(['~expect:officer>', '~expect:>member', '~expect:officer>member']);
    expect(directions('All Councillors can expect: a commitment from Officers')).toContain('~expect:member>officer');
  });

  it('reads one side alone as expecting from the other party, and a member of staff as staff', () => {
    expect(directions('what can staff reasonably expect?')).toEqual(['~expect:officer>', '~expect:>member', '~expect:officer>member']);
    expect(directions('what should I expect from a member of staff')).toEqual(['~expect:member>', '~expect:>officer', '~expect:member>officer']);
    expect(directions('All Councillors can expect:')).toEqual(['~expect:member>', '~expect:>officer', '~expect:member>officer']);
    expect(directions('what is expected of the clerk?')).toContain('~expect:member>officer');
  });

  it('reads "get from" as expecting, but not "get … to"', () => {
    expect(directions('what do officers get from councillors')).toContain('~expect:officer>member');
    expect(directions('can councillors get the clerk to write a letter')).toEqual([]);
  });

  it('says nothing without the verb', () => {
    expect(directions('officers and councillors work together')).toEqual([]);
  });
});

describe('direction in a search', () => {
  const index = new ClauseIndex(loadProtocols('content').get('model')!, loadLexicon('content'));
  const terms = (q: string) => index.search(q).matched.map((m) => m.term);

  it('is read from the question, not from an aside in brackets', () => {
    expect(terms('what can officers expect from councillors')).toContain('~expect:officer>member');
    expect(terms('a councillor keeps leaning on me (officers can expect from councillors)')).not.toContain('~expect:officer>member');
  });

  it('reads "I" and "we" as the asker: a councillor, or an officer who says so', () => {
    expect(terms('what should we expect from the clerk')).toContain('~expect:member>officer');
    expect(terms("I'm the RFO, what can I expect from councillors")).toContain('~expect:officer>member');
  });
});
