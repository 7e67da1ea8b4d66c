/**
 * Reads one of the council-independent knowledge files in content/ (lexicon.yaml, subjects.yaml):
 * YAML with unique keys, checked by its zod schema; a bad file stops start-up naming the file and
 * the first problem.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ContentError } from '../errors';

export function readKnowledgeFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'), { uniqueKeys: true });
  } catch (err) {
    throw new ContentError(file, `cannot be read as YAML (${(err as Error).message.split('\n')[0]})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ContentError(file, `${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
