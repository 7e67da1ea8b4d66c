/** A sub-heading every clause of a sub-section shares counts for none of them: their other words tell them apart. */
import { ClauseIndex } from '../../src/search/clause-index';
import { buildLexicon } from '../../src/search/lexicon';
import { aClause, aProtocol } from '../builders/protocol-builders';

const inEmail = (id: string, text: string) => aClause(id, { heading: 'Email', text, parent: '5.1' });
const atMeetings = (id: string, text: string) => aClause(id, { heading: 'Meetings', text, parent: '6' });
const protocol = aProtocol([
  aClause('5', { heading: 'Email and social media' }),
  aClause('5.1', { heading: 'Email', parent: '5' }),
  inEmail('5.1.1', 'Each councillor is given a Council email address. Email for Council business must use it, not personal email accounts.'),
  inEmail('5.1.2', 'Staff are not expected to read email outside their working hours, and will reply within five working days where they can do so.'),
  inEmail('5.1.3', 'Email should not be copied to everyone unnecessarily.'),
  aClause('6', { heading: 'Meetings' }),
  atMeetings('6.1', 'Staff attend meetings of the council and its committees.'),
  atMeetings('6.2', 'Staff give advice at meetings.'),
  atMeetings('6.3', 'Councillors treat staff with respect at meetings.'),
  atMeetings('6.4', 'Staff take minutes.'),
  atMeetings('6.5', 'Staff book rooms.'),
  atMeetings('6.6', 'Staff publish agendas.'),
]);
const index = new ClauseIndex(protocol, buildLexicon({}));
const ids = (q: string) => index.search(q).hits.map((h) => h.clause.id);

describe('terms a sub-section shares', () => {
  it('puts first the sibling with the other word asked about, not the shortest or the one repeating the sub-heading', () => {
    expect(ids('emailed staff at night')[0]).toBe('5.1.2');
  });

  it('still finds the sub-section by its heading', () => {
    expect(ids('rules on email').slice(0, 3).sort()).toEqual(['5.1.1', '5.1.2', '5.1.3']);
  });
});
