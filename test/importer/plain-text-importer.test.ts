import { ImportError, importPlainText, type ImportResult } from '../../src/importer/plain-text-importer';
import { NOISE_STRINGS, SEED_COUNCILS, readSeed, seed, seedTextWithoutNoise, wordingOf, collapseWhitespace, type SeedCouncil } from './seed-councils';

function importSeed(council: SeedCouncil): ImportResult {
  return importPlainText(readSeed(council), { id: council.id, name: council.name, source: council.file });
}

function clause(result: ImportResult, id: string) {
  const found = result.content.clauses.find((c) => c.id === id);
  if (!found) throw new Error(`no clause ${id} in ${result.content.id}`);
  return found;
}

describe('importPlainText on the five seed protocols', () => {
  describe.each(SEED_COUNCILS.map((c) => [c.id, c] as const))('%s', (_, council) => {
    const result = importSeed(council);
    const wording = wordingOf(result.content.clauses);

    test('finds exactly the clause numbers the document has, in order', () => {
      expect(result.content.clauses.map((c) => c.id)).toEqual(council.clauseIds);
    });

    test('leaves page headers, title lines and signature blocks out of the clause text', () => {
      for (const { where, text } of wording) {
        for (const noise of NOISE_STRINGS) expect({ where, hasNoise: text.includes(noise) }).toEqual({ where, hasNoise: false });
      }
    });

    test('leaves no stray bullet characters in the text', () => {
      for (const { where, text } of wording) {
        expect({ where, bullets: /[•\uF0B7]|(^|\n)\s*- /.test(text) }).toEqual({ where, bullets: false });
      }
    });

    test('joins hard-wrapped lines: newlines only ever separate paragraphs', () => {
      for (const { where, text } of wording) {
        expect({ where, text: text.replace(/\n\n/g, '¶') }).toEqual({ where, text: expect.not.stringMatching(/\n| {2}/) });
      }
    });

    test('takes every word of clause text from the document', () => {
      const source = seedTextWithoutNoise(council);
      for (const { where, text } of wording) {
        for (const para of text.split('\n\n')) expect({ where, verbatim: source.includes(collapseWhitespace(para)) }).toEqual({ where, verbatim: true });
      }
    });

    test('gives every clause a heading of its own or a section heading to inherit', () => {
      expect(result.notes.filter((n) => n.includes('no heading'))).toEqual([]);
    });

    test('escalation: the protocol\'s own provisions where it has them, else the default route as a council setting', () => {
      const { councillor, officer } = result.content.escalation;
      if (council.defaultEscalation) {
        expect([councillor.council_setting, officer.council_setting]).toEqual([true, true]);
        expect(councillor.steps.map((s) => s.to)).toEqual(['The Clerk', "The chair of the council's staffing/HR committee"]);
      } else {
        expect(councillor.council_setting).toBe(false);
        const ids = new Set(result.content.clauses.map((c) => c.id));
        for (const step of councillor.steps) expect(ids.has(step.clause!)).toBe(true);
      }
    });
  });

  test('hexham: blank line after every wrapped line; lettered lists keep their labels; the list tail is separate', () => {
    const result = importSeed(seed('hexham'));
    expect(clause(result, '1.1').text).toContain('an essential ingredient that goes into the successful working of the organisation.');
    expect(clause(result, '3.1').items.map((i) => i.label)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']);
    expect(clause(result, '3.1').items[0]!.text).toBe(
      'A commitment to the authority as a whole, and not to any individual Councillor, group of Councillors or political group',
    );
    expect(clause(result, '2.2').tail.split('\n\n')).toEqual([
      'All Councillors have the same rights and obligations in their relationship with the Clerk and other employees, regardless of their status or political party and should be treated equally.',
      'It is not the role of Councillors to involve themselves in the day to day management of the Council’s services.',
    ]);
    expect(clause(result, '2.3').heading).toBe('Chairmen and Vice Chairmen');
    expect(clause(result, '4')).toMatchObject({ heading: 'Political Groups', text: expect.stringMatching(/^The operation of political groups/) });
  });

  test('model: the protocol starts at its own title, not at the advice before it; bullets are numbered', () => {
    const result = importSeed(seed('model'));
    const all = wordingOf(result.content.clauses).map((w) => w.text).join(' ');
    expect(all).not.toContain('Mutual trust and respect between Councillors and Officers');
    expect(clause(result, '2.2.2').items).toEqual([
      { label: '1', text: 'To determine Council policy and provide community leadership;' },
      { label: '2', text: 'To monitor and review Council performance in delivering services;' },
      { label: '3', text: 'To represent the Council externally; and' },
      { label: '4', text: 'To act as advocates for their constituents.' },
    ]);
    expect(clause(result, '3.3').heading).toBe('Some General Principles');
    expect(result.content.title).toBe('Model Protocol on Member/Officer Relations');
  });

  test('bfstc: unnumbered sections, numbers alone on a line, lost bullets rebuilt into items', () => {
    const result = importSeed(seed('bfstc'));
    expect(clause(result, '1').heading).toBe('Background');
    expect(clause(result, '2').heading).toBe('Roles of Councillors and Officers');
    expect(clause(result, '3').heading).toBe('Political Groups');
    expect(clause(result, '3').items).toHaveLength(6);
    expect(clause(result, '3').items[5]!.text).toMatch(/^Where correspondence from an officer/);
    expect(clause(result, '2.1').items.map((i) => i.text.slice(0, 20))).toEqual([
      'Councillors and offi',
      'Councillors are resp',
      'Officers are respons',
      'Mutual respect betwe',
    ]);
    expect(clause(result, '2.2').items.map((i) => i.label)).toEqual(['i', 'ii', 'iii']);
    expect(clause(result, '2.4.1').items).toHaveLength(13);
    expect(clause(result, '2.4.1').items[0]!.text).toBe(
      'a commitment to the council as a whole, and not to any individual member or group of members or political group',
    );
    expect(clause(result, '2.4.2').items.map((i) => i.text.split(' ').slice(0, 2).join(' '))).toEqual([
      'a working', 'an understanding', 'leadership and', 'respect and', 'integrity, mutual', 'not to', 'that councillors', 'that councillors',
    ]);
    expect(clause(result, '2.5')).toMatchObject({ heading: 'Limitations on behaviour', text: expect.stringMatching(/^The distinct roles/) });
    expect(clause(result, '2.5').items.map((i) => [i.label, i.text.slice(0, 14)])).toEqual([
      ['i', 'Close personal'],
      ['ii', 'The need to ma'],
      ['iii', 'Relationships '],
    ]);
    expect(clause(result, '2.6').items).toHaveLength(3);
    expect(clause(result, '4.1').heading).toBe('Procedure for officers');
  });

  test('borough: title lines are not section 3; group sub-headings head the clauses beneath them', () => {
    const result = importSeed(seed('borough'));
    expect(clause(result, '3').heading).toBe('Undue Pressure');
    expect(clause(result, '9').heading).toBe('Conclusions');
    const headings = Object.fromEntries(result.content.clauses.map((c) => [c.id, c.heading]));
    expect(headings).toMatchObject({
      '2.1': undefined,
      '2.2': 'Officer Impartiality',
      '2.4': 'Officer Impartiality',
      '2.5': 'Balance between formality and informality',
      '2.6': 'Mutual respect',
      '2.9': 'Mutual respect',
      '2.10': 'Relationships',
      '2.11': 'Relationships',
      '3.1': undefined,
      '4.2': undefined,
      '4.3': 'Access to Officers by Members',
    });
  });

  test('honiton: "- 1.1" numbering, dash bullets, and a page header splitting a sentence', () => {
    const result = importSeed(seed('honiton'));
    expect(clause(result, '1.1').text).toMatch(/^This protocol is intended/);
    expect(clause(result, '2.3').text).toContain('must not ask them to undertake any work of a party political nature');
    expect(clause(result, '3.2').items).toHaveLength(7);
    expect(clause(result, '3.2').items[6]!.text).toBe("That Councillors will at all times comply with the Council's adopted Code of Conduct");
    expect(result.notes.join('\n')).toMatch(/repeated page header "HONITON TOWN COUNCIL" \(2×\)/);
  });

  test('a sixth council in another common shape: "(a)" labels, page numbers, headers, capitalised sections', () => {
    const text = [
      'ANYTOWN PARISH COUNCIL',
      'Member and Officer Protocol',
      '',
      '1 INTRODUCTION',
      '1.1 This protocol guides councillors and the clerk in their dealings with each',
      'other.',
      '1.2 Councillors should:',
      '(a) treat the clerk with respect;',
      '(b) not give instructions to the clerk outside a',
      'meeting; and',
      'Page 1 of 2',
      'ANYTOWN PARISH COUNCIL',
      '(c) raise concerns with the chair.',
      '2 COMPLAINTS',
      '2.1 A complaint about the clerk goes to the staffing committee.',
    ].join('\n');
    const result = importPlainText(text, { id: 'anytown', name: 'Anytown Parish Council', source: 'anytown.txt' });
    expect(result.content.title).toBe('Member and Officer Protocol');
    expect(result.content.clauses).toEqual([
      { id: '1', heading: 'Introduction', text: '', items: [], tail: '' },
      { id: '1.1', text: 'This protocol guides councillors and the clerk in their dealings with each other.', items: [], tail: '' },
      {
        id: '1.2',
        text: 'Councillors should:',
        items: [
          { label: 'a', text: 'treat the clerk with respect;' },
          { label: 'b', text: 'not give instructions to the clerk outside a meeting; and' },
          { label: 'c', text: 'raise concerns with the chair.' },
        ],
        tail: '',
      },
      { id: '2', heading: 'Complaints', text: '', items: [], tail: '' },
      { id: '2.1', text: 'A complaint about the clerk goes to the staffing committee.', items: [], tail: '' },
    ]);
    expect(result.notes).toEqual(
      expect.arrayContaining(['Removed repeated page header "ANYTOWN PARISH COUNCIL" (1×).', 'Removed page numbers (1×).']),
    );
  });

  test('takes the title from the opening lines unless one is given', () => {
    const hexham = seed('hexham');
    expect(importSeed(hexham).content.title).toBe('Member/Officer Relations Protocol');
    const titled = importPlainText(readSeed(hexham), { id: 'hexham', name: 'Hexham', source: 'x.txt', title: 'Protocol' });
    expect(titled.content.title).toBe('Protocol');
  });

  test('refuses text with no clause 1 or 1.1 to start from', () => {
    expect(() => importPlainText('Minutes of the meeting\nApologies were received.', { id: 'x', name: 'X', source: 'x.txt' })).toThrow(ImportError);
  });
});

describe('a protocol whose first clauses print no heading', () => {
  const text = [
    'Member and Officer Protocol',
    'Anyplace Parish Council',
    '',
    '1 This protocol sets out how councillors and the Clerk work together, and it applies to all councillors.',
    '',
    '2 It should be read with the Code of Conduct adopted by the Council, and with the staff handbook.',
    '',
    'Raising Concerns',
    '',
    '3 A councillor with a concern about the Clerk should raise it with the Chairman of the Council.',
  ].join('\n');

  test('gives them the document title, with a note to check, so the file loads', () => {
    const result = importPlainText(text, { id: 'anyplace', name: 'Anyplace Parish Council', source: 'protocol.txt' });
    expect(result.content.clauses.map((c) => [c.id, c.heading])).toEqual([
      ['1', 'Member and Officer Protocol'],
      ['2', 'Member and Officer Protocol'],
      ['3', 'Raising Concerns'],
    ]);
    expect(result.notes.join('\n')).toMatch(/Clause 1 had no heading[^\n]*the document's title; check it/);
  });
});

describe('the text after a list', () => {
  test('a capitalised line after the item ending a ";" list with a full stop is the text after the list, not more of that item', () => {
    const text = [
      '1.2 Requests should go to the right officer:',
      'i) events (Community Events Officer);',
      'ii) questions about invoices or payments (Responsible Financial Officer).',
      'Anything else should go to the Town Clerk. Councillors should not approach',
      'members of the parks team directly while they are at work on site.',
      '',
      '1.3 Staff will acknowledge a request within three working days.',
    ].join('\n');
    const result = importPlainText(`1.1 This protocol applies to everyone.\n\n${text}`, { id: 'stavely', name: 'Stavely Town Council', source: 'p.txt' });
    const c = clause(result, '1.2');
    expect(c.items.map((i) => i.text)).toEqual(['events (Community Events Officer);', 'questions about invoices or payments (Responsible Financial Officer).']);
    expect(c.tail).toBe('Anything else should go to the Town Clerk. Councillors should not approach members of the parks team directly while they are at work on site.');
  });
});

describe('a numbered contents list over a body whose headings are bare', () => {
  test('the contents list is left out and the body is read whole, each bare heading over its section', () => {
    const text = [
      'TESTLEY PARISH COUNCIL',
      'Member/Officer Relations Protocol',
      '',
      'Contents',
      '',
      '  1. Purpose and Status',
      '  2. Roles',
      '  3. Review',
      '',
      'Purpose and Status',
      '',
      '1.  This Protocol describes how councillors and staff work together.',
      '',
      '1.1  The Council employs a Clerk and an Assistant Clerk.',
      '',
      'Roles',
      '',
      '2.  Councillors and staff have different roles.',
      '',
      '2.1  Councillors make decisions together at meetings.',
      '',
      'Review',
      '',
      '3.  The Personnel Committee reviews this Protocol every two years.',
    ].join('\n');
    const result = importPlainText(text, { id: 'testley', name: 'Testley Parish Council', source: 'p.txt' });
    expect(result.content.clauses.map((c) => [c.id, c.heading])).toEqual([
      ['1', 'Purpose and Status'],
      ['1.1', 'Purpose and Status'],
      ['2', 'Roles'],
      ['2.1', 'Roles'],
      ['3', 'Review'],
    ]);
    expect(result.notes).toContain('Left out the contents list (3 entries) before the protocol.');
  });
});

describe('zero-padded section numbers, as a designer sets them ("04 Roles")', () => {
  const text = [
    'Anytown Town Council',
    'Member Officer Protocol',
    '',
    '01 About this protocol',
    '',
    '1.1 This protocol sets out how councillors and officers work together.',
    '',
    '02 Working together',
    '',
    '2.1 Councillors and officers treat each other with respect.',
    '',
    '2.2 A councillor with a concern about an officer raises it with the Town Clerk.',
  ].join('\n');
  const result = importPlainText(text, { id: 'anytown', name: 'Anytown Town Council', source: 'protocol.txt' });

  test('are the sections 1, 2…, as people cite them, with their headings', () => {
    expect(result.content.clauses.map((c) => c.id)).toEqual(['1', '1.1', '2', '2.1', '2.2']);
    expect(clause(result, '2').heading).toBe('Working together');
  });
});
