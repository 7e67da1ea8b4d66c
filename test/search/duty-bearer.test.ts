/** Whose conduct a clause opens by setting out, and whose duty a question asks about. */
import { bearerFit, clauseBearer, questionBearer, ruleFit, setsRule } from '../../src/search/duty-bearer';

describe('clause bearer', () => {
  it('is the party the opening sentence makes act', () => {
    expect(clauseBearer('Individually, members represent the residents of their ward.')).toBe('member');
    expect(clauseBearer('Officers will keep ward members informed of significant issues.')).toBe('officer');
    expect(clauseBearer('The role of Officers is to give advice and information to Councillors.')).toBe('officer');
    expect(clauseBearer('', 'The Clerk should reply within five working days.')).toBe('officer');
  });

  it('is the other party in a list of what one side can expect', () => {
    expect(clauseBearer('All Councillors can expect:')).toBe('officer');
    expect(clauseBearer('Officers can expect from Councillors:')).toBe('member');
  });

  it('is unknown for a passive opening or one naming no party', () => {
    expect(clauseBearer('Ward members should be consulted at an early stage.')).toBeUndefined();
    expect(clauseBearer('Close personal relationships can confuse roles.')).toBeUndefined();
  });
});

describe('question bearer', () => {
  it('reads whose duty is asked about; I and we are the asker', () => {
    expect(questionBearer('what am I actually supposed to do as a ward councillor', 'member')).toBe('member');
    expect(questionBearer('do officers have to follow a code of conduct', 'member')).toBe('officer');
    expect(questionBearer('officer: this councillor should be seeing the file, what should i do', 'officer')).toBe('officer');
  });

  it('reads a passive as the other party’s duty, and expecting as no duty', () => {
    expect(questionBearer("aren't we supposed to be kept in the loop", 'member')).toBe('officer');
    expect(questionBearer('what should we expect from the clerk', 'member')).toBeUndefined();
  });

  it('does not join sentences', () => {
    expect(questionBearer('she keeps raising it with the chair. should she be bringing that to me', 'member')).toBeUndefined();
  });

  it('fits a clause of the same party better than one of the other', () => {
    expect(bearerFit('member', 'member')).toBeGreaterThan(bearerFit(undefined, 'member'));
    expect(bearerFit('officer', 'member')).toBeLessThan(1);
    expect(bearerFit('officer', undefined)).toBe(1);
  });
});

describe('a clause that lays down a rule', () => {
  it.each([
    'Members must not use these resources for any business or private purpose of their own.',
    'When press releases are issued it would not be appropriate to indicate party affiliation.',
    'Employees are not there to run personal errands for councillors.',
    'Members do not take part in the appointment of officers.',
    'Members have a legal right to inspect documents about business to be transacted at a meeting.',
  ])('reads %j as a rule', (text) => {
    expect(setsRule(text)).toBe(true);
  });

  it('reads a clause that only describes how things are as no rule', () => {
    expect(setsRule('The Council provides members with a laptop, a mobile telephone and access to printing.')).toBe(false);
  });

  it('counts a describing clause a little less only when the asker asks whether they may', () => {
    expect(ruleFit(false, true)).toBeLessThan(ruleFit(true, true));
    expect(ruleFit(false, false)).toBe(1);
  });
});
