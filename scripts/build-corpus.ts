/**
 * `npm run corpus:build`: renders every test/importer/corpus/<id>/protocol.<ext> from its expected.yaml
 * and layout.json, and the bad inputs under test/importer/corpus/bad/. Deterministic: re-running gives
 * the same bytes, so the generated files are committed and a diff shows any change.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusIds, CORPUS_DIR } from './corpus/corpus-dir';
import { renderProtocol } from './corpus/render-protocol';
import { writeBadInputs } from './corpus/bad-inputs';

async function main(): Promise<void> {
  for (const id of corpusIds()) {
    const { file, bytes } = await renderProtocol(join(CORPUS_DIR, id));
    writeFileSync(file, bytes);
    process.stdout.write(`${file} (${bytes.length} bytes)\n`);
  }
  const corruptSource = join(CORPUS_DIR, 'kingsford-city', 'protocol.pdf');
  for (const file of await writeBadInputs(join(CORPUS_DIR, 'bad'), corruptSource)) process.stdout.write(`${file}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`corpus:build: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
