import { removeNoise, splitLines } from '../../src/importer/noise';

describe('removeNoise', () => {
  test('removes later repeats of the opening lines (page headers) but keeps the first', () => {
    const text = [
      'HONITON TOWN COUNCIL',
      '',
      'Protocol on Member / Officer Relations',
      '1. Background',
      'they must not ask them to undertake any',
      '',
      'HONITON TOWN COUNCIL',
      '',
      'Protocol on Member / Officer Relations',
      '',
      'work of a party political nature.',
    ].join('\n');
    const { lines, removed } = removeNoise(splitLines(text));
    expect(lines).toEqual([
      'HONITON TOWN COUNCIL',
      '',
      'Protocol on Member / Officer Relations',
      '1. Background',
      'they must not ask them to undertake any',
      '',
      'work of a party political nature.',
    ]);
    expect(removed).toEqual([
      'repeated page header "HONITON TOWN COUNCIL" (1×)',
      'repeated page header "Protocol on Member / Officer Relations" (1×)',
    ]);
  });

  test('does not take numbered lines or text after them as a page header', () => {
    const lines = ['Title', '1. Introduction', '1.1 Text.', '1. Introduction'];
    expect(removeNoise(lines).lines).toEqual(lines);
  });

  test('removes page numbers', () => {
    expect(removeNoise(['Title', '1.1 Text', 'Page 2 of 5', 'more text', '- 3 -']).lines).toEqual(['Title', '1.1 Text', 'more text']);
  });

  test('removes a closing signature block to the end of the document', () => {
    const { lines, removed } = removeNoise(['Title', '3.3 Last clause.', '', 'Signed: ', '', 'Chairman of the Council', 'Dated: ']);
    expect(lines).toEqual(['Title', '3.3 Last clause.', '']);
    expect(removed).toEqual(['signature block from "Signed:" to the end']);
  });

  test('keeps a leading space (a lost bullet can leave one) but trims trailing spaces', () => {
    expect(removeNoise(['Title', ' Councillors are responsible   ']).lines).toEqual(['Title', ' Councillors are responsible']);
  });

  test('splitLines handles CRLF and a byte-order mark', () => {
    expect(splitLines('\uFEFFa\r\nb\nc')).toEqual(['a', 'b', 'c']);
  });
});

test('a line repeated three times without a page number is furniture; a repeated sentence is not', () => {
  const footer = 'Anytown Parish Council – Member and Officer Protocol – May 2025';
  const said = 'The Monitoring Officer will be told of the outcome.';
  const { lines, removed } = removeNoise(['Title', '1.1 One.', said, footer, '1.2 Two.', said, footer, '1.3 Three.', said, footer]);
  expect(lines).toEqual(['Title', '1.1 One.', said, '1.2 Two.', said, '1.3 Three.', said]);
  expect(removed).toEqual([`running header or footer "${footer}" (3×)`]);
});

test('a heading underlined with dashes or equals signs keeps its heading; the rule goes', () => {
  expect(removeNoise(['Title', 'Introduction', '------------', '', '1. Text.', '= = = =']).lines).toEqual(['Title', 'Introduction', '1. Text.']);
});
