/** A clause that uses the question's words together, in one sentence or item, goes before a sibling that scatters them. */
import { ClauseIndex } from '../../src/search/clause-index';
import { buildLexicon } from '../../src/search/lexicon';
import { sentencesOf, togetherness, usedTogether } from '../../src/search/proximity';
import { aClause, aProtocol } from '../builders/protocol-builders';

const t = (term: string, idf: number) => ({ term, idf, weight: 1 });

describe('sentences', () => {
  it('splits at a full stop before a capital, not at a line break or a semicolon', () => {
    expect(sentencesOf('Routine requests go to the Head;\nrequests that involve research go to the Director. Officers reply.')).toEqual([
      'Routine requests go to the Head;\nrequests that involve research go to the Director.',
      'Officers reply.',
    ]);
    expect(sentencesOf('See para. 3 of the code')).toEqual(['See para. 3 of the code']);
  });
});

describe('togetherness', () => {
  const terms = [t('respons', 1), t('protocol', 2), t('clerk', 0.5)];

  it('counts the words beyond the best one that share a passage', () => {
    expect(togetherness([new Set(['respons', 'protocol', 'clerk'])], terms)).toBeCloseTo(1.5);
    expect(togetherness([new Set(['respons']), new Set(['protocol'])], terms)).toBe(0);
  });

  it('counts a phrase side by side in question and passage once', () => {
    const phrase = [t('head', 2), t('servic', 2), t('head>servic', 3)];
    expect(togetherness([new Set(['head', 'servic', 'head>servic'])], phrase)).toBe(0);
    expect(togetherness([new Set(['head', 'servic'])], phrase)).toBe(2);
  });

  it('leaves out concepts, which restate their word', () => {
    expect(togetherness([new Set(['clerk', '#staff'])], [t('clerk', 1), t('#staff', 1)])).toBe(0);
  });
});

describe('words used together', () => {
  it('finds the question words a passage uses beside another informative one', () => {
    const passages = [new Set(['work', 'outsid', 'budget']), new Set(['council', 'tax'])];
    const matched = [t('work', 1.7), t('budget', 3), t('council', 0.1), t('tax', 2)];
    expect([...usedTogether(passages, ['extra', 'work', 'budget'], matched)]).toEqual([1, 2]);
    // "tax" beside only "council" is not: "council" says nothing.
    expect([...usedTogether(passages, ['council', 'tax'], matched)]).toEqual([0]);
  });
});

describe('proximity in a search', () => {
  const clause = (id: string, text: string) => aClause(id, { heading: 'Roles', text, parent: '2' });
  const protocol = aProtocol([
    aClause('2', { heading: 'Roles' }),
    clause('2.1', 'Members are responsible for policy. They read this protocol.'),
    clause('2.2', 'Officers give advice to members and carry out the policy of the council. Responsibility for the fair and even operation of this protocol lies with the Clerk.'),
    clause('2.3', 'Officers work for the council as a whole, and are responsible to it.'),
    clause('2.4', 'The code of conduct applies to members. This protocol sets out how members and officers work together.'),
  ]);
  const index = new ClauseIndex(protocol, buildLexicon({}));

  it('prefers the clause whose one sentence holds the question words', () => {
    expect(index.search('who is responsible for this protocol').hits[0]!.clause.id).toBe('2.2');
  });
});
