/**
 * Reads one of the council-independent knowledge files in content/ (lexicon.yaml, subjects.yaml as
 * YAML with unique keys; scope.json, question-bank.json as JSON), checked by its zod schema; a bad
 * file stops start-up naming the file and the problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** A JSON knowledge file in `dir`, checked against `schema`; undefined when the folder has none (such files are optional). */
export function readOptionalJson<S extends z.ZodType>(dir: string, name: string, schema: S): z.output<S> | undefined {
  const file = join(dir, name);
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContentError(file, `not valid JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ContentError(file, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}
