/** A confident answer needs evidence from the protocol itself, not only from a council's search hints. */
import { ClauseIndex } from '../../src/search/clause-index';
import { judgeConfidence } from '../../src/search/confidence';
import { buildLexicon } from '../../src/search/lexicon';
import { aClause, aProtocol } from '../builders/protocol-builders';

const clause = (id: string, heading: string, text: string) => aClause(id, { heading, text, parent: '3' });
const protocol = aProtocol([
  aClause('3', { heading: 'Expectations' }),
  clause('3.1', 'Contact', 'Members respect the working hours of staff and do not expect replies out of hours.'),
  clause('3.2', 'Meetings', 'Agendas are published a week before each meeting.'),
  // Other matters, so that a word one clause uses is as informative as in a real protocol.
  ...['budget', 'press', 'training', 'planning', 'premises', 'gifts', 'groups', 'records'].map((w, i) =>
    clause(`3.${i + 3}`, w, `The council's arrangements for ${w} are set out in its policies.`),
  ),
]);
const hints = new Map([['3.1', ['rings me at weekends', 'weekend emails', 'texts at the weekend']]]);
const lexicon = buildLexicon({ people: ['members', 'staff', 'clerk'] }, { relations: ['people'] });
const index = new ClauseIndex(protocol, lexicon, hints);

describe('confidence on hint words alone', () => {
  it('declines a question whose only match is a hint word, naming no people or subject', () => {
    const result = index.search('is it going to snow this weekend');
    expect(result.hits[0]?.clause.id).toBe('3.1');
    expect(result.hintsOnly).toBe(true);
    // Clear of the ordinary bar, so only the hint-words rule declines it.
    expect(result.hits[0]!.score).toBeGreaterThan(2.5);
    expect(judgeConfidence(result)).toMatchObject({ confident: false, reason: 'only hint words matched' });
  });

  it('still answers when the protocol text itself matches too', () => {
    const result = index.search('do staff have to reply to emails at the weekend');
    expect(result.hintsOnly).toBe(false);
    expect(judgeConfidence(result).confident).toBe(true);
  });
});
