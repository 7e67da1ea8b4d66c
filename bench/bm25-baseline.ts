/** The yardstick for answer latency: a plain MiniSearch BM25 index over the same clauses. */
import MiniSearch from 'minisearch';
import { clauseText } from '../src/answer/clause-text';
import type { Protocol } from '../src/protocol/model';

export class Bm25Baseline {
  private readonly index = new MiniSearch<{ id: string; heading: string; text: string }>({
    fields: ['heading', 'text'],
    searchOptions: { fuzzy: 0.2, prefix: true },
  });

  constructor(protocol: Protocol) {
    // The same clauses the core indexes: those with any text (bare section headings have none).
    const clauses = protocol.clauses.filter((c) => c.text || c.items.length || c.tail);
    this.index.addAll(clauses.map((c) => ({ id: c.id, heading: c.heading, text: clauseText(c) })));
  }

  search(question: string): number {
    return this.index.search(question).length;
  }
}
