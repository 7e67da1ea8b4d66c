/** Builds the core from loaded content: one clause index per council, answers with escalation paths. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { focusOf } from './answer/answer-focus';
import type { Answer, AskRequest, RelatedClause } from './answer/answer-model';
import { lookup, view, viewById } from './answer/clause-lookup';
import { clauseText } from './answer/clause-text';
import { clauseStep } from './answer/clause-people';
import { councilContact } from './answer/council-contact';
import { escalationFor, excludesClerk, isAboutClerk, isToClerk } from './answer/escalation';
import {
  asksForNeighbour,
  talkedAbout,
  asksToDoUncovered,
  coveredNeighbourWords,
  coversNeighbour,
  foundOnlyByPeople,
  namedOnlyByPeople,
  ownNeighbours,
  restOutweighsNeighbour,
  restOutweighsUncovered,
} from './answer/uncovered-action';
import { checkQuestion } from './answer/question-check';
import { extractQuestion, screenQuestion } from './answer/question-screen';
import type { CouncilSummary, ProtocolCore } from './core';
import { UnknownCouncilError, UnknownRoleError } from './errors';
import { MAX_QUESTION_LENGTH, helpText, messages } from './messages';
import { loadProtocols } from './protocol/content-loader';
import { compareIds, isWithin } from './protocol/clause-id';
import { ROLES, type Clause, type Protocol, type Role } from './protocol/model';
import { ClauseIndex, type SearchResult } from './search/clause-index';
import { findClauseRef, isLookup, isMeasure, namesClause, spokenClauseNumbers } from './search/clause-number';
import { words } from './search/text';
import { LEXICON_FILE, loadLexicon, type Lexicon } from './search/lexicon';
import { loadHints, type SearchHints } from './search/search-hints';
import { SUBJECTS_FILE, buildSubjects, loadSubjects, type Neighbour, type SubjectKnowledge } from './search/subjects';
import { judgeConfidence } from './search/confidence';
import { readIntent } from './search/question-intent';
import { SCOPE_FILE, loadScope, type ScopeModel } from './search/scope';
import { QUESTION_BANK_FILE, loadQuestionBank, type QuestionBank } from './search/question-bank';

interface CouncilEntry {
  protocol: Protocol;
  index: ClauseIndex;
  byId: Map<string, Clause>;
  subjects: SubjectKnowledge;
  /** Who can point the asker to documents the protocol does not hold (the Clerk, or who the council has). */
  contact: string;
  /**
   * Neighbouring matters this protocol's own text deals with, each with the phrases its text uses
   * for it: a question naming one of them in the same words is searched rather than declined.
   */
  ownNeighbours: Map<string, Set<string>>;
  lexicon: Lexicon;
  /** The words of the council's name and id, which a look-up may name ("exact wording of 1.2, hexham one"). */
  nameWords: readonly string[];
  /** How questions about members and staff are worded, against those about the council's other business. */
  scope?: ScopeModel | undefined;
}

const MAX_CLAUSES = 3;
const RELATED_MIN_RATIO = 0.3;
/**
 * A runner-up scoring at least this share of the best clause's score is a close call, quoted beside the
 * answer (see CloseCall). Chosen in the round 13 session of issue 10 on the dev pools only (no sealed set):
 * answers whose runner-up scores under 0.7 of the best were right 98% (the five, dev sets), 98% (cold
 * councils), 92% (new councils) and 78% (bank situations) of the time; close calls 80%, 72%, 63% and 43%,
 * and one of the two clauses shown 94%, 91%, 81% and 63%.
 */
export const CLOSE_CALL_RATIO = 0.7;

export interface LoadOptions {
  /** Read each council's optional hints file (default true); eval turns it off to measure what every council gets. */
  hints?: boolean;
  /**
   * Where the council-independent knowledge (lexicon.yaml, subjects.yaml, scope.json,
   * question-bank.json) lives, when the councils come from elsewhere (a cold import in a temporary
   * folder). Defaults to contentDir. Each file that folder lacks is read from the shipped content folder.
   */
  knowledgeDir?: string;
}

/** The content folder this program ships with: the shared knowledge every council gets. */
export const SHIPPED_CONTENT_DIR = shippedContentDir();

function shippedContentDir(): string {
  // src/ under tsx and jest, dist/src/ when built: the nearest folder up holding content/lexicon.yaml.
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'content', LEXICON_FILE))) return join(dir, 'content');
    if (dirname(dir) === dir) return join(__dirname, '..', 'content');
  }
}

/** Loads content/ (councils and lexicon) and builds the core; throws ContentError on bad content. */
export function loadCore(contentDir: string, defaultCouncil: string, options: LoadOptions = {}): ProtocolCore {
  const protocols = loadProtocols(contentDir);
  const knowledge = options.knowledgeDir ?? contentDir;
  // A council's own content folder may hold its own copy of a knowledge file (its members' words);
  // any it lacks is the shipped one, so a council that brings only its protocol still gets them all.
  const from = (file: string) => (existsSync(join(knowledge, file)) ? knowledge : SHIPPED_CONTENT_DIR);
  const hints =
    options.hints === false ? new Map<string, SearchHints>() : new Map([...protocols.values()].map((p) => [p.id, loadHints(contentDir, p)]));
  const lexicon = loadLexicon(from(LEXICON_FILE));
  const scope = loadScope(from(SCOPE_FILE), (w) => lexicon.spell(w));
  const bank = loadQuestionBank(from(QUESTION_BANK_FILE));
  return createProtocolCore({ protocols, lexicon, subjects: loadSubjects(from(SUBJECTS_FILE)), hints, defaultCouncil, scope, bank });
}

export function createProtocolCore(deps: {
  protocols: Map<string, Protocol>;
  lexicon: Lexicon;
  subjects?: SubjectKnowledge;
  hints?: Map<string, SearchHints>;
  defaultCouncil: string;
  scope?: ScopeModel | undefined;
  bank?: QuestionBank | undefined;
}): ProtocolCore {
  const councils = new Map<string, CouncilEntry>();
  const subjects = deps.subjects ?? buildSubjects({ subjects: {} });
  for (const [id, protocol] of deps.protocols) {
    councils.set(id, {
      protocol,
      index: new ClauseIndex(protocol, deps.lexicon, deps.hints?.get(id), subjects, deps.bank),
      byId: new Map(protocol.clauses.map((c) => [c.id, c])),
      subjects,
      contact: councilContact(protocol),
      ownNeighbours: ownNeighbours(protocol, subjects),
      lexicon: deps.lexicon,
      nameWords: words(`${protocol.name} ${protocol.id}`),
      scope: deps.scope,
    });
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
    help: (councilId, opts = {}) => helpText(entry(councilId).protocol, opts),
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
  const check = checkQuestion(typeof request.text === 'string' ? extractQuestion(request.text, MAX_QUESTION_LENGTH) : request.text);
  if (!check.ok) {
    return { ...base, kind: 'invalid', confident: false, clauses: [], escalation: escalationFor(protocol, request.role), message: check.message };
  }
  const reply = (kind: 'smalltalk' | 'declined', message: string): Answer => ({
    ...base,
    kind,
    confident: false,
    clauses: [],
    escalation: escalationFor(protocol, request.role, { complaint: false }),
    message,
  });
  const screened = screenQuestion(check.text);
  if (screened.kind === 'smalltalk') {
    const text = { greeting: messages.greeting(protocol.name), thanks: messages.thanks, farewell: messages.farewell }[screened.reply];
    return reply('smalltalk', text);
  }
  if (screened.kind === 'addressed-to-bot') return reply('declined', messages.addressedToBot(protocol.name, council.contact));
  // "clause two point four" said aloud is "clause 2.4".
  const numbered = spokenClauseNumbers(check.text);
  const found = findClauseRef(numbered);
  // "£2.50", "at 7.30", "2.5 miles": a figure, not a clause.
  const ref = found && !isMeasure(numbered, found) ? found : undefined;
  // A clause named plainly ("does ours have a 13.4?", "stick 9.3 up on screen") is what is asked about.
  const namedRef = ref && namesClause(numbered, ref) ? ref : undefined;
  const lookUp = () => lookup(council, request.role, base, ref!.id, ref!.clause);
  if (ref && isLookup(numbered, ref, council.nameWords)) return lookUp();
  // A number this protocol does not have is said to be missing, never answered with another clause.
  if (namedRef && !hasNumber(protocol, namedRef.clause)) return lookUp();
  if (screened.kind === 'other-language') return reply('declined', messages.otherLanguage(protocol.name));
  // A clause of this protocol named by its number is what is asked about, whatever neighbouring matter the rest names
  // ("bfstc 1.2 as a newspaper headline"): that clause is shown rather than the question declined.
  const decline = (message: string): Answer => (namedRef ? lookUp() : reply('declined', message));

  const intent = readIntent(check.text);
  // Someone who says they are an officer ("deputy clerk here") is shown the officer's path.
  // So is someone asking where a member of staff a member mistreats can take it ("a cllr keeps belittling her… where can she go?").
  const voice: Role = intent.officerVoice || (intent.staffWronged && intent.escalation) ? 'officer' : request.role;
  // An officer describing a councillor's behaviour is asking what officers can expect of councillors;
  // one asking whether they may do something themselves is asking about their own conduct.
  const searched = [
    check.text,
    ...(intent.officerVoice && !intent.ownConduct ? ['(officers can expect from councillors)'] : []),
    // Telling staff what to do is the protocol's matter of instructions and day-to-day management.
    ...(intent.instructs && !intent.officerVoice ? ['(instruct staff)'] : []),
  ].join(' ');
  // An officer asking where to take a councillor's behaviour is after the provision for officers
  // treated badly by members (its first step: a later one when they say the first did not work).
  // Searched that way at once when they ask where to go, so most questions are searched only once.
  const towardsOfficer = `${searched} (a councillor's behaviour towards an officer)`;
  const officerAsking = intent.officerVoice && (intent.escalation || intent.asksWho);
  let result = council.index.search(officerAsking && intent.escalation ? towardsOfficer : searched, intent);
  const complaint = intent.escalation || result.matched.some((m) => COMPLAINT_TERMS.has(m.term));
  const nextStep = result.subjects.includes(NEXT_STEP);
  if (officerAsking && intent.escalation && nextStep) result = council.index.search(searched, intent);
  else if (officerAsking && !intent.escalation && complaint && !nextStep) result = council.index.search(towardsOfficer, intent);
  const context = { complaint, aboutClerk: complaint && isAboutClerk(check.text) };

  // The best clause deals with a distinct matter the question names, in more than one passing term
  // (a clause on friendships for "my niece…", not "work closely… that closer relationship").
  // The subjects the best clause (as the hits stand when asked) is linked to, with how many terms link it.
  const topLinks = () => {
    const top = result.hits[0];
    return top && council.subjects.linkClause(top.clause.heading, clauseText(top.clause));
  };
  const answersOwnSubject = () => {
    const links = topLinks();
    return links !== undefined && result.subjects.some((s) => council.subjects.distinct.has(s) && (links.get(s) ?? 0) >= OWN_SUBJECT_MIN_TERMS);
  };
  // Whether something is the asker's own role ("am i really meant to be their advocate?", "is checking that part of our
  // job as cllrs?"), where the best clause sets out that role: the protocol's matter, whatever the story is about.
  const asksOwnRole = () => {
    if (!ASKS_OWN_ROLE.test(check.text.toLowerCase())) return false;
    const links = topLinks();
    return links !== undefined && result.subjects.some((s) => ROLE_SUBJECTS.has(s) && links.has(s));
  };
  // The best clause itself names the matter ("must not seek to influence the appointment of a relative").
  const bestClauseNames = (id: string) => {
    const top = result.hits[0];
    return top !== undefined && council.subjects.neighboursIn(`${top.clause.heading}\n${clauseText(top.clause)}`).has(id);
  };
  const uncoveredNeighbour = (n: Neighbour) => !coversNeighbour(council.ownNeighbours, n, result.neighbourPhrases.get(n.id));
  const uncoveredIds = new Set(result.neighbours.filter(uncoveredNeighbour).map((n) => n.id));
  // Words naming a matter this protocol covers itself (the media, where it has a media section) count for the protocol.
  const ownWords = coveredNeighbourWords(result, (id) => !uncoveredIds.has(id));
  const weighed = result.neighbours.find((n) => uncoveredIds.has(n.id) && !namedOnlyByPeople(result, n.id, council.lexicon));
  // The best clause deals with the neighbouring matter itself, under a subject of the protocol's that the
  // question names ("how do I report a councillor for breaching the code of conduct?" where the protocol
  // says code of conduct complaints go to the Monitoring Officer): the question is the protocol's.
  const bestClauseDeals = (n: Neighbour) => {
    const links = bestClauseNames(n.id) ? topLinks() : undefined;
    if (links === undefined) return false;
    if (result.subjects.some((s) => links.has(s))) return true;
    // A question about people naming no other matter of the protocol's, asking what is (not for a change), where the
    // best clause states the matter itself ("how many hours does our clerk work?" and "the Clerk works 18 hours a week").
    return result.subjects.length === 0 && result.aboutPeople && !ASKS_FOR_CHANGE.test(check.text);
  };
  // Whether what people did is acceptable ("…his expenses get paid quicker. should that bother us?") is their
  // conduct, a matter of the protocol's, whatever neighbouring matter the story passes through.
  const conductJudged = intent.judgesConduct === true && result.aboutPeople;
  // A neighbouring matter (allowances, planning…) the question is only about: say where to look.
  // A question about people that asks where to take something stays with the protocol, and so does one
  // whose other words clearly find a clause and say more about the protocol's matters than the
  // neighbouring one ("will the other groups be told the precept figures?" but not "how do I claim
  // mileage for the training day?").
  const neighbour =
    !conductJudged &&
    weighed &&
    !(intent.escalation && result.aboutPeople) &&
    // Only what people talk about ("can the clerk brief our group on the budget?"): the people's matter is asked.
    !(result.aboutPeople && talkedAbout(check.text, result.neighbourPhrases.get(weighed.id) ?? new Set())) &&
    !bestClauseDeals(weighed) &&
    ((ownWords === 0 && result.scoreBesideNeighbours < NEIGHBOUR_MIN_BESIDE) ||
      result.subjectTopicWordCount + ownWords === 0 ||
      // Words counted against a lexicon topic (the media) are weighed by score in judgeConfidence instead:
      // "can I tell the local paper what was said in the closed session?" is about confidentiality.
      (!council.lexicon.topics.has(`#${weighed.topic}`) &&
        result.subjectWordCount + ownWords <= result.neighbourWordCount - ownWords &&
        !restOutweighsNeighbour(result, council.lexicon, (id) => uncoveredIds.has(id))))
      ? weighed
      : // A question asking for the matter itself ("can I claim mileage for…", "my nephew got a job in…"):
        // the rest only says what for, unless the best clause answers clearly more of it, deals with a
        // matter of the protocol's own that the question names (a clause on friendships for "my niece…"),
        // or names a matter that protocols either have a provision on or not (relatives) itself.
        // One raising a problem with people or telling officers what to do ("my planning application was
        // handled badly by the officer, who do I complain to?") is the protocol's matter.
        result.neighbours.find(
          (n) =>
            !conductJudged &&
            !intent.escalation &&
            !intent.instructs &&
            uncoveredIds.has(n.id) &&
            asksForNeighbour(check.text, result.neighbourPhrases.get(n.id) ?? new Set()) &&
            !restOutweighsNeighbour(result, council.lexicon, (id) => id === n.id) &&
            !answersOwnSubject() &&
            !(n.topic !== undefined && bestClauseNames(n.id)),
        );
  if (neighbour) return decline(messages.notCovered(neighbour.name, neighbour.where, council.contact));

  const complaintTerms = result.matched.some((m) => COMPLAINT_TERMS.has(m.term));
  const path = protocol.escalation[voice];
  if (intent.escalation && path.isCouncilSetting) {
    // The protocol itself does not say where to take this; the council's route is the answer.
    return {
      ...base,
      kind: 'no-match',
      confident: false,
      clauses: [],
      escalation: escalationFor(protocol, voice, context),
      message: messages.noEscalationProvision(protocol.name),
    };
  }
  // Asking only what to do ("refused access to a document, what can I do?", "a journalist rang me, what
  // do I do?") is not asking where to take a complaint: the route is shown, but the clause that answers
  // stays first, unless the question is about being treated badly, comes from an officer or says a
  // first step failed.
  const open = intent.openEscalation && !intent.officerVoice && !nextStep && !complaintTerms;
  // An officer asking who to tell about a councillor's behaviour ("a councillor shouted at me… who do
  // I tell") is after the officers' route, as one asking where to take it is; the route's clauses
  // are raised, but the answer is judged as any other.
  const officerAsksWho = !intent.escalation && intent.officerVoice && intent.asksWho && !intent.ownConduct && complaintTerms;
  // A matter about the Clerk is not raised by the steps that go to the Clerk, nor answered by a provision that leaves the Clerk out.
  const route = context.aboutClerk ? { steps: path.steps.filter((s) => !isToClerk(s)) } : path;
  if (context.aboutClerk) demote(result, (c) => excludesClerk(clauseText(c)));
  const cited = (intent.escalation && !open) || officerAsksWho ? routeClauses(route, result) : [];
  const raised = cited.length > 0 && !path.isCouncilSetting && !nextStepFound(result);
  if (raised) boost(result, cited, council.byId);
  const escalated = raised && intent.escalation;
  const top = result.hits[0];
  // "Who do I take this to?" about a member or an officer is answered by the protocol's own
  // escalation provisions, however the rest of the question is worded.
  const escalationAnswer = intent.escalation && top !== undefined && escalated && !result.serviceRequest && result.aboutPeople;
  // A complaint about something that is not a member or an officer (noise, a neighbour) is not for this protocol.
  const complaintElsewhere = intent.escalation && !result.aboutPeople && !result.subjects.length;
  // The best clause gives opening hours ("open to councillors from 9.30am to 3.30pm"): asking when the office
  // opens is answered by it, neither a meeting timetable nor a service request.
  const topGivesHours = top !== undefined && GIVES_HOURS.test(clauseText(top.clause));
  if (result.serviceRequest && topGivesHours && ASKS_HOURS.test(check.text)) result.serviceRequest = false;
  // How or where a judged act was done ("emailing the staff a to-do list… should a member be doing that?", "told office
  // hours only… isn't that treating some better?") is not what is asked, on a protocol without an email or premises
  // provision: whether the act was acceptable is the people's conduct. So is telling staff what to do, wherever it is
  // done ("can I pop into the office and tell the groundsman which verges to cut?"): the instruction is the matter.
  const mediumOnly = (conductJudged || (intent.instructs && result.aboutPeople)) && result.uncoveredTopics.length > 0 && result.uncoveredConcepts.every((c) => MEDIA_OF_CONDUCT.has(c));
  const judged = judgeConfidence(mediumOnly ? { ...result, uncoveredTopics: [], uncoveredConcepts: [] } : result);
  if (!escalationAnswer && judged.uncoveredTopics?.length) {
    const pointer = council.subjects.neighbourForTopics(judged.uncoveredTopics);
    if (pointer) return decline(messages.notCovered(pointer.name, pointer.where, council.contact));
  }
  if (!escalationAnswer && asksToDoUncovered(check.text, result.uncoveredTopics)) {
    const pointer = council.subjects.neighbourForTopics(result.uncoveredConcepts.map((c) => c.replace(/^#/, '')));
    if (pointer) return decline(messages.notCovered(pointer.name, pointer.where, council.contact));
    if (result.uncoveredSubjects.length) return decline(messages.subjectNotCovered(subjectName(result.uncoveredSubjects[0]!), council.contact));
  }
  // A subject this protocol lacks, asked about people it does name ("going out with the deputy clerk"):
  // a clause found only by the people is about them, not about the subject.
  const missingSubject = () =>
    judged.reason.startsWith('topic') ||
    (top !== undefined && foundOnlyByPeople(result, council.lexicon, council.index.termsOf(clauseText(top.clause)))) ||
    // (A missing media or email provision is weighed by its topic in judgeConfidence.)
    (!result.uncoveredSubjects.some((t) => council.subjects.neighbourForTopics([t.slice(1)])) &&
      !restOutweighsUncovered(result, council.lexicon) &&
      !answersOwnSubject());
  if (!escalationAnswer && !conductJudged && result.uncoveredSubjects.length && missingSubject()) {
    return decline(messages.subjectNotCovered(subjectName(result.uncoveredSubjects[0]!), council.contact));
  }
  // Worded as a question about the council's other business ("does the council have a cctv policy?"),
  // and naming no matter of this protocol's own: the words it shares with a clause are only who and where.
  // A short question is read whole by the scope model, even where a word of it names a topic the protocol
  // covers ("what time does the council office shut on friday": the office's hours, not its use). In a long
  // text (a pasted email, a story) such a topic is its own matter (the media, where it has a media section), and so is
  // a distinct matter of the protocol's that the best clause deals with ("…lent the clerk his holiday cottage… she looks
  // beholden to him": a close personal relationship).
  const namesOwnTopic = result.matched.some((m) => council.lexicon.topics.has(m.term));
  const readWhole = check.text.split(/\s+/).length <= SCOPE_READS_WHOLE;
  const otherBusiness =
    !intent.escalation &&
    !ref &&
    ownWords === 0 &&
    (readWhole || !(namesOwnTopic || answersOwnSubject() || asksOwnRole())) &&
    ((council.scope?.offTopicOdds(check.text) ?? -Infinity) > OTHER_BUSINESS_ODDS ||
      (!result.aboutPeople && result.subjects.length === 0 && ASKS_COUNCIL_TO_ACT.test(check.text.toLowerCase())));
  const timetable = intent.timetable && !topGivesHours;
  // Nothing answers the question, or only clauses other than the one it names: that clause is shown.
  const namedMissed = namedRef !== undefined && !result.hits.some((h) => h.clause.id === namedRef.clause);
  if (namedRef && (namedMissed || !top || !judged.confident)) return lookUp();
  if (!top || complaintElsewhere || timetable || otherBusiness || (!escalationAnswer && !judged.confident)) {
    // Nothing answers a question that names a neighbouring matter ("how much is the precept going up?"
    // where the protocol only says councillors set it): where to look helps more than the nearest clauses.
    const named = intent.escalation ? undefined : result.neighbours[0];
    if (named) {
      const mentioned = !uncoveredNeighbour(named);
      return decline((mentioned ? messages.notAnswered : messages.notCovered)(named.name, named.where, council.contact));
    }
    return {
      ...base,
      kind: 'no-match',
      confident: false,
      clauses: result.hits.slice(0, MAX_CLAUSES).map((h) => view(h.clause, round(h.score))),
      // Nothing answered it, so the whole route is shown: the message points to it for a decision.
      escalation: escalationFor(protocol, voice, { ...context, complaint: true }),
      message: messages.noMatch(protocol.name),
    };
  }
  const best = pickBest(result, ref?.clause);
  const related = result.hits
    .filter((h) => h.clause.id !== best.clause.id && h.score >= RELATED_MIN_RATIO * best.score)
    .slice(0, MAX_CLAUSES - 1);
  const focus = focusOf(best.clause, result, council.index);
  const named = intent.asksWho ? clauseStep(best.clause, voice) : undefined;
  const runnerUp = related[0] && related[0].score >= CLOSE_CALL_RATIO * best.score ? related[0] : undefined;
  const runnerUpFocus = runnerUp && focusOf(runnerUp.clause, result, council.index);
  const clauses = [best, ...related].map((h) => view(h.clause, round(h.score)));
  return {
    ...base,
    kind: 'answer',
    confident: true,
    clauses,
    related: related.filter((h) => h !== runnerUp).map((h) => ({ id: h.clause.id, heading: h.clause.heading })),
    ...(focus ? { focus } : {}),
    // The runner-up is clauses[1]: the close call shows that very view.
    ...(runnerUp ? { closeCall: { clause: clauses[1]!, ...(runnerUpFocus ? { focus: runnerUpFocus } : {}) } } : {}),
    escalation: escalationFor(protocol, voice, { ...context, clauseId: best.clause.id, ...(named ? { named } : {}) }),
  };
}

/** The protocol has this number, as a clause or as the section holding clauses ("2.4" with only 2.4.1 and 2.4.2). */
function hasNumber(protocol: Protocol, id: string): boolean {
  return protocol.clauses.some((c) => isWithin(c.id, id));
}

/** A subject token as words ("@council-resources" -> "council resources"). */
const subjectName = (token: string): string => token.slice(1).replace(/-/g, ' ');

/** Asking for a change ("should the clerk's hours go up?"): the council's decision, not what its protocol states. */
const ASKS_FOR_CHANGE = /\b(go up|going up|gone up|go down|going down|increase|increased|increasing|raise|raised|cut|cuts|reduce|reduced|more|fewer|less|extra|change|changed|changing)\b/i;

/** Lexicon topics that say how or where a judged act was done (by email, in the office), not what was done. */
const MEDIA_OF_CONDUCT: ReadonlySet<string> = new Set(['#email', '#premises', '#correspondence']);
/** Question terms that make it a complaint or a problem to take somewhere, so the whole route is shown. */
const NEXT_STEP = '@complaint-next-step';
const COMPLAINT_TERMS = new Set(['#complaint', '#pressure', '#respect', '#criticism', '@courtesy-respect', '@bullying-pressure', '@officer-complaints', '@officer-grievance', '@public-criticism', '@response']);

/** Distinct clause terms (heading terms twice) by which a clause deals with a subject rather than mentions it. */
const OWN_SUBJECT_MIN_TERMS = 2;

/** What the best clause must score on a question's other words for a neighbouring matter not to decline it. */
const NEIGHBOUR_MIN_BESIDE = 5;

const ESCALATION_BOOST = 1.6;

/** Asking when somewhere is open. */
const ASKS_HOURS = /\b(open|opens|opening|hours|times)\b/i;

/** A clause giving opening hours: "open … from 9.30am to 3.30pm", "office hours are 9am-1pm". */
const GIVES_HOURS = /\b(office|opening) hours\b|\bopen\b[^.]{0,60}\b\d{1,2}([.:]\d{2})?\s*(am|pm)?\s*(to|-|–|until)\s*\d{1,2}([.:]\d{2})?\s*(am|pm)?/i;

/**
 * Log-odds (content/scope.json) above which a question is worded as one about the council's other
 * business: e to the 2, about seven to one. Chosen in the round 7 session with the logistic model, on the
 * dev sets and on round 11's questions, which it is not learnt from.
 */
const OTHER_BUSINESS_ODDS = 2;
/** Whether the council as a body can or would do something ("could the town council actually do that?", "can bfstc bring that in?"). */
const ASKS_COUNCIL_TO_ACT = /\b(can|could|would|will|might|should) (the |our )?((town|parish|district|borough|city|county|community) )?(council|trustees|[a-z]{1,4}tc|[a-z]{1,4}pc)( actually| really| legally| even)? (do|bring|get|put|pay|fund|buy|organi[sz]e|run|set|turn|ban|stop|make|take|help|back|support|adopt|introduce|provide)\b/;
/** Asking whether something is one's own job: "am i really meant to…", "is that part of our job as cllrs?". */
const ASKS_OWN_ROLE = /\b(am i|are we|are cllrs|are councillors|is it|is that|is this)( really| actually| even| honestly)? (meant|supposed|expected|required|obliged) to\b|\bpart of (my|our|a councillor's|a cllr's|the councillor's|an officer's|the clerk's) (job|role|remit|duties)\b|\b(my|our) (job|role) as (a )?(cllr|councillor|member|officer)s?\b/;
const ROLE_SUBJECTS = new Set(['@councillor-role', '@officer-role', '@roles']);
/** Up to this many words the scope model's reading of a question outweighs a protocol topic one of its words names. */
const SCOPE_READS_WHOLE = 30;

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

/** How much less a clause counts whose provision leaves out the very person the question is about. */
const EXCLUDED_FACTOR = 0.5;

function demote(result: SearchResult, excluded: (clause: Clause) => boolean): void {
  let moved = false;
  for (const hit of result.hits) {
    if (excluded(hit.clause)) {
      hit.score *= EXCLUDED_FACTOR;
      moved = true;
    }
  }
  if (moved) result.hits.sort((a, b) => b.score - a.score || compareIds(a.clause.id, b.clause.id));
}

/** The clauses the asker's route cites, less a step the asker says they already took ("spoke to the chairman… what now"). */
function routeClauses(path: { steps: readonly { clause?: string }[] }, result: SearchResult): string[] {
  return path.steps.flatMap((s) => (s.clause && !result.triedSteps.includes(s.clause) ? [s.clause] : []));
}

/** The search already found the step after the one that failed: the route does not override it. */
function nextStepFound(result: SearchResult): boolean {
  return result.hits[0] !== undefined && result.nextSteps.includes(result.hits[0].clause.id);
}

/** A question that names a clause ("does 2.4 mean…") prefers that clause when it matched at all. */
function pickBest(result: SearchResult, named?: string) {
  const hit = named ? result.hits.find((h) => h.clause.id === named) : undefined;
  return hit ?? result.hits[0]!;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
