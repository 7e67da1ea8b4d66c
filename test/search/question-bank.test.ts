/** Clauses borrowing how people asked about like clauses in other councils (question-bank.ts). */
import { readFileSync } from 'node:fs';
import { buildQuestionBank, questionBankJson } from '../../src/evaluation/question-bank-build';
import type { Clause } from '../../src/protocol/model';
import { questionBank, type QuestionBankFile } from '../../src/search/question-bank';
import { aContentClause } from '../builders/content-builders';
import { coreOfClauses } from '../builders/core-builders';

const bankFile: QuestionBankFile = {
  about: 'test',
  clauses: [
    { council: 'elsewhere', clause: '4.2', text: 'Councillors must not call at the Clerk’s home or telephone the Clerk in the evening or at weekends.', asks: ['can i pop round to her house', 'ring her on a sunday'] },
    { council: 'ourtown', clause: '2.1', text: 'Councillors must not call at the Clerk’s home or telephone the Clerk in the evening.', asks: ['our own question'] },
    { council: 'elsewhere', clause: '7.1', text: 'The Monitoring Officer deals with complaints under the Code of Conduct.', asks: ['report a councillor'] },
  ],
};
const clause = (id: string, text: string): Clause => ({ id, heading: 'Contact', text, items: [], tail: '' });

describe('the question bank', () => {
  const bank = questionBank(bankFile);

  test('a clause borrows the asks of the most like clause of another council, never its own council’s', () => {
    const borrowed = bank.borrow('ourtown', [clause('3.3', 'Councillors should not telephone the Clerk at home in the evening or call at the Clerk’s home.')]);
    expect(borrowed.get('3.3')!.map((a) => a.text)).toEqual(['can i pop round to her house', 'ring her on a sunday']);
    expect(borrowed.get('3.3')![0]!.likeness).toBeGreaterThan(0.35);
  });

  test('a clause like none in the bank borrows nothing', () => {
    const borrowed = bank.borrow('ourtown', [clause('9.9', 'The minutes of each meeting are approved at the next meeting.')]);
    expect(borrowed.has('9.9')).toBe(false);
  });
});

test('a new council without hints finds the clause by a question asked about a like clause elsewhere', () => {
  const clauses = [
    aContentClause({ id: '2', heading: 'Working together', text: undefined }),
    aContentClause({ id: '2.1', text: 'Councillors and staff treat one another with courtesy and respect.' }),
    aContentClause({ id: '2.2', text: 'Councillors should not telephone the Clerk at home in the evening or call at the Clerk’s home.' }),
    aContentClause({ id: '2.3', text: 'Requests for information go to the Clerk in writing.' }),
  ];
  const ask = (bank?: ReturnType<typeof questionBank>) =>
    coreOfClauses(clauses, 'ourtown', bank).ask({ council: 'ourtown', role: 'councillor', text: 'can i pop round to her house' });
  expect(ask(questionBank(bankFile)).clauses[0]?.id).toBe('2.2');
  expect(ask().clauses[0]?.id).not.toBe('2.2');
});

test('content/question-bank.json is what scripts/build-question-bank.ts writes from the question sets and hints', async () => {
  const bank = await buildQuestionBank();
  expect(readFileSync('content/question-bank.json', 'utf8')).toBe(questionBankJson(bank));
}, 120_000);
