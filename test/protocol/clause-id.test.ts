import { compareIds, isWithin, parentOf } from '../../src/protocol/clause-id';

describe('clause ids', () => {
  it('order numerically, items after their clause', () => {
    expect(['2.10', '3.1(e)', '2.4', '3.1', '2.4.1'].sort(compareIds)).toEqual(['2.4', '2.4.1', '2.10', '3.1', '3.1(e)']);
  });

  it('know what is within what', () => {
    expect(isWithin('2.4.1', '2.4')).toBe(true);
    expect(isWithin('3.1(e)', '3.1')).toBe(true);
    expect(isWithin('2', '2')).toBe(true);
    expect(isWithin('2.41', '2.4')).toBe(false);
    expect(isWithin('3.1', '3.1(e)')).toBe(false);
  });

  it('find the nearest existing parent', () => {
    expect(parentOf('2.4.1', new Set(['2', '2.4']))).toBe('2.4');
    expect(parentOf('2.4.1', new Set(['2']))).toBe('2');
    expect(parentOf('2', new Set(['2']))).toBeUndefined();
  });

  it('a lettered paragraph ("4(b)") is a clause inside its section, ordered among its siblings', () => {
    expect(parentOf('4(b)', new Set(['4', '4(a)']))).toBe('4');
    expect(parentOf('2.1(b)', new Set(['2']))).toBe('2');
    expect(isWithin('4(b)(ii)', '4(b)')).toBe(true);
    expect(['4(c)', '4', '3(b)', '4(a)'].sort(compareIds)).toEqual(['3(b)', '4', '4(a)', '4(c)']);
  });
});
