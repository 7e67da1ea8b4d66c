import { loadCore } from '/work/wt/search/src/protocol-core';
const core = loadCore('/work/wt/search/content', 'model', { hints: process.env.HINTS === '1' });
const [council, ...q] = process.argv.slice(2);
const a = core.ask({ council: council!, role: 'councillor', text: q.join(' ') });
console.log(JSON.stringify({ kind: a.kind, ids: a.clauses.map((c) => c.id + ':' + c.score), msg: a.message, focus: a.focus, esc: a.escalation.text }, null, 1));
