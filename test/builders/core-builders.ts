/** A core over one council made of the given clauses, with the shipped lexicon and subjects: how a freshly imported council is answered. */
import type { ProtocolCore } from '../../src/core';
import { parseProtocol } from '../../src/protocol/content-loader';
import { createProtocolCore } from '../../src/protocol-core';
import { loadLexicon, type Lexicon } from '../../src/search/lexicon';
import type { QuestionBank } from '../../src/search/question-bank';
import { loadSubjects, type SubjectKnowledge } from '../../src/search/subjects';
import { aContentClause, aContentFile, contentYaml } from './content-builders';

type Clauses = ReturnType<typeof aContentClause>[];

let shared: { lexicon: Lexicon; subjects: SubjectKnowledge } | undefined;

/** The council `id` ("Testtown Town Council") holding `clauses`, with a question bank if given; its default escalation step cites clause 2.1, so give it one. */
export function coreOfClauses(clauses: Clauses, id = 'town', bank?: QuestionBank): ProtocolCore {
  shared ??= { lexicon: loadLexicon('content'), subjects: loadSubjects('content') };
  const protocol = parseProtocol(contentYaml(aContentFile({ id, name: 'Testtown Town Council', clauses })), `${id}.yaml`);
  return createProtocolCore({ protocols: new Map([[id, protocol]]), ...shared, defaultCouncil: id, bank });
}

/** The ids a councillor's question is answered with (empty when declined). */
export function answerIds(core: ProtocolCore, text: string, council = 'town'): string[] {
  return core.ask({ council, role: 'councillor', text }).clauses.map((c) => c.id);
}
