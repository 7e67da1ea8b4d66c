import { parseCommand, parseForgetCommand } from '../src/commands';

describe('parseForgetCommand', () => {
  it.each([
    ['forget U0123ABC', 'U0123ABC'],
    ['  Forget   U0123ABC ', 'U0123ABC'],
    ['forget <@U0123ABC>', 'U0123ABC'],
    ['forget <@U0123ABC|jo>', 'U0123ABC'],
    ['forget 29:1AbC-dEf', '29:1AbC-dEf'],
  ])('reads %j as forget %s', (input, userId) => {
    expect(parseForgetCommand(input)).toEqual({ kind: 'forget', userId });
  });

  it('asks for an id when none is given', () => {
    expect(parseForgetCommand('forget')).toEqual({ kind: 'forget', userId: null });
  });

  it.each(['forget it', 'forget the gifts question', 'can I forget to declare a gift?', 'report', ''])('leaves %j alone', (input) => {
    expect(parseForgetCommand(input)).toBeUndefined();
  });

  it('does not change what parseCommand makes of a question', () => {
    expect(parseCommand('forget it')).toEqual({ kind: 'ask', text: 'forget it' });
  });
});
