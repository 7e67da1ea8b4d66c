import { ClauseIndex } from '../../src/search/clause-index';
import { findClauseRef, isLookup, isMeasure, namesClause, spokenClauseNumbers } from '../../src/search/clause-number';
import { buildLexicon } from '../../src/search/lexicon';
import { aClause, aProtocol } from '../builders/protocol-builders';

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
    ['what does 35(b) say', '35(b)'],
    ['35 (c)?', '35(c)'],
    ['what does 17 say?', '17'],
    ['show me 12', '12'],
    // Lettered paragraphs of a section ("4(b)") and their items ("3(b)(ii)"), and an item's sub-item.
    ['3(b)(ii)', '3(b)(ii)'],
    ['what does 3(b)(iii) say', '3(b)(iii)'],
    ['clause 3.1(c)(i)', '3.1(c)(i)'],
    ['4(b) again', '4(b)'],
  ])('%s -> %s, a lookup', (text, id) => {
    const ref = findClauseRef(text);
    expect(ref?.id).toBe(id);
    expect(isLookup(text, ref!)).toBe(true);
  });

  it('does not treat plain numbers in questions as clause references', () => {
    expect(findClauseRef('can I ask the clerk to print 50 leaflets')).toBeUndefined();
    expect(findClauseRef('i have 2 questions')).toBeUndefined();
    expect(findClauseRef('we have 3 (three) groups on the council')).toBeUndefined();
    expect(findClauseRef('what does 2 councillors objecting mean')).toBeUndefined();
  });

  it('finds a number inside a longer question without calling it a lookup', () => {
    const text = 'does 2.4 mean I cannot pressure the clerk to change a recommendation';
    const ref = findClauseRef(text);
    expect(ref?.id).toBe('2.4');
    expect(isLookup(text, ref!)).toBe(false);
  });
});

describe('a section named with a matter', () => {
  it('is a question about part of the section, not a lookup of all of it', () => {
    const text = 'what does section 3 say about political groups';
    expect(isLookup(text, findClauseRef(text)!)).toBe(false);
  });

  it('stays a lookup when what follows "about" only points back', () => {
    const text = 'what does 2.4 say about this';
    expect(isLookup(text, findClauseRef(text)!)).toBe(true);
  });
});

describe('a section the question names', () => {
  const clause = (id: string, parent: string, text: string) => aClause(id, { heading: 'Matters', text, parent });
  const protocol = aProtocol([
    aClause('2', { heading: 'Principles' }),
    clause('2.1', '2', 'Officers advise political groups on council business and on the budget.'),
    aClause('3', { heading: 'Groups' }),
    clause('3.1', '3', 'Political groups may invite officers to their meetings.'),
  ]);
  const index = new ClauseIndex(protocol, buildLexicon({}));

  it('prefers the clause under that section', () => {
    expect(index.search('what do officers do for political groups').hits[0]!.clause.id).toBe('2.1');
    expect(index.search('what does section 3 say about officers and political groups').hits[0]!.clause.id).toBe('3.1');
  });
});

describe('look-ups that name their council or ask for the exact wording', () => {
  it.each(['exact wording of 1.2 please, hexham one', 'can you pull up 2.3 again', 'verbatim text of 4.1 in our hexham protocol'])('%j is a lookup', (text) => {
    const ref = findClauseRef(text);
    expect(isLookup(text, ref!, ['hexham', 'town', 'council'])).toBe(true);
  });

  it('without the council name, its name is a word of the question', () => {
    const text = 'exact wording of 1.2 please, hexham one and the bit on group meetings';
    expect(isLookup(text, findClauseRef(text)!, ['hexham'])).toBe(false);
  });
});

describe('asking what a number holds, whatever follows', () => {
  it.each(["whats at 10.1 in the borough one? someone quoted it at me in the members room", "1.1 word for word if you've got it", 'whats in 3.3 again, the bit the chair keeps quoting'])(
    '%j is a lookup',
    (text) => {
      expect(isLookup(text, findClauseRef(text)!)).toBe(true);
    },
  );
});

describe('a clause named in passing, against a figure', () => {
  it.each(['does ours even have a 9.4?', 'put 2.3 up on the screen please', 'what did s.8.2 say again', 'clause 13 matters here'])('%j names a clause', (text) => {
    const ref = findClauseRef(text)!;
    expect(namesClause(text, ref)).toBe(true);
    expect(isMeasure(text, ref)).toBe(false);
  });

  it.each(['we meet at 7.30 on tuesdays', 'the 10.00 briefing', 'copies cost £2.50 each', 'the depot is 2.5 miles out', 'minutes of 12.05.2026', 'we moved to version 2.1', 'a 0.5 post'])(
    '%j is a figure, not a clause',
    (text) => {
      const ref = findClauseRef(text)!;
      expect(isMeasure(text, ref)).toBe(true);
      expect(namesClause(text, ref)).toBe(false);
    },
  );

  it.each(["what was said in the part 2 item", "our care home's 50th birthday do", 'can i raise it at no 4 on the agenda'])('%j does not name a clause', (text) => {
    const ref = findClauseRef(text);
    expect(ref && namesClause(text, ref)).toBeFalsy();
  });

  it('reads an item named by a word after its clause', () => {
    const text = '4.3 bit c in plain words';
    expect(findClauseRef(text)?.id).toBe('4.3(c)');
    expect(isLookup(text, findClauseRef(text)!)).toBe(true);
    expect(findClauseRef('2.2 item (iv) please')?.id).toBe('2.2(iv)');
  });
});

describe('clause numbers said aloud (round 18 session)', () => {
  it('writes numbers joined by "point" in digits', () => {
    expect(spokenClauseNumbers('clause two point four pls')).toBe('clause 2.4 pls');
    expect(spokenClauseNumbers('Can you read out Three Point One Point Two')).toBe('Can you read out 3.1.2');
    expect(findClauseRef(spokenClauseNumbers('what does section twelve point three say'))?.id).toBe('12.3');
  });

  it('leaves other number words alone', () => {
    expect(spokenClauseNumbers('two of the clerks were off, and one point was missed')).toBe('two of the clerks were off, and one point was missed');
  });
});

