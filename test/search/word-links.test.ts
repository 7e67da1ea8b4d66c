/** Clause words foretold by a question's words, learnt from other councils' asks in the question bank (word-links.ts). */
import { questionBank, type QuestionBankFile } from '../../src/search/question-bank';
import { learnWordLinks } from '../../src/search/word-links';
import { aContentClause } from '../builders/content-builders';
import { coreOfClauses } from '../builders/core-builders';

const relatives = 'Councillors must tell the Clerk in writing of any relative or close friend employed by the council.';
const gifts = 'Councillors must tell the Clerk of any gift or hospitality offered by a contractor.';
const meetings = 'Agendas are published three clear days before each meeting.';

/** Asks about relatives (using "godson") in two councils, and other asks about other clauses. */
const bankFile: QuestionBankFile = {
  about: 'test',
  clauses: [
    { council: 'north', clause: '3.1', text: 'Any relative of a councillor employed by the council must be declared.', asks: ['my godson got a job in the office', 'godson applied for the caretaker post', 'does my godson working here matter'] },
    { council: 'north', clause: '3.2', text: gifts, asks: ['a builder sent me a hamper', 'can i accept a bottle of wine from a contractor'] },
    { council: 'south', clause: '5', text: 'A member with a relative on the staff says so to the Proper Officer.', asks: ['my godson is the new admin assistant', 'godson just started on the grounds team'] },
    { council: 'south', clause: '6', text: meetings, asks: ['when do agendas go out', 'how far ahead is the meeting published', 'agenda deadline'] },
  ],
};

describe('learnt word links', () => {
  const links = learnWordLinks(bankFile);

  test('a question word links to the clause words its asks went with far more often than chance', () => {
    const terms = links('ourtown')('godson').map((l) => l.term);
    expect(terms).toContain('relativ');
    expect(terms).not.toContain('agenda');
    expect(links('ourtown')('godson')[0]!.weight).toBeGreaterThan(0);
  });

  test('a council never learns from its own asks: without them too few are left to link on', () => {
    expect(links('north')('godson')).toEqual([]);
    // South learns from north's three asks alone: north's clause words, none of south's own ("proper officer").
    const south = links('south')('godson').map((l) => l.term);
    expect(south).toContain('declar');
    expect(south).not.toContain('proper');
  });

  test('a word no ask used, or used too rarely, links to nothing', () => {
    expect(links('ourtown')('zebra')).toEqual([]);
    expect(links('ourtown')('hamper')).toEqual([]);
  });
});

describe('a new council ranking by foretold words', () => {
  const clauses = [
    aContentClause({ id: '2', heading: 'Telling the Clerk', text: undefined }),
    aContentClause({ id: '2.1', text: gifts }),
    aContentClause({ id: '2.2', text: relatives }),
    aContentClause({ id: '2.3', text: meetings }),
  ];
  const build = (bank?: ReturnType<typeof questionBank>) => coreOfClauses(clauses, 'ourtown', bank);
  const ask = (core: ReturnType<typeof build>, text: string) => core.ask({ council: 'ourtown', role: 'councillor', text });

  test('a word the protocol never uses tips the choice between clauses the question’s own words reach alike', () => {
    const question = 'must councillors tell the clerk my godson works here';
    expect(ask(build(), question).clauses[0]?.id).toBe('2.1');
    const answer = ask(build(questionBank(bankFile)), question);
    expect(answer.confident).toBe(true);
    expect(answer.clauses[0]?.id).toBe('2.2');
  });

  test('foretold words are no evidence on their own: a question the protocol’s words do not reach is still declined', () => {
    const answer = ask(build(questionBank(bankFile)), 'godson');
    expect(answer.confident).toBe(false);
  });
});
