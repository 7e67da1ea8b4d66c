/**
 * `npm run corpus:build`: renders every test/importer/corpus/<id>/protocol.<ext> from its expected.yaml
 * and layout.json, and the bad inputs under test/importer/corpus/bad/. Deterministic: re-running gives
 * the same bytes, so the generated files are committed and a diff shows any change.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contentFileSchema } from '../src/protocol/content-schema';
import { parseProtocol } from '../src/protocol/content-loader';
import { documentBlocks } from './corpus/document-blocks';
import { layoutSchema } from './corpus/layout-schema';
import { renderText } from './corpus/render-text';
import { renderPdf } from './corpus/render-pdf';
import { renderDocx } from './corpus/render-docx';
import { writeBadInputs } from './corpus/bad-inputs';

const CORPUS = join(__dirname, '..', 'test', 'importer', 'corpus');

async function buildOne(dir: string): Promise<string> {
  const expectedPath = join(dir, 'expected.yaml');
  const yamlText = readFileSync(expectedPath, 'utf8');
  parseProtocol(yamlText, expectedPath); // the ideal import result must itself load
  const content = contentFileSchema.parse(parseYaml(yamlText));
  const layout = layoutSchema.parse(JSON.parse(readFileSync(join(dir, 'layout.json'), 'utf8')));
  const blocks = documentBlocks(content, layout);
  const bytes =
    layout.format === 'pdf'
      ? await renderPdf(blocks, layout, content.title)
      : layout.format === 'docx'
        ? await renderDocx(content, layout)
        : renderText(blocks, layout);
  const out = join(dir, `protocol.${layout.format}`);
  writeFileSync(out, bytes);
  return `${out} (${bytes.length} bytes)`;
}

async function main(): Promise<void> {
  const ids = readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CORPUS, d.name, 'expected.yaml')))
    .map((d) => d.name)
    .sort();
  for (const id of ids) process.stdout.write(`${await buildOne(join(CORPUS, id))}\n`);
  for (const file of await writeBadInputs(join(CORPUS, 'bad'))) process.stdout.write(`${file}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`corpus:build: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
