/**
 * Who a complaint clause is for, whom it is about and at which stage it applies, read from the
 * clause's own wording ("A member who has a concern about the Town Clerk…", "An officer who believes
 * a member has…", "If the member is not satisfied…"), and the same read from a question. Sibling
 * clauses of one section share most words; these conditions are what tells them apart, in any
 * council's protocol, because protocols phrase them the same few ways.
 */
import { fold } from './text';

export type Party = 'member' | 'officer';

export interface ClauseRoles {
  /** Who raises the matter under this clause ("A member who…", "An officer who…"). */
  actor?: Party;
  /** Whom the matter is about ("a complaint that a member…", "a concern about an officer"). */
  target?: Party;
  /** A particular post the clause is only for ("where the concern relates to the Clerk"). */
  person?: string;
  /** The clause applies once a first step has failed ("if it is not resolved"). */
  laterStage: boolean;
  /** It opens with that condition, so it is only for a later stage ("If the member is not satisfied…"). */
  laterStageOnly: boolean;
}

export interface QuestionRoles {
  asker?: Party;
  target?: Party;
  /** Particular posts the question names. */
  persons: Set<string>;
  laterStage: boolean;
}

// Particular posts, as clauses and questions name them.
const PERSONS: [string, RegExp][] = [
  ['clerk', /\bclerk\b/],
  ['director', /\bdirectors?\b/],
  ['chief-executive', /\b(chief exec(utive)?|ceo|head of paid service)\b/],
  ['monitoring-officer', /\bmonitoring officer\b/],
];
const POST = String.raw`(?:the |a |an |any )?(?:town |parish |city |district |borough |county |strategic |executive )?(clerk|directors?|chief executive|head of paid service|monitoring officer)\b`;
/** "a concern about the Town Clerk", "where the member of staff concerned is the Clerk". */
const PERSON_CONDITION = new RegExp(String.raw`\b(?:about|relates to|relating to|regarding|concerning|against|concerned is|involves) ${POST}`);
/** "a concern about the conduct or work of a member of staff": the clause is for staff in general. */
const ANY_OFFICER = /\b(?:about|regarding|concerning|relates to|relating to|against|with|of) (?:the )?(?:(?:work|conduct|behaviour|performance)(?: or (?:the )?(?:work|conduct|behaviour|performance))? of )?(?:an?|any) (?:officer|member of staff|employee|staff member)\b/;

const MEMBER = String.raw`(?:member(?! of staff)|councillor|elected member)`;
const OFFICER = String.raw`(?:officer|member of staff|employee|staff member)`;
/** What makes someone raise a matter: "who has a concern", "is dissatisfied", "feels that". */
const RAISES = String.raw`(?:(?:who|that) (?:has|have) (?:a |any )?(?:concern|complaint|grievance)|(?:who |that )?(?:is|are|feels?|remains?) (?:unhappy|dissatisfied|concerned|upset|aggrieved|not satisfied)|(?:who |that )?(?:feels?|believes?|considers?) (?:that|he|she|they))`;
const WHO_RAISES = (party: string) =>
  new RegExp(String.raw`\b(?:a|an|any|the|if a|if an|if the|where a|where an|where the|when a|when an|in the event that a|in the event that an) ${party}s? ${RAISES}`);
const ACTOR_MEMBER = new RegExp(String.raw`${WHO_RAISES(MEMBER).source}|\bwhere a ${MEMBER}'?s? (?:concern|complaint)`);
const ACTOR_OFFICER = new RegExp(String.raw`${WHO_RAISES(OFFICER).source}|\bif the ${OFFICER} is still\b`);
const TARGET_MEMBER = new RegExp(String.raw`\b(?:complaints?|concerns?|allegations?|grievances?) (?:that|about|against) (?:a |an |the |any )?${MEMBER}|\bthat a ${MEMBER} has\b`);
const ASPECT = String.raw`(?:work|conduct|behaviour|performance|action|actions|advice|capability)`;
const TARGET_OFFICER = new RegExp(
  String.raw`\b(?:complaints?|concerns?|unhappy|dissatisfied|concerned) (?:about|regarding|with|concerning|relates to) (?:the )?(?:${ASPECT}(?:,? (?:or |and )?(?:the )?${ASPECT})* of )?(?:an?|any|the) ${OFFICER}`,
);
const LATER_STAGE = /\b(not (been )?resolved|cannot be resolved|unresolved|is not satisfied|are not satisfied|remains? dissatisfied|still (unhappy|dissatisfied|not satisfied))\b/;

/** How far into a clause its opening condition may be (characters). */
const OPENING = 40;

/** Reads a clause's body (its text and items, not the heading it shares with its siblings). */
export function clauseRoles(body: string): ClauseRoles {
  const t = fold(body).replace(/\s+/g, ' ');
  const stage = LATER_STAGE.exec(t);
  const roles: ClauseRoles = { laterStage: stage !== null, laterStageOnly: stage !== null && stage.index < OPENING };
  const actorMember = ACTOR_MEMBER.test(t);
  const actorOfficer = ACTOR_OFFICER.test(t);
  if (actorMember !== actorOfficer) roles.actor = actorMember ? 'member' : 'officer';
  const person = PERSON_CONDITION.exec(t);
  if (person && !ANY_OFFICER.test(t)) roles.person = PERSONS.find(([, re]) => re.test(person[0]))?.[0];
  const targetMember = TARGET_MEMBER.test(t);
  const targetOfficer = TARGET_OFFICER.test(t);
  if (targetMember !== targetOfficer) roles.target = targetMember ? 'member' : 'officer';
  return roles;
}

const FIRST_PERSON = /\b(i|i'm|im|i've|my|me)\b/;
const STAFF_WORDS = /\b(clerk|officers?|staff|employees?|director|head of|chief exec(utive)?|caretaker|groundsman|receptionist|manager|rfo|apprentice|admin|team)\b/;
const MEMBER_WORDS = /\b(councillors?|cllrs?|members?(?! of staff)|chair(man)?|mayor|leader|portfolio holder|cabinet member)\b/;

/** Reads a question; `officerVoice` is the asker speaking as an officer, `laterStage` a first step having failed. */
export function questionRoles(text: string, officerVoice: boolean, laterStage: boolean): QuestionRoles {
  const t = fold(text).replace(/\s+/g, ' ');
  const persons = new Set(PERSONS.filter(([, re]) => re.test(t)).map(([id]) => id));
  const roles: QuestionRoles = { persons, laterStage };
  if (officerVoice) {
    roles.asker = 'officer';
    roles.target = 'member';
  } else if (FIRST_PERSON.test(t)) {
    roles.asker = 'member';
    if (STAFF_WORDS.test(t)) roles.target = 'officer';
    else if (MEMBER_WORDS.test(t)) roles.target = 'member';
  }
  return roles;
}

const MATCH = 1.15;
const MISMATCH = 0.75;

/**
 * How much a clause's conditions fit the question: above 1 when they hold, below when they plainly do
 * not (a clause for officers' complaints, asked by a councillor), 1 when either side says nothing.
 */
export function roleFit(clause: ClauseRoles, question: QuestionRoles): number {
  let fit = 1;
  // Who raises it and about whom only count against a clause: most clauses of a complaints section fit
  // a councillor's complaint about staff, and fitting says less than plainly not fitting.
  if (clause.actor && question.asker && clause.actor !== question.asker) fit *= MISMATCH;
  if (clause.target && question.target && !clause.person && clause.target !== question.target) fit *= MISMATCH;
  // "If the member is not satisfied, or the concern is about a Director": either condition will do.
  const person = clause.person ? question.persons.has(clause.person) : undefined;
  const stage = clause.laterStage && question.laterStage;
  if (person === false && !stage) fit *= MISMATCH;
  else if (person || stage) fit *= MATCH;
  else if (clause.laterStageOnly && !question.laterStage) fit *= MISMATCH;
  return fit;
}
