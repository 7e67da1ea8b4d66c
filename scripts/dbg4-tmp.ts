import { coldContentDir } from '../src/evaluation/cold-content';
import { loadCore } from '../src/protocol-core';
const [council, ...q] = process.argv.slice(2);
const core = loadCore(coldContentDir('/tmp/corpus/test/importer/corpus', [council!]).dir, council!, { hints: false, knowledgeDir: 'content' });
const a = core.ask({ council: council!, role: 'councillor', text: q.join(' ') });
console.log(a.kind, a.clauses.map((c) => c.id + ':' + c.score).join(' '), a.message ?? '', JSON.stringify(a.focus ?? null));
