/** Where the importer corpus lives and which protocols it holds. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_DIR = join(__dirname, '..', '..', 'test', 'importer', 'corpus');

/** Ids of the corpus protocols: the folders that hold an expected.yaml. */
export function corpusIds(): string[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CORPUS_DIR, d.name, 'expected.yaml')))
    .map((d) => d.name)
    .sort();
}
