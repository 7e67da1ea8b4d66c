import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError } from '../../src/errors';
import { loadProtocols, parseProtocol } from '../../src/protocol/content-loader';
import type { Protocol } from '../../src/protocol/model';
import { aContentClause, aContentFile, contentYaml } from '../builders/content-builders';
import { SEED_COUNCILS, collapseWhitespace, seedTextWithoutNoise, wordingOf } from '../importer/seed-councils';

const CONTENT_DIR = join(__dirname, '..', '..', 'content');

describe('the committed content files', () => {
  const protocols = loadProtocols(CONTENT_DIR);

  test('all five seed councils load', () => {
    expect([...protocols.keys()]).toEqual(expect.arrayContaining(SEED_COUNCILS.map((c) => c.id)));
  });

  describe.each(SEED_COUNCILS.map((c) => [c.id, c] as const))('%s', (id, council) => {
    const protocol = (): Protocol => protocols.get(id)!;

    test('has exactly the clause numbers the document has, in order', () => {
      expect(protocol().clauses.map((c) => c.id)).toEqual(council.clauseIds);
    });

    test('quotes the document verbatim: every text, item and tail is in the source', () => {
      const source = seedTextWithoutNoise(council);
      const invented = wordingOf(protocol().clauses)
        .flatMap((w) => w.text.split('\n\n').map((para) => ({ where: w.where, para: collapseWhitespace(para) })))
        .filter(({ para }) => !source.includes(para));
      expect(invented).toEqual([]);
    });

    test('names its source document', () => {
      expect(protocol().source).toBe(council.file);
    });

    test(`has both escalation paths, ${council.defaultEscalation ? 'as the default council setting' : 'from its own provisions'}`, () => {
      for (const role of ['councillor', 'officer'] as const) {
        const path = protocol().escalation[role];
        expect(path.steps.length).toBeGreaterThan(0);
        expect(path.isCouncilSetting).toBe(council.defaultEscalation);
        if (!council.defaultEscalation) {
          for (const step of path.steps) expect(step.governs.length).toBeGreaterThan(0);
          for (const step of path.steps) expect(step.clause).toEqual(expect.any(String));
        }
      }
    });
  });

  test('escalation steps cite the provisions each protocol makes', () => {
    const cited = (id: string, role: 'councillor' | 'officer') => protocols.get(id)!.escalation[role].steps.map((s) => s.clause);
    expect(cited('hexham', 'councillor')).toEqual(['5.3', '5.3']);
    expect(cited('hexham', 'officer')).toEqual(['5.1', '5.1']);
    expect(cited('bfstc', 'councillor')).toEqual(['4.2', '4.2', '4.2']);
    expect(cited('bfstc', 'officer')).toEqual(['4.1', '4.1', '4.1']);
    expect(cited('borough', 'councillor')).toEqual(['2.7', '2.7', '4.2']);
    expect(cited('borough', 'officer')).toEqual(['2.8', '3.1', '4.2']);
  });

  test('headings follow the documents: own sub-headings, group sub-headings and inherited section headings', () => {
    const heading = (id: string, clause: string) => protocols.get(id)!.clauses.find((c) => c.id === clause)?.heading;
    expect(heading('hexham', '2.3')).toBe('Chairmen and Vice Chairmen');
    expect(heading('hexham', '5.2')).toBe('When Things go Wrong');
    expect(heading('bfstc', '3')).toBe('Political Groups');
    expect(heading('borough', '2.3')).toBe('Officer Impartiality');
    expect(heading('borough', '2.8')).toBe('Mutual respect');
    expect(heading('borough', '4.3')).toBe('Access to Officers by Members');
    expect(heading('borough', '3.1')).toBe('Undue Pressure');
    expect(heading('model', '2.2.3')).toBe('Councillors');
  });
});

describe('content errors', () => {
  function parseError(file: unknown): string {
    try {
      parseProtocol(contentYaml(file), 'councils/testtown.yaml');
    } catch (err) {
      expect(err).toBeInstanceOf(ContentError);
      return (err as ContentError).message;
    }
    throw new Error('expected the content to be rejected');
  }

  test('the builder content itself is valid', () => {
    expect(parseProtocol(contentYaml(aContentFile()), 'councils/testtown.yaml').clauses).toHaveLength(4);
  });

  test('a missing field names the file and the field', () => {
    expect(parseError({ ...aContentFile(), name: undefined })).toBe('councils/testtown.yaml: name: name is required');
  });

  test('a clause without an id names its place in the list', () => {
    const clauses = [aContentClause({ id: '1', heading: 'Introduction' }), { text: 'No number here.' }];
    expect(parseError(aContentFile({ clauses: clauses as never }))).toBe(
      'councils/testtown.yaml (clause #2 in the list): id: clause id is required (quote it: id: "2.4")',
    );
  });

  test('a duplicate clause id names the clause', () => {
    const clauses = [aContentClause({ id: '2', heading: 'Roles' }), aContentClause({ id: '2.1' }), aContentClause({ id: '2.1' })];
    expect(parseError(aContentFile({ clauses }))).toBe('councils/testtown.yaml (clause 2.1): duplicate clause id');
  });

  test('an empty list item names the clause and the item', () => {
    const clauses = [aContentClause({ id: '2', heading: 'Roles' }), aContentClause({ id: '2.1', items: [{ label: 'a', text: ' ' }] })];
    expect(parseError(aContentFile({ clauses }))).toMatch(/^councils\/testtown\.yaml \(clause 2\.1\): items.*\[1\]\.text: list item text is empty$/);
  });

  test('a clause with no heading to inherit names the clause', () => {
    const clauses = [aContentClause({ id: '2.1' })];
    expect(parseError(aContentFile({ clauses }))).toBe(
      'councils/testtown.yaml (clause 2.1): heading is missing and there is no section heading to inherit',
    );
  });

  test('an escalation step citing a clause that does not exist names the path and the clause', () => {
    const escalation = aContentFile().escalation;
    const bad = { ...escalation, officer: { steps: [{ to: 'The Clerk', when: 'First.', clause: '9.9' }] } };
    expect(parseError(aContentFile({ escalation: bad }))).toBe(
      'councils/testtown.yaml: escalation.officer.steps[1] ("The Clerk") refers to clause 9.9, which does not exist',
    );
  });

  test('invalid YAML names the file and where the YAML breaks', () => {
    expect(() => parseProtocol('id: testtown\n  name: [', 'councils/testtown.yaml')).toThrow(
      /^councils\/testtown\.yaml: is not valid YAML: .*line 1, column 5/,
    );
  });

  test('a key given twice is invalid YAML', () => {
    expect(() => parseProtocol('id: a\nid: b\n', 'councils/testtown.yaml')).toThrow(/is not valid YAML: Map keys must be unique/);
  });
});

describe('loadProtocols errors', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'content-'));
    mkdirSync(join(dir, 'councils'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('an id that does not match the file name names the file and the id expected', () => {
    writeFileSync(join(dir, 'councils', 'hexham.yaml'), contentYaml(aContentFile({ id: 'testtown' })));
    expect(() => loadProtocols(dir)).toThrow(
      `${join(dir, 'councils', 'hexham.yaml')}: id "testtown" does not match the file name (expected id: hexham)`,
    );
  });

  test('a broken file among good ones is named', () => {
    writeFileSync(join(dir, 'councils', 'testtown.yaml'), contentYaml(aContentFile()));
    writeFileSync(join(dir, 'councils', 'broken.yaml'), contentYaml({ ...aContentFile({ id: 'broken' }), title: undefined }));
    expect(() => loadProtocols(dir)).toThrow(`${join(dir, 'councils', 'broken.yaml')}: title: title is required`);
  });

  test('a folder with no content files says so', () => {
    expect(() => loadProtocols(dir)).toThrow(`${join(dir, 'councils')}: no council content files (*.yaml) found`);
  });

  test('loads a valid folder keyed by council id', () => {
    writeFileSync(join(dir, 'councils', 'testtown.yaml'), contentYaml(aContentFile()));
    expect([...loadProtocols(dir).keys()]).toEqual(['testtown']);
  });
});
