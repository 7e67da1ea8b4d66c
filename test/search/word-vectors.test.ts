/** Word vectors: the shipped table's file format, and clauses ranked by how near they are to the question in meaning. */
import { ContentError } from '../../src/errors';
import { ClauseIndex } from '../../src/search/clause-index';
import { buildLexicon } from '../../src/search/lexicon';
import { judgeConfidence } from '../../src/search/confidence';
import { cosine, loadWordVectors, parseWordVectors } from '../../src/search/word-vectors';
import { aClause, aProtocol } from '../builders/protocol-builders';

const file = (header: string, wordList: string[], bytes: number[]) =>
  Buffer.concat([Buffer.from(`${header}\n${wordList.join('\n')}\0`, 'utf8'), Buffer.from(Int8Array.from(bytes).buffer)]);

describe('the word-vectors file', () => {
  it('gives a stem the vector of its most frequent word', () => {
    const vectors = parseWordVectors(file('{"dims":2,"words":3}', ['council', 'press', 'councils'], [127, 0, 0, 127, -127, 0]), 'x.bin');
    expect([...vectors.of('council')!]).toEqual([127, 0]);
    expect(vectors.of('nothing')).toBeUndefined();
    const [a, b] = [vectors.sum([['council', 1]])!, vectors.sum([['press', 2]])!];
    expect(cosine(a, b)).toBeCloseTo(0);
    expect(cosine(a, a)).toBeCloseTo(1);
    expect(vectors.sum([['unknown', 1]])).toBeUndefined();
  });

  it.each([
    ['no header', Buffer.from('council\0\u0001')],
    ['a header that is not JSON', file('dims 2', ['a'], [1, 2])],
    ['fewer bytes than its header says', file('{"dims":2,"words":2}', ['a', 'b'], [1, 2, 3])],
    ['more words than its header says', file('{"dims":2,"words":1}', ['a', 'b'], [1, 2])],
  ])('stops start-up naming the file when it has %s', (_, bytes) => {
    expect(() => parseWordVectors(bytes, 'content/word-vectors.bin')).toThrow(ContentError);
    expect(() => parseWordVectors(bytes, 'content/word-vectors.bin')).toThrow(/word-vectors\.bin/);
  });

  it('is optional: a folder without one has none', () => {
    expect(loadWordVectors('test')).toBeUndefined();
  });
});

describe('clauses near the question in meaning', () => {
  const shipped = loadWordVectors('content');
  const protocol = aProtocol([
    aClause('1', { heading: 'Speaking', text: 'Members may speak to officers about council business.' }),
    aClause('2', { heading: 'Speaking', text: 'Members may speak to the press and newspapers about council business.' }),
  ]);
  const ranked = (index: ClauseIndex, q: string) => index.search(q).hits.map((h) => h.clause.id);

  it('ships a table that knows everyday words', () => {
    expect(shipped).toBeDefined();
    const near = (a: string, b: string) => cosine(shipped!.sum([[a, 1]])!, shipped!.sum([[b, 1]])!);
    expect(near('journalist', 'press')).toBeGreaterThan(near('journalist', 'offic'));
  });

  it('puts first the clause whose words mean what the question asks, where the shared words alone pick another', () => {
    const question = 'a journalist rang me, can I speak to them';
    expect(ranked(new ClauseIndex(protocol, buildLexicon({})), question)[0]).toBe('1');
    expect(ranked(new ClauseIndex(protocol, buildLexicon({}), undefined, undefined, undefined, shipped), question)[0]).toBe('2');
  });

  it('is no evidence that the protocol deals with a question: confidence is judged on the words alone', () => {
    const index = new ClauseIndex(protocol, buildLexicon({}), undefined, undefined, undefined, shipped);
    const top = index.search('a journalist rang me, can I speak to them').hits[0]!;
    expect(top.foretold).toBeGreaterThan(0);
    const bare = new ClauseIndex(protocol, buildLexicon({})).search('a journalist rang me, can I speak to them');
    const withMeaning = index.search('a journalist rang me, can I speak to them');
    expect(judgeConfidence(withMeaning).confident).toBe(judgeConfidence(bare).confident);
  });
});
