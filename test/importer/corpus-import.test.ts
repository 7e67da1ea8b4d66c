/**
 * Every corpus protocol, imported from its rendered document with no hand edits, against its ideal import.
 * The corpus was written by someone else and never tuned on before its first-touch figures were recorded.
 */
import { importDocument, type ImportedDocument } from '../../src/importer/import-document';
import { parseProtocol } from '../../src/protocol/content-loader';
import { collapse, corpusProtocols, itemShape, personKinds, wordingOf, type CorpusProtocol } from './corpus-expectations';

const PROTOCOLS = corpusProtocols();

function stepPairs(content: ImportedDocument['content'], role: 'councillor' | 'officer'): string[] {
  return content.escalation[role].steps.flatMap((s) => personKinds(s.to).map((k) => `${k} @${s.clause ?? '-'}`));
}

test('the corpus is there', () => {
  expect(PROTOCOLS.length).toBeGreaterThanOrEqual(7);
});

describe.each(PROTOCOLS.map((p) => [p.id, p] as const))('%s', (_, protocol: CorpusProtocol) => {
  let imported: ImportedDocument;
  beforeAll(async () => {
    imported = await importDocument(protocol.document, { id: protocol.expected.id, name: protocol.expected.name });
  });
  const byId = () => new Map(imported.content.clauses.map((c) => [c.id, c]));

  test('imports to a content file that loads', () => {
    expect(() => parseProtocol(imported.yaml, `${protocol.id}.yaml`)).not.toThrow();
  });

  test('takes the protocol’s title, not a running header or the constitution part', () => {
    expect(imported.content.title).toBe(protocol.expected.title);
  });

  test('finds every paragraph number the document prints, and no others', () => {
    expect(imported.content.clauses.map((c) => c.id)).toEqual(protocol.expected.clauses.map((c) => c.id));
  });

  test('headings as expected', () => {
    const got = byId();
    expect(protocol.expected.clauses.map((c) => [c.id, got.get(c.id)?.heading])).toEqual(protocol.expected.clauses.map((c) => [c.id, c.heading]));
  });

  test('list items with their labels and nesting', () => {
    const got = byId();
    expect(protocol.expected.clauses.map((c) => [c.id, got.has(c.id) ? itemShape(got.get(c.id)!) : 'missing'])).toEqual(
      protocol.expected.clauses.map((c) => [c.id, itemShape(c)]),
    );
  });

  test('clause text verbatim', () => {
    const got = byId();
    expect(protocol.expected.clauses.map((c) => [c.id, got.has(c.id) ? wordingOf(got.get(c.id)!) : []])).toEqual(
      protocol.expected.clauses.map((c) => [c.id, wordingOf(c)]),
    );
  });

  test('no header, footer, table, signature or adoption text inside any clause', () => {
    // A running header may also be the protocol's own words ("Oakleigh Town Council employs…"): only text the
    // ideal import does not have in that clause counts.
    const want = new Map(protocol.expected.clauses.map((c) => [c.id, wordingOf(c).join(' ')]));
    const junk = imported.content.clauses.flatMap((c) =>
      wordingOf(c).flatMap((w) =>
        protocol.furniture
          .filter((re) => re.test(w) && !re.test(want.get(c.id) ?? ''))
          .map((re) => `${c.id}: ${re.source} in "${collapse(w).slice(0, 80)}"`),
      ),
    );
    expect(junk).toEqual([]);
  });

  test.each(['councillor', 'officer'] as const)('the %s escalation path names the protocol’s people, citing its clauses', (role) => {
    const expected = protocol.expected.escalation[role];
    const got = imported.content.escalation[role];
    expect(got.council_setting).toBe(expected.council_setting);
    if (expected.council_setting) {
      // The protocol names nobody: the default route, fitted to the council. Where the Clerk is the only
      // employee, a concern about "an officer" is about the Clerk, so it must not go to the Clerk first
      // (the corpus's expected.yaml has the unfitted default here; the issue asks for the fitted one).
      const words = protocol.expected.clauses.flatMap(wordingOf).join(' ');
      const soleClerk = /\bclerk\b/i.test(words) && !/\b(officers|employees|staff|assistant|deputy)\b/i.test(words);
      if (soleClerk) expect(personKinds(got.steps[0]!.to)).not.toContain('clerk');
      if (!/\bclerk\b/i.test(words)) expect(got.steps.flatMap((s) => personKinds(s.to))).not.toContain('clerk');
      expect(got.steps.length).toBeGreaterThan(0);
      return;
    }
    const want = expected.steps.flatMap((s) => personKinds(s.to).map((k) => `${k} @${s.clause ?? '-'}`));
    const have = new Set(stepPairs(imported.content, role));
    expect(want.filter((w) => !have.has(w))).toEqual([]);
  });
});
