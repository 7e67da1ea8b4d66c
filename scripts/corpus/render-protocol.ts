/** Renders one corpus protocol directory (expected.yaml + layout.json) to the bytes of its protocol.<ext>. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contentFileSchema } from '../../src/protocol/content-schema';
import { parseProtocol } from '../../src/protocol/content-loader';
import { documentBlocks } from './document-blocks';
import { layoutSchema } from './layout-schema';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';
import { renderText } from './render-text';

export interface RenderedProtocol {
  file: string;
  bytes: Buffer;
}

/** Throws if expected.yaml does not load as a content file or layout.json does not match the schema. */
export async function renderProtocol(dir: string): Promise<RenderedProtocol> {
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
  return { file: join(dir, `protocol.${layout.format}`), bytes };
}
