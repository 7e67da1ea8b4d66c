/**
 * Councils the bot has never been tuned on, as a content folder: each corpus protocol
 * (`<corpus>/<id>/expected.yaml`, the ideal content file for that document) copied into a temporary
 * `councils/` folder, so eval can score questions on councils that are not in content/.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNCILS_SUBDIR } from '../protocol/content-loader';

/** Builds a temporary content folder holding every council of the corpus; returns its path and the ids. */
export function coldContentDir(corpusDir: string, only?: readonly string[]): { dir: string; ids: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'cold-content-'));
  mkdirSync(join(dir, COUNCILS_SUBDIR));
  const ids: string[] = [];
  for (const id of readdirSync(corpusDir).sort()) {
    if (only && !only.includes(id)) continue;
    const expected = join(corpusDir, id, 'expected.yaml');
    if (!existsSync(expected)) continue;
    copyFileSync(expected, join(dir, COUNCILS_SUBDIR, `${id}.yaml`));
    ids.push(id);
  }
  if (!ids.length) throw new Error(`no <id>/expected.yaml protocols found in ${corpusDir}`);
  return { dir, ids };
}
