/** Builds the core from loaded content: one clause index per council, answers with escalation paths. */
import type { Answer, AskRequest, ClauseView, RelatedClause } from './answer/answer-model';
import { clauseText } from './answer/clause-text';
import { escalationFor } from './answer/escalation';
import { checkQuestion } from './answer/question-check';
import type { CouncilSummary, ProtocolCore } from './core';
import { UnknownCouncilError, UnknownRoleError } from './errors';
import { messages } from './messages';
import { loadProtocols } from './protocol/content-loader';
import { compareIds, isWithin } from './protocol/clause-id';
import { ROLES, type Clause, type Protocol, type Role } from './protocol/model';
import { ClauseIndex, type SearchResult } from './search/clause-index';
import { findClauseRef, isLookup } from './search/clause-number';
import { loadLexicon, type Lexicon } from './search/lexicon';
import { loadHints, type SearchHints } from './search/search-hints';
import { loadSubjects, type SubjectKnowledge } from './search/subjects';
import { judgeConfidence } from './search/confidence';
import { readIntent } from './search/question-intent';

interface CouncilEntry {
  protocol: Protocol;
  index: ClauseIndex;
  byId: Map<string, Clause>;
}

const MAX_CLAUSES = 3;
const RELATED_MIN_RATIO = 0.3;

export interface LoadOptions {
  /** Read each council's optional hints file (default true); eval turns it off to measure what every council gets. */
  hints?: boolean;
  /**
   * Where the council-independent knowledge (lexicon.yaml, subjects.yaml) lives, when the councils
   * come from elsewhere (a cold import in a temporary folder). Defaults to contentDir.
   */
  knowledgeDir?: string;
}

/** Loads content/ (councils and lexicon) and builds the core; throws ContentError on bad content. */
export function loadCore(contentDir: string, defaultCouncil: string, options: LoadOptions = {}): ProtocolCore {
  const protocols = loadProtocols(contentDir);
  const knowledge = options.knowledgeDir ?? contentDir;
  const hints =
    options.hints === false ? new Map<string, SearchHints>() : new Map([...protocols.values()].map((p) => [p.id, loadHints(contentDir, p)]));
  return createProtocolCore({ protocols, lexicon: loadLexicon(knowledge), subjects: loadSubjects(knowledge), hints, defaultCouncil });
}

export function createProtocolCore(deps: {
  protocols: Map<string, Protocol>;
  lexicon: Lexicon;
  subjects?: SubjectKnowledge;
  hints?: Map<string, SearchHints>;
  defaultCouncil: string;
}): ProtocolCore {
  const councils = new Map<string, CouncilEntry>();
  for (const [id, protocol] of deps.protocols) {
    councils.set(id, { protocol, index: new ClauseIndex(protocol, deps.lexicon, deps.hints?.get(id), deps.subjects), byId: new Map(protocol.clauses.map((c) => [c.id, c])) });
  }
  const known = [...councils.keys()];
  if (!councils.has(deps.defaultCouncil)) throw new UnknownCouncilError(deps.defaultCouncil, known);

  const entry = (id: string): CouncilEntry => {
    const e = councils.get(id);
    if (!e) throw new UnknownCouncilError(id, known);
    return e;
  };

  return {
    defaultCouncil: deps.defaultCouncil,
    councils: (): CouncilSummary[] => [...councils.values()].map(({ protocol: p }) => ({ id: p.id, name: p.name, title: p.title })),
    protocol: (id) => entry(id).protocol,
    clause: (councilId, clauseId) => viewById(entry(councilId), clauseId),
    sections: (councilId) =>
      entry(councilId)
        .protocol.clauses.filter((c) => !c.parent)
        .map((c) => ({ id: c.id, heading: c.heading })),
    ask: (request) => answer(entry(request.council), request),
  };
}

function answer(council: CouncilEntry, request: AskRequest): Answer {
  if (!(ROLES as readonly string[]).includes(request.role)) throw new UnknownRoleError(String(request.role));
  const { protocol } = council;
  const base = {
    council: { id: protocol.id, name: protocol.name, title: protocol.title },
    question: typeof request.text === 'string' ? request.text.slice(0, 2000) : '',
    related: [] as RelatedClause[],
    nearest: [] as RelatedClause[],
  };
  const check = checkQuestion(request.text);
  if (!check.ok) {
    return { ...base, kind: 'invalid', confident: false, clauses: [], escalation: escalationFor(protocol, request.role), message: check.message };
  }
  const ref = findClauseRef(check.text);
  if (ref && isLookup(check.text, ref)) return lookup(council, request.role, base, ref.id, ref.clause);

  const intent = readIntent(check.text);
  // Someone who says they are an officer ("deputy clerk here") is shown the officer's path.
  const voice: Role = intent.officerVoice ? 'officer' : request.role;
  // An officer describing a councillor's behaviour is asking what officers can expect of councillors.
  const searched = intent.officerVoice ? `${check.text} (officers can expect from councillors)` : check.text;
  const result = council.index.search(searched);
  let escalated = false;
  if (intent.escalation) {
    const path = protocol.escalation[voice];
    if (path.isCouncilSetting) {
      // The protocol itself does not say where to take this; the council's route is the answer.
      return {
        ...base,
        kind: 'no-match',
        confident: false,
        clauses: [],
        escalation: escalationFor(protocol, voice),
        message: messages.noEscalationProvision(protocol.name),
      };
    }
    const cited = path.steps.flatMap((s) => (s.clause ? [s.clause] : []));
    if (cited.length) {
      boost(result, cited, council.byId);
      escalated = true;
    }
  }
  const top = result.hits[0];
  // "Who do I take this to?" about a member or an officer is answered by the protocol's own
  // escalation provisions, however the rest of the question is worded.
  const escalationAnswer = intent.escalation && top !== undefined && escalated && !result.serviceRequest && result.aboutPeople;
  // A complaint about something that is not a member or an officer (noise, a neighbour) is not for this protocol.
  const complaintElsewhere = intent.escalation && !result.aboutPeople;
  if (!top || complaintElsewhere || intent.timetable || (!escalationAnswer && !judgeConfidence(result).confident)) {
    return {
      ...base,
      kind: 'no-match',
      confident: false,
      clauses: result.hits.slice(0, MAX_CLAUSES).map((h) => view(h.clause, round(h.score))),
      escalation: escalationFor(protocol, voice),
      message: messages.noMatch(protocol.name),
    };
  }
  const best = pickBest(result, ref?.clause);
  const related = result.hits
    .filter((h) => h.clause.id !== best.clause.id && h.score >= RELATED_MIN_RATIO * best.score)
    .slice(0, MAX_CLAUSES - 1);
  return {
    ...base,
    kind: 'answer',
    confident: true,
    clauses: [best, ...related].map((h) => view(h.clause, round(h.score))),
    related: related.map((h) => ({ id: h.clause.id, heading: h.clause.heading })),
    escalation: escalationFor(protocol, voice, best.clause.id),
  };
}

const ESCALATION_BOOST = 1.6;

/**
 * For "where do I take this?" the protocol's own escalation provisions are the answer: the clauses
 * the asker's steps cite are raised, and the best of them goes first even if its words matched less.
 */
function boost(result: SearchResult, clauseIds: readonly string[], clauses: ReadonlyMap<string, Clause>): void {
  const ids = new Set(clauseIds);
  for (const hit of result.hits) if (ids.has(hit.clause.id)) hit.score *= ESCALATION_BOOST;
  result.hits.sort((a, b) => b.score - a.score || compareIds(a.clause.id, b.clause.id));
  const top = result.hits[0];
  if (!top || ids.has(top.clause.id)) return;
  const cited = result.hits.find((h) => ids.has(h.clause.id));
  const first = cited ?? { clause: clauses.get(clauseIds[0]!)!, score: 0 };
  first.score = top.score * 1.05;
  result.hits = [first, ...result.hits.filter((h) => h !== first)];
}

/** A question that names a clause ("does 2.4 mean…") prefers that clause when it matched at all. */
function pickBest(result: SearchResult, named?: string) {
  const hit = named ? result.hits.find((h) => h.clause.id === named) : undefined;
  return hit ?? result.hits[0]!;
}

function lookup(
  council: CouncilEntry,
  role: Role,
  base: Pick<Answer, 'council' | 'question' | 'related' | 'nearest'>,
  id: string,
  clauseId: string,
): Answer {
  const found = viewById(council, id);
  // "2.4" where the document numbers only 2.4.1 and 2.4.2: show what is inside it.
  const inside = found ? [] : council.protocol.clauses.filter((c) => c.id !== id && isWithin(c.id, id));
  if (found || inside.length) {
    const shown = found ? [found] : inside.slice(0, MAX_CLAUSES).map((c) => view(c, 1));
    const children = council.protocol.clauses
      .filter((c) => c.parent === clauseId && !shown.some((v) => v.id === c.id))
      .map((c) => ({ id: c.id, heading: c.heading }));
    return {
      ...base,
      kind: 'lookup',
      confident: true,
      clauses: shown,
      related: children.slice(0, 8),
      escalation: escalationFor(council.protocol, role, shown[0]!.id),
    };
  }
  const nearest = nearestIds(council, id);
  return {
    ...base,
    kind: 'unknown-clause',
    confident: false,
    clauses: [],
    nearest,
    escalation: escalationFor(council.protocol, role),
    message: messages.unknownClause(id, council.protocol.name, nearest.map((n) => n.id)),
  };
}

function viewById(council: CouncilEntry, id: string): ClauseView | undefined {
  const m = /^(.+?)\(([a-z0-9]+)\)$/i.exec(id);
  if (m) {
    const clause = council.byId.get(m[1]!);
    const item = clause?.items.find((i) => i.label.toLowerCase() === m[2]!.toLowerCase());
    if (!clause || !item) return undefined;
    return { id: item.id, heading: clause.heading, text: item.text, score: 1 };
  }
  const clause = council.byId.get(id);
  return clause ? view(clause, 1) : undefined;
}

function view(clause: Clause, score: number): ClauseView {
  return { id: clause.id, heading: clause.heading, text: clauseText(clause), score };
}

/** The existing clauses closest to a missing id: same parent first, then numerically nearest. */
function nearestIds(council: CouncilEntry, id: string): RelatedClause[] {
  const base = id.replace(/\(.*\)$/, '');
  const all = council.protocol.clauses.map((c) => c.id).filter((c) => c !== base);
  const prefix = base.split('.').slice(0, -1).join('.');
  // One sort gives every id's position beside the missing one; distances are then computed once each.
  const position = new Map([...all, base].sort(compareIds).map((c, i) => [c, i]));
  const at = position.get(base)!;
  const distance = (c: string) => {
    const sameParent = prefix && isWithin(c, prefix) ? 0 : 1_000_000;
    return sameParent + Math.abs(position.get(c)! - at);
  };
  return all
    .map((c) => ({ c, d: distance(c) }))
    .sort((a, b) => a.d - b.d || compareIds(a.c, b.c))
    .slice(0, 3)
    .map(({ c }) => c)
    .sort(compareIds)
    .map((c) => ({ id: c, heading: council.byId.get(c)!.heading }));
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
