/**
 * Search hints (content/hints/<council>.yaml): per clause, the words people use when asking about it.
 * They are never shown and are not protocol text; they only help the index find the right clause.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ContentError } from '../errors';
import { CLAUSE_ID } from '../protocol/clause-id';
import type { Protocol } from '../protocol/model';

export type SearchHints = ReadonlyMap<string, readonly string[]>;

export const HINTS_SUBDIR = 'hints';

const hintsSchema = z.record(
  z.string().regex(CLAUSE_ID, 'keys must be clause ids such as "2.4" (quoted)'),
  z.array(z.string().trim().min(1, 'a hint is empty')),
);

/** Loads a council's hints file if there is one; every clause id must exist in the protocol. */
export function loadHints(contentDir: string, protocol: Protocol): SearchHints {
  const file = join(contentDir, HINTS_SUBDIR, `${protocol.id}.yaml`);
  if (!existsSync(file)) return new Map();
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'), { uniqueKeys: true }) ?? {};
  } catch (err) {
    throw new ContentError(file, `is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = hintsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ContentError(file, issue.message, issue.path[0] === undefined ? undefined : String(issue.path[0]));
  }
  const ids = new Set(protocol.clauses.map((c) => c.id));
  for (const id of Object.keys(parsed.data)) {
    if (!ids.has(id)) throw new ContentError(file, `there is no clause ${id} in ${protocol.id}`, id);
  }
  return new Map(Object.entries(parsed.data));
}
