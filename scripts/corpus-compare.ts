/**
 * `npx tsx scripts/corpus-compare.ts <expected.yaml> <imported.yaml> [layout.json]`: how far an imported
 * content file is from a corpus protocol's ideal import. Read-only; prints one JSON line of figures.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

interface RawItem { label?: unknown; text?: unknown; items?: RawItem[] }
interface RawClause { id?: unknown; heading?: unknown; text?: unknown; items?: RawItem[]; tail?: unknown }
interface RawStep { to?: unknown }
interface RawFile {
  clauses?: RawClause[];
  escalation?: Record<string, { council_setting?: unknown; steps?: RawStep[] }>;
}

const norm = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');
const itemShape = (c: RawClause): string =>
  (c.items ?? []).map((i) => `${norm(i.label)}[${(i.items ?? []).map((s) => norm(s.label)).join(',')}]`).join(' ');
const allText = (c: RawClause): string =>
  [c.text, ...(c.items ?? []).flatMap((i) => [i.text, ...(i.items ?? []).map((s) => s.text)]), c.tail].map(norm).join(' ');

/** Text that belongs to the page furniture or the trailing blocks, never to a clause. */
function junkMarkers(layoutPath: string | undefined): RegExp[] {
  const markers = [/Page \d+ of \d+/i, /\bSigned\b.*…|\.{5,}/, /minute \d+\/\d+/i, /To be reviewed/i, /Version\s+\|?\s*Date/i];
  if (!layoutPath) return markers;
  const layout = JSON.parse(readFileSync(layoutPath, 'utf8')) as { pages?: { header?: string[] } };
  // Case-sensitive: a header "CLUNBURY TOWN COUNCIL" is junk, the clause text "Clunbury Town Council employs" is not.
  for (const part of (layout.pages?.header ?? []).flatMap((h) => h.split('\t'))) {
    if (part.trim()) markers.push(new RegExp(part.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }
  return markers;
}

function people(file: RawFile, role: string): string[] {
  return (file.escalation?.[role]?.steps ?? []).map((s) => norm(s.to));
}

function main(): void {
  const [expectedPath, actualPath, layoutPath] = process.argv.slice(2);
  if (!expectedPath || !actualPath) throw new Error('usage: corpus-compare <expected.yaml> <imported.yaml> [layout.json]');
  const expected = parseYaml(readFileSync(expectedPath, 'utf8')) as RawFile;
  const actual = (parseYaml(readFileSync(actualPath, 'utf8')) ?? {}) as RawFile;
  const want = new Map((expected.clauses ?? []).map((c) => [norm(c.id), c]));
  const got = new Map((actual.clauses ?? []).map((c) => [norm(c.id), c]));
  const matched = [...want.keys()].filter((id) => got.has(id));
  const markers = junkMarkers(layoutPath);
  const pairs = matched.map((id) => [want.get(id)!, got.get(id)!] as const);
  const report = {
    expectedClauses: want.size,
    importedClauses: got.size,
    idsMatched: matched.length,
    missingIds: [...want.keys()].filter((id) => !got.has(id)),
    extraIds: [...got.keys()].filter((id) => !want.has(id)),
    textExact: pairs.filter(([w, g]) => norm(w.text) === norm(g.text) && norm(w.tail) === norm(g.tail)).length,
    headingsExact: pairs.filter(([w, g]) => norm(w.heading) === norm(g.heading)).length,
    itemsShapeExact: pairs.filter(([w, g]) => itemShape(w) === itemShape(g)).length,
    clausesWithNestedItemsExpected: pairs.filter(([w]) => (w.items ?? []).some((i) => i.items?.length)).length,
    nestedItemsExact: pairs.filter(([w, g]) => (w.items ?? []).some((i) => i.items?.length) && itemShape(w) === itemShape(g)).length,
    junkClauses: (actual.clauses ?? []).filter((c) => markers.some((m) => m.test(allText(c)) || m.test(norm(c.heading)))).map((c) => norm(c.id)),
    escalation: Object.fromEntries(
      ['councillor', 'officer'].map((role) => [
        role,
        {
          councilSetting: actual.escalation?.[role]?.council_setting ?? null,
          expected: people(expected, role),
          imported: people(actual, role),
        },
      ]),
    ),
  };
  process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
}

main();
