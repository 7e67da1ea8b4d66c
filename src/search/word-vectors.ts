/**
 * Which words mean nearly the same, in any council: general English word vectors (GloVe, trained on
 * Wikipedia and newswire; content/word-vectors.bin, built by scripts/build-word-vectors.ts). They rank a
 * council's clauses by how near their words are in meaning to the question's ("a journalist rang me" is
 * near a clause on the press and media though it shares no word with it). Optional: without the file,
 * search works on words alone.
 *
 * The file: one JSON header line ({"dims": d, "words": n, ...}), the n words (most frequent first) each on
 * a line, a NUL byte, then n × d signed bytes: each word's vector, scaled so its largest component is ±127.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentError } from '../errors';
import { stem } from './text';

export const WORD_VECTORS_FILE = 'word-vectors.bin';

const headerSchema = z.object({ dims: z.number().int().min(1).max(1000), words: z.number().int().min(1) });

export class WordVectors {
  /** Each stem's vector: that of the most frequent word with the stem ("councils" and "council" share one). */
  private readonly byStem = new Map<string, Int8Array>();

  constructor(
    readonly dims: number,
    wordList: readonly string[],
    data: Int8Array,
  ) {
    wordList.forEach((w, i) => {
      const s = stem(w);
      if (!this.byStem.has(s)) this.byStem.set(s, data.subarray(i * dims, (i + 1) * dims));
    });
  }

  /** The vector of a stemmed word, when the table has it. */
  of(stemmed: string): Int8Array | undefined {
    return this.byStem.get(stemmed);
  }

  /** The unit-length weighted sum of some stems' vectors (stems it lacks add nothing); undefined when it has none of them. */
  sum(weighted: Iterable<readonly [string, number]>): Float32Array | undefined {
    const v = new Float32Array(this.dims);
    let any = false;
    for (const [s, weight] of weighted) {
      const x = this.byStem.get(s);
      if (!x || !weight) continue;
      any = true;
      for (let k = 0; k < this.dims; k++) v[k]! += weight * x[k]!;
    }
    if (!any) return undefined;
    let norm = 0;
    for (let k = 0; k < this.dims; k++) norm += v[k]! * v[k]!;
    norm = Math.sqrt(norm);
    if (!norm) return undefined;
    for (let k = 0; k < this.dims; k++) v[k]! /= norm;
    return v;
  }
}

/** Cosine of two unit-length vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

/** Reads the word vectors in `dir`; undefined when it has none. A damaged file stops start-up naming it. */
export function loadWordVectors(dir: string): WordVectors | undefined {
  const file = join(dir, WORD_VECTORS_FILE);
  if (!existsSync(file)) return undefined;
  return parseWordVectors(readFileSync(file), file);
}

export function parseWordVectors(bytes: Buffer, file: string): WordVectors {
  const newline = bytes.indexOf(0x0a);
  const nul = bytes.indexOf(0x00);
  if (newline < 0 || nul < newline) throw new ContentError(file, 'not a word-vectors file (no header line and word list)');
  let header: z.output<typeof headerSchema>;
  try {
    header = headerSchema.parse(JSON.parse(bytes.subarray(0, newline).toString('utf8')));
  } catch {
    throw new ContentError(file, 'its header line is not {"dims": …, "words": …}');
  }
  const wordList = bytes.subarray(newline + 1, nul).toString('utf8').split('\n');
  const data = bytes.subarray(nul + 1);
  if (wordList.length !== header.words || data.length !== header.words * header.dims) {
    throw new ContentError(file, `holds ${wordList.length} words and ${data.length} bytes of vectors, not the ${header.words} words of ${header.dims} its header says`);
  }
  return new WordVectors(header.dims, wordList, new Int8Array(data.buffer, data.byteOffset, data.length));
}
