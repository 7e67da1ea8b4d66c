/** Gifts and hospitality, and the council's own social media accounts: matters a protocol either has a provision on or not. */
import { parseProtocol } from '../../src/protocol/content-loader';
import { createProtocolCore, loadCore } from '../../src/protocol-core';
import { loadLexicon } from '../../src/search/lexicon';
import { loadSubjects } from '../../src/search/subjects';
import { aContentClause, aContentFile, contentYaml } from '../builders/content-builders';

const base = [
  aContentClause({ id: '2', heading: 'Working together', text: undefined }),
  aContentClause({ id: '2.1', text: 'Councillors and the Clerk treat one another with courtesy and respect at all times.' }),
  aContentClause({ id: '2.2', text: 'Contractors working for the Council take instructions from the Clerk, not from individual councillors.' }),
  aContentClause({ id: '2.3', text: 'Councillors should not involve themselves in the day to day running of the Council.' }),
];

function coreWith(extra: ReturnType<typeof aContentClause>[] = []) {
  const protocol = parseProtocol(contentYaml(aContentFile({ id: 'parish', name: 'Testparish Parish Council', clauses: [...base, ...extra] })), 'parish.yaml');
  return createProtocolCore({ protocols: new Map([['parish', protocol]]), lexicon: loadLexicon('content'), subjects: loadSubjects('content'), defaultCouncil: 'parish' });
}
const ask = (core: ReturnType<typeof coreWith>, text: string) => core.ask({ council: 'parish', role: 'councillor', text });

test('a gift from a contractor, where the protocol has no provision on gifts, is declined with where to look', () => {
  const answer = ask(coreWith(), 'a contractor dropped off a bottle of whisky for me at christmas, can i keep it');
  expect(answer.confident).toBe(false);
  expect(answer.message).toMatch(/gifts and hospitality/);
});

test('where the protocol has a provision on gifts, the question is answered by it', () => {
  const core = coreWith([aContentClause({ id: '2.4', text: 'Councillors must not accept gifts or hospitality from contractors working for the Council.' })]);
  const answer = ask(core, 'a contractor dropped off a bottle of whisky for me at christmas, can i keep it');
  expect(answer.confident).toBe(true);
  expect(answer.clauses[0]!.id).toBe('2.4');
});

test("running the council's own facebook page, where the protocol says nothing of social media, is declined with where to look", () => {
  // The model protocol's 2.2.4 keeps councillors out of the council's day-to-day running: not about its social media.
  const core = loadCore('content', 'model', { hints: false });
  const answer = core.ask({ council: 'model', role: 'councillor', text: 'can i set up and run a facebook page for the parish council myself?' });
  expect(answer.confident).toBe(false);
  expect(answer.message).toMatch(/social media/);
});
