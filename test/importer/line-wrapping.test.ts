import { continuesLine, splitWrappedItems, wrapWidth } from '../../src/importer/line-wrapping';

describe('continuesLine', () => {
  const width = 90;

  test('a line starting in lower case continues the one before', () => {
    expect(continuesLine('Nothing in this Protocol is intended', 'to change this relationship.', width)).toBe(true);
  });

  test('a short line ending a sentence closes its paragraph', () => {
    expect(continuesLine('relevant committees etc.', 'Mutual respect between Councillors and officers', width)).toBe(false);
  });

  test('a full line ending a sentence was only wrapped there', () => {
    const full = 'only so long as their term of office lasts, and set high level policy and strategy.';
    expect(continuesLine(full, 'Officers are employees of the Council', width)).toBe(true);
  });

  test('a colon always closes the paragraph', () => {
    expect(continuesLine('The respective roles of Councillors and officers can be summarised as follows:', 'Councillors', width)).toBe(false);
  });

  test('unwrapped text (no width) only joins lower-case continuations', () => {
    expect(continuesLine('must not ask them to undertake any', 'work of a party political nature', Infinity)).toBe(true);
    expect(continuesLine('Councillors are responsible', 'Officers are responsible', Infinity)).toBe(false);
  });
});

describe('wrapWidth', () => {
  test('is the longest line of hard-wrapped text, and Infinity when paragraphs sit on one line', () => {
    expect(wrapWidth(['a'.repeat(80), 'b'.repeat(91), 'c'.repeat(20)])).toBe(91);
    expect(wrapWidth(['x'.repeat(300), 'y'.repeat(200), 'short'])).toBe(Infinity);
  });
});

describe('splitWrappedItems', () => {
  test('starts an item where the line would have fitted on the one before', () => {
    const lines = [
      'a commitment to the council as a whole, and not to any individual member or group',
      'of members or political group',
      'a working partnership',
      'professional advice, not influenced by political views or preference, which does not',
      'compromise the political neutrality of officers',
    ];
    expect(splitWrappedItems(lines, 3)).toEqual([lines.slice(0, 2), [lines[2]], lines.slice(3)]);
  });

  test('when the first item is capitalised, only capitalised lines start items, even if fewer than expected', () => {
    const lines = [
      'Any political group may invite the clerk to attend a meeting of the group to advise on',
      'matters relating to the council. The clerk will not make any recommendations.',
      'The clerk may arrange for a representative from the officer team to attend or may',
      'decline to attend.',
      'Where correspondence is copied',
      'the addressee will be told',
    ];
    expect(splitWrappedItems(lines, 4).map((item) => item[0]!.slice(0, 9))).toEqual(['Any polit', 'The clerk', 'Where cor']);
  });
});
