/** Councils imported from their own documents for evaluation: every format the importer reads, and a refused document said apart. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importedContentDir } from '../../src/evaluation/imported-content';

let corpus: string;
beforeAll(() => {
  corpus = mkdtempSync(join(tmpdir(), 'imported-corpus-'));
  const council = (id: string, file: string, text: string) => {
    mkdirSync(join(corpus, id));
    writeFileSync(join(corpus, id, file), text);
    writeFileSync(join(corpus, id, 'expected.yaml'), `id: ${id}\nname: ${id} Council\n`);
  };
  council('webpage', 'protocol.html', '<html><body><main><h2>1. Roles</h2><p>1.1 Officers advise councillors.</p><p>1.2 Councillors set policy.</p><h2>2. Concerns</h2><p>2.1 Concerns go to the Clerk.</p></main></body></html>');
  council('richtext', 'protocol.rtf', '{\\rtf1\\ansi 1. Roles\\par 1.1 Officers advise councillors.\\par 1.2 Councillors set policy.\\par}');
  council('wordperfect', 'protocol.wpd', 'WPC 1.1 Officers advise councillors.');
  council('minutes', 'protocol.txt', 'Minutes of the meeting of the Parish Council\nPresent: Cllr A, Cllr B\nApologies: Cllr C\n21/04 The minutes were approved.\n21/05 Planning applications were noted.\n');
});
afterAll(() => rmSync(corpus, { recursive: true, force: true }));

test('a saved web page and a Rich Text file import; a document the importer refuses, or whose format it does not read, is listed with its reason, not fatal', async () => {
  const { dir, ids, failed } = await importedContentDir(corpus);
  try {
    expect(ids).toEqual(['richtext', 'webpage']);
    expect(failed).toEqual([
      { id: 'minutes', message: expect.stringMatching(/minutes/) },
      { id: 'wordperfect', message: expect.stringMatching(/cannot import \.wpd/) },
    ]);
    expect(readdirSync(join(dir, 'councils'))).toEqual(['richtext.yaml', 'webpage.yaml']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
