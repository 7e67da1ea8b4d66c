import { loadCore } from '../src/protocol-core';
import { loadSubjects } from '../src/search/subjects';
import { words } from '../src/search/text';
const s = loadSubjects('content');
const q = process.argv.slice(2).join(' ');
const r = s.inQuestion(words(q));
console.log(r.subjects, r.neighbours.map((n) => n.id));
void loadCore;
