import { findClauseRef, isLookup } from '../../src/search/clause-number';

describe('findClauseRef', () => {
  it.each([
    ['2.4', '2.4'],
    ['clause 2.4', '2.4'],
    ['Clause 3.1(e)', '3.1(e)'],
    ['para 3.1(e)', '3.1(e)'],
    ['para 3.1 e', '3.1(e)'],
    ['section 4', '4'],
    ['s.4', '4'],
    ['what does 2.2.3 say?', '2.2.3'],
    ['paragraph 2.4.1', '2.4.1'],
    ['cl. 4.2', '4.2'],
  ])('%s -> %s, a lookup', (text, id) => {
    const ref = findClauseRef(text);
    expect(ref?.id).toBe(id);
    expect(isLookup(text, ref!)).toBe(true);
  });

  it('does not treat plain numbers in questions as clause references', () => {
    expect(findClauseRef('can I ask the clerk to print 50 leaflets')).toBeUndefined();
    expect(findClauseRef('i have 2 questions')).toBeUndefined();
  });

  it('finds a number inside a longer question without calling it a lookup', () => {
    const text = 'does 2.4 mean I cannot pressure the clerk to change a recommendation';
    const ref = findClauseRef(text);
    expect(ref?.id).toBe('2.4');
    expect(isLookup(text, ref!)).toBe(false);
  });
});
