import { loadCore } from '../src/protocol-core';
import { ClauseIndex } from '../src/search/clause-index';
import { loadLexicon } from '../src/search/lexicon';
import { loadSubjects } from '../src/search/subjects';
const core = loadCore('content', 'model', { hints: false });
const p = core.protocol('bfstc');
const idx = new ClauseIndex(p, loadLexicon('content'), new Map(), loadSubjects('content'));
const r = idx.search(process.argv.slice(2).join(' '));
console.log(r.matched.map((m) => `${m.term}:${(m.idf * m.weight).toFixed(2)}`).join(' '));
for (const it of p.clauses.find((c) => c.id === '3')!.items) {
  const t = idx.termsOf(it.text);
  console.log(it.id, r.matched.filter((m) => t.has(m.term)).map((m) => m.term).join(' '));
}
