/**
 * Councils imported cold, as a new council would be: each corpus protocol's own document
 * (`<corpus>/<id>/protocol.<any format the importer reads>`) run through the importer with no hand edits into a
 * temporary content folder. Only the council's name is taken from the corpus (a clerk types it);
 * everything else comes from the document.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ImportError, importDocument } from '../importer/import-document';
import { IMPORTABLE_EXTENSIONS } from '../importer/source-file';
import { COUNCILS_SUBDIR } from '../protocol/content-loader';

/**
 * Imports every corpus document (or those in `only`); returns the temporary content folder, the ids imported
 * and, for a document the importer refuses, its id and the importer's one sentence (such a council has no
 * content here: the caller says so, and leaves its questions unscored).
 */
export async function importedContentDir(corpusDir: string, only?: readonly string[]): Promise<{ dir: string; ids: string[]; failed: { id: string; message: string }[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'imported-content-'));
  mkdirSync(join(dir, COUNCILS_SUBDIR));
  const ids: string[] = [];
  const failed: { id: string; message: string }[] = [];
  for (const id of readdirSync(corpusDir).sort()) {
    if (only && !only.includes(id)) continue;
    const files = safeList(join(corpusDir, id));
    // A document in a format the importer does not read is tried all the same: it is refused with the importer's sentence, as a clerk would be.
    const document =
      files.find((f) => f.startsWith('protocol.') && IMPORTABLE_EXTENSIONS.has(extname(f).toLowerCase())) ?? files.find((f) => f.startsWith('protocol.'));
    const expected = files.includes('expected.yaml') ? join(corpusDir, id, 'expected.yaml') : undefined;
    if (!document || !expected) continue;
    const { name } = parseYaml(readFileSync(expected, 'utf8')) as { name: string };
    try {
      const { yaml } = await importDocument(join(corpusDir, id, document), { id, name });
      writeFileSync(join(dir, COUNCILS_SUBDIR, `${id}.yaml`), yaml);
      ids.push(id);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      failed.push({ id, message: err.message });
    }
  }
  if (!ids.length) throw new Error(`no <id>/protocol.* documents found in ${corpusDir}${failed.length ? ` that import (${failed.map((f) => `${f.id}: ${f.message}`).join('; ')})` : ''}`);
  return { dir, ids, failed };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
