/** The corpus under test/importer/corpus: protocols never tuned on, each with its ideal import (expected.yaml). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ContentFile } from '../../src/protocol/content-schema';

export const CORPUS_DIR = join(__dirname, 'corpus');

export interface CorpusProtocol {
  id: string;
  document: string;
  expected: ContentFile;
  /** Running header/footer lines printed on its pages ({n}/{m} page numbers as patterns). */
  furniture: RegExp[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function furnitureOf(dir: string): RegExp[] {
  const layoutPath = join(dir, 'layout.json');
  const generic = [/Page \d+ of \d+/i, /\bSigned\b.*(…|\.{5,})/i, /minute (no\.? )?\d+\/\d+/i, /To be reviewed/i, /\bVersion\b.*\bDate\b/i];
  if (!existsSync(layoutPath)) return generic;
  const layout = JSON.parse(readFileSync(layoutPath, 'utf8')) as { pages?: { header?: string[]; footer?: string[] } };
  const lines = [...(layout.pages?.header ?? []), ...(layout.pages?.footer ?? [])];
  return [
    ...generic,
    ...lines
      .flatMap((l) => l.split(/\s{3,}/))
      .map((l) => l.trim())
      .filter((l) => l.length > 6 && !/^\{[nm]\}$/.test(l))
      .map((l) => new RegExp(escape(l).replace(/\\\{[nm]\\\}/g, '\\d+'), 'i')),
  ];
}

export function corpusProtocols(): CorpusProtocol[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return readdirSync(CORPUS_DIR)
    .filter((id) => existsSync(join(CORPUS_DIR, id, 'expected.yaml')))
    .sort()
    .flatMap((id) => {
      const dir = join(CORPUS_DIR, id);
      const document = readdirSync(dir).find((f) => /^protocol\.(pdf|docx|txt|md)$/.test(f));
      if (!document) return [];
      const expected = parseYaml(readFileSync(join(dir, 'expected.yaml'), 'utf8')) as ContentFile;
      return [{ id, document: join(dir, document), expected, furniture: furnitureOf(dir) }];
    });
}

export const collapse = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

type Clause = ContentFile['clauses'][number];

export function itemShape(c: Clause): string {
  return (c.items ?? []).map((i) => `${i.label}[${(i.items ?? []).map((s) => s.label).join(',')}]`).join(' ');
}

/** Every piece of a clause's wording: text, items, sub-items, tail. */
export function wordingOf(c: Clause): string[] {
  return [c.text, ...(c.items ?? []).flatMap((i) => [i.text, ...(i.items ?? []).map((s) => s.text)]), c.tail].map(collapse);
}

/**
 * The kind of person an escalation step names, written independently of the importer's lexicon so the
 * comparison can fail: "The Chairman of the Council" and "The Town Mayor" are both the council's chair.
 */
export function personKinds(to: string): string[] {
  const s = to.toLowerCase();
  const kinds: string[] = [];
  const has = (re: RegExp) => re.test(s);
  if (has(/monitoring officer/)) kinds.push('monitoring officer');
  if (has(/chief executive/)) kinds.push('chief executive');
  if (has(/standards committee/)) kinds.push('standards committee');
  if (has(/(staffing|personnel|hr|human resources) (committee|panel)/)) kinds.push(has(/chair/) ? 'staffing chair' : 'staffing committee');
  if (has(/line manager/)) kinds.push('line manager');
  if (has(/head of service/)) kinds.push('head of service');
  if (has(/director/)) kinds.push('director');
  if (has(/group leader|leader of .*group/)) kinds.push('group leader');
  if (has(/leader of the council/)) kinds.push('council leader');
  if (has(/vice-chair/)) kinds.push('vice chair');
  else if (has(/mayor|chair(man|person)? of the (town |parish |city )?council|^the chair(man)?$/)) kinds.push('council chair');
  if (has(/\bclerk\b/) && !has(/deputy/)) kinds.push('clerk');
  return kinds;
}
