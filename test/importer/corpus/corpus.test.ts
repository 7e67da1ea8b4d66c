/** The corpus stays usable: every ideal import loads, and every committed document is what its layout renders. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusIds, CORPUS_DIR } from '../../../scripts/corpus/corpus-dir';
import { renderProtocol } from '../../../scripts/corpus/render-protocol';
import { parseProtocol } from '../../../src/protocol/content-loader';

const ids = corpusIds();

test('the corpus holds at least eight protocols, exactly one of which names nobody to escalate to', () => {
  expect(ids.length).toBeGreaterThanOrEqual(8);
  const defaults = ids.filter((id) => {
    const p = parseProtocol(readFileSync(join(CORPUS_DIR, id, 'expected.yaml'), 'utf8'), id);
    return p.escalation.councillor.isCouncilSetting || p.escalation.officer.isCouncilSetting;
  });
  expect(defaults).toEqual(['westcombe-parish']);
});

test.each(ids)('%s: the committed protocol file is exactly what expected.yaml + layout.json render', async (id) => {
  const { file, bytes } = await renderProtocol(join(CORPUS_DIR, id));
  expect(bytes.equals(readFileSync(file))).toBe(true);
});
