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
  /** A particular post the clause names a matter about ("where the concern relates to the Clerk"). */
  person?: string;
  /** Every post it names one about ("A concern about a Director… A concern about the Chief Executive…"). */
  persons?: string[];
  /** The clause is for that post alone, not for anyone on that side. */
  personOnly?: boolean;
  /** The post a matter is taken to under this clause ("raise the matter with the Town Clerk"). */
  recipient?: string;
  /** The post whose own concerns the clause provides for ("If the Town Clerk has a concern…", "a concern raised by the Clerk"). */
  raisedBy?: string;
  /** The clause applies once a first step has failed ("if it is not resolved"). */
  laterStage: boolean;
  /** It opens with that condition, so it is only for a later stage ("If the member is not satisfied…"). */
  laterStageOnly: boolean;
  /** It sets out the first step ("should first raise it informally", "in the first instance"). */
  firstStep?: boolean;
}

export interface QuestionRoles {
  asker?: Party;
  target?: Party;
  /** Particular posts the question names. */
  persons: Set<string>;
  /** The post the asker says they hold ("I'm the town clerk"); a deputy or assistant holds another. */
  self?: string;
  /** The post the asker has already taken the matter to ("spoke to the chairman… nothing has changed"). */
  tried?: string;
  laterStage: boolean;
  /** The question asks for the first step ("who do I go to first", "first port of call"). */
  firstStep?: boolean;
}

// Particular posts, as clauses and questions name them.
const PERSONS: [string, RegExp][] = [
  ['clerk', /\bclerk\b/],
  ['director', /\bdirectors?\b/],
  ['chief-executive', /\b(chief exec(utive)?|ceo|head of paid service)\b/],
  ['monitoring-officer', /\bmonitoring officer\b/],
  ['chair', /\b(chair|chairman|chairwoman|chairperson|mayor)\b/],
  ['line-manager', /\b(head of service|line manager|manager)\b/],
];
const POST = String.raw`(?:the |a |an |any )?(?:town |parish |city |district |borough |county |strategic |executive )?(clerk|directors?|chief executive|head of paid service|monitoring officer|chair|chairman|chairwoman|chairperson|mayor|head of service|line manager|manager)\b`;
/** "a concern about the Town Clerk", "where the member of staff concerned is the Clerk". */
const PERSON_CONDITION = new RegExp(String.raw`\b(?:about|relates to|relating to|regarding|concerning|against|concerned is|involves) ${POST}`, 'g');
/** "a concern about the conduct or work of a member of staff": the clause is for anyone of that side too. */
const anyOf = (party: string) =>
  new RegExp(
    String.raw`\b(?:about|regarding|concerning|relates to|relating to|against|with|of) (?:the )?(?:(?:work|conduct|behaviour|performance)(?: or (?:the )?(?:work|conduct|behaviour|performance))? of )?(?:an?|any) ${party}\b`,
  );
const ANY_OFFICER = anyOf('(?:officer|member of staff|employee|staff member)');
const ANY_MEMBER = anyOf('(?:member(?! of staff)|councillor)');

const MEMBER = String.raw`(?:member(?! of staff)|councillor|elected member)`;
const OFFICER = String.raw`(?:officer|member of staff|employee|staff member|clerk)`;
/** What makes someone raise a matter: "who has a concern", "is dissatisfied", "feels that". */
const RAISES = String.raw`(?:(?:who |that )?(?:has|have) (?:a |any )?(?:concern|complaint|grievance)|(?:who |that )?(?:is|are|feels?|remains?) (?:unhappy|dissatisfied|concerned|upset|aggrieved|not satisfied)|(?:who |that )?(?:feels?|believes?|considers?) (?:that|he|she|they))`;
const OPENER = String.raw`(?:a|an|any|the|if a|if an|if the|where a|where an|where the|when a|when an|in the event that a|in the event that an)`;
/** "If informal resolution fails, the officer may…": who acts once the condition is met. */
const THEN = (party: string) => String.raw`\b(?:if|where) [^,.]{0,80}, (?:the|an?) (?:town |parish )?${party} (?:may|should|must|can|will)\b`;
const ACTOR_MEMBER = new RegExp(String.raw`\b${OPENER} ${MEMBER}s? ${RAISES}|\bwhere a ${MEMBER}'?s? (?:concern|complaint)`);
const ACTOR_OFFICER = new RegExp(String.raw`\b${OPENER} (?:town |parish )?${OFFICER}s? ${RAISES}|\bif the ${OFFICER} is still\b`);
/** Read on the text with its commas, which folding drops. */
const THEN_MEMBER = new RegExp(THEN(MEMBER));
const THEN_OFFICER = new RegExp(THEN(OFFICER));
const ASPECT = String.raw`(?:work|conduct|behaviour|performance|action|actions|advice|capability)`;
/** "a complaint that a member…", "unhappy with the conduct or performance of an officer". */
const aboutParty = (party: string) =>
  new RegExp(
    String.raw`\b(?:complaints?|concerns?|allegations?|grievances?|unhappy|dissatisfied|concerned|upset) (?:that|about|against|regarding|with|concerning|relates to) (?:the )?(?:${ASPECT}(?:,? (?:or |and )?(?:the )?${ASPECT})* of )?(?:an? |any |the )?${party}|\b(?:that|way) (?:a|the) ${party} has\b`,
  );
const TARGET_MEMBER = aboutParty(MEMBER);
const TARGET_OFFICER = aboutParty(String.raw`(?:officer|member of staff|employee|staff member)`);
/** A first step having failed, as protocols put it (the clause terms of the complaint-next-step subject). */
const LATER_STAGE =
  /\b(not (been )?resolved|cannot be (resolved|settled)|not settled|unresolved|(is|are) not satisfied|remains? dissatisfied|still (unhappy|dissatisfied|not satisfied)|(resolution|this) fails|cannot resolve|unable to resolve|does not resolve)\b/;

/** "raise the matter with the Town Clerk", "refer it to the Chair": where the clause sends a matter ("must not raise it with the Clerk in public" does not). */
const SENT_TO = new RegExp(
  String.raw`\b(?<!\bnot )(?:raise|raised|raising|refer|referred|report|reported|take|taken|direct|directed|discuss|speak|talk|tell)\b[^.;]{0,40}?\b(?:with|to)? (?:their |the officer'?s |his |her )?${POST}`,
);
/** "spoke to the chairman", "talking to my head of service": a post the asker has already taken the matter to. */
const TRIED = new RegExp(
  String.raw`\b(?:spoke|spoken|speaking|talked|talking|raised it|raised this|went|gone|complained|mentioned it|told|tried|sorting|sorted|took it|taken it|contacted|emailed|rang|phoned)\b[^.;]{0,20}?\b(?:to|with)? (?:my |our )?${POST}`,
);
/** "I'm the clerk", "as the town clerk": the asker holds the post itself (a chair "of planning" holds another). */
const SELF = new RegExp(String.raw`\b(?:i'?m|i am|as) (?:the )?(?:town |parish |city )?(clerk|chair|chairman|chairwoman|mayor)\b(?! of\b)`);

/** "If the Town Clerk has a concern about…", "A concern raised by the Town Clerk…": a provision for the post's own concerns. */
const RAISED_BY = new RegExp(
  String.raw`\b(?:if|where|when|should) ${POST} (?:has|have) (?:a |any )?(?:concern|complaint|grievance)|\b(?:concerns?|complaints?|grievances?) (?:raised|made|brought) by ${POST}`,
);

/** The first step of a procedure, as protocols mark it (a clause opening "Stage 1." among them). */
const FIRST_STEP = /^stage (?:1|one)\b|\b(?:should|must|will|may|can|to) first\b|\b(?:raise|raised|take|taken|refer|referred|discuss|discussed|report|reported) (?:it|this|them|the matter) first\b|\bin the first instance\b|\bshould initially\b/;

/** How far into a clause its opening condition may be (characters). */
const OPENING = 40;

/** A heading naming whose procedure a section is ("Procedure for officers", "Concerns raised by members"). */
const HEADING_FOR = /\b(?:procedures?|process|concerns?|complaints?|grievances?)\b.*\b(?:for|by|from) (officers|staff|employees|councillors|members)\b/;

/**
 * Reads a clause's body (its text and items); its heading, which it shares with its siblings, only
 * says who raises matters under it when the body does not.
 */
export function clauseRoles(body: string, heading = ''): ClauseRoles {
  const t = fold(body).replace(/\s+/g, ' ');
  const stage = LATER_STAGE.exec(t);
  const roles: ClauseRoles = { laterStage: stage !== null, laterStageOnly: stage !== null && stage.index < OPENING };
  // A clause for a later stage names who acts next after its condition ("If it fails, the officer may…").
  const lower = roles.laterStageOnly ? body.toLowerCase().replace(/\s+/g, ' ') : '';
  const actorMember = ACTOR_MEMBER.test(t) || THEN_MEMBER.test(lower);
  const actorOfficer = ACTOR_OFFICER.test(t) || THEN_OFFICER.test(lower);
  if (actorMember !== actorOfficer) roles.actor = actorMember ? 'member' : 'officer';
  const headed = HEADING_FOR.exec(fold(heading));
  if (!roles.actor && headed) roles.actor = /councillors|members/.test(headed[1]!) ? 'member' : 'officer';
  const persons = [...new Set([...t.matchAll(PERSON_CONDITION)].flatMap((m) => PERSONS.find(([, re]) => re.test(m[0]))?.[0] ?? []))];
  const person = persons[0];
  if (person) {
    roles.person = person;
    roles.persons = persons;
    // "a concern about a councillor … if the concern is about the Chairman": for anyone, the post included.
    roles.personOnly = !(person === 'chair' ? ANY_MEMBER : ANY_OFFICER).test(t);
  }
  if (FIRST_STEP.test(t) && !roles.laterStage) roles.firstStep = true;
  const sent = SENT_TO.exec(t);
  const recipient = sent ? PERSONS.find(([, re]) => re.test(sent[1]!))?.[0] : undefined;
  if (recipient) roles.recipient = recipient;
  const raised = RAISED_BY.exec(t);
  const raisedBy = raised ? PERSONS.find(([, re]) => re.test(raised[1] ?? raised[2]!))?.[0] : undefined;
  if (raisedBy) roles.raisedBy = raisedBy;
  const targetMember = TARGET_MEMBER.test(t);
  const targetOfficer = TARGET_OFFICER.test(t);
  if (targetMember !== targetOfficer) roles.target = targetMember ? 'member' : 'officer';
  return roles;
}

/** A question after the first step: "who do I go to first", "my first port of call", "in the first instance". */
const FIRST_ASKED = /\b(?:go|speak|talk|turn|report it|raise it|tell|contact|ask) (?:to )?first\b|\bfirst (?:step|port of call|point of contact)\b|\bin the first instance\b/;

const FIRST_PERSON = /\b(i|i'm|im|i've|my|me)\b/;
const STAFF_WORDS = /\b(clerk|officers?|staff|employees?|director|head of|chief exec(utive)?|caretaker|groundsman|receptionist|manager|rfo|apprentice|admin|team)\b/;
const MEMBER_WORDS = /\b(councillors?|cllrs?|members?(?! of staff)|chair(man)?|mayor|leader|portfolio holder|cabinet member)\b/;

/** Reads a question; `officerVoice` is the asker speaking as an officer, `laterStage` a first step having failed. */
export function questionRoles(text: string, officerVoice: boolean, laterStage: boolean): QuestionRoles {
  const t = fold(text).replace(/\s+/g, ' ');
  const persons = new Set(PERSONS.filter(([, re]) => re.test(t)).map(([id]) => id));
  const self = SELF.exec(t)?.[1];
  const roles: QuestionRoles = { persons, laterStage, ...(self ? { self: PERSONS.find(([, re]) => re.test(self))![0] } : {}) };
  const tried = laterStage ? TRIED.exec(t)?.[1] : undefined;
  if (tried) roles.tried = PERSONS.find(([, re]) => re.test(tried))![0];
  if (!laterStage && FIRST_ASKED.test(t)) roles.firstStep = true;
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

/**
 * A first step already taken ("spoke to the chairman… nothing has changed") is not what is asked,
 * whether the clause marks it as first or sends the matter to the post the asker already went to.
 */
export function isTriedStep(clause: ClauseRoles, question: QuestionRoles): boolean {
  return question.laterStage && (clause.firstStep === true || (question.tried !== undefined && clause.recipient === question.tried));
}

/** The clauses for a step already taken, and those for the steps after it, when the question says a first step failed. */
export function stageSteps(
  clauses: readonly { clause: { id: string }; roles: ClauseRoles }[],
  question?: QuestionRoles,
): { triedSteps: string[]; nextSteps: string[] } {
  if (!question?.laterStage) return { triedSteps: [], nextSteps: [] };
  return {
    triedSteps: clauses.filter((c) => isTriedStep(c.roles, question)).map((c) => c.clause.id),
    nextSteps: clauses.filter((c) => c.roles.laterStageOnly).map((c) => c.clause.id),
  };
}

const MATCH = 1.15;
const MISMATCH = 0.75;
/**
 * A clause sending the matter to the asker's own post: surer than other mismatches, since nobody takes
 * a matter to themselves (0.75 moved nothing; 0.6 and 0.5 fixed the same two questions and broke none).
 */
const OWN_POST = 0.6;
/** A clause providing for the concerns of the post the asker holds. */
const OWN_PROVISION = 2;

/**
 * How much a clause's conditions fit the question: above 1 when they hold, below when they plainly do
 * not (a clause for officers' complaints, asked by a councillor), 1 when either side says nothing.
 */
export function roleFit(clause: ClauseRoles, question: QuestionRoles): number {
  let fit = 1;
  // Who raises it and about whom only count against a clause: most clauses of a complaints section fit
  // a councillor's complaint about staff, and fitting says less than plainly not fitting.
  if (clause.actor && question.asker && clause.actor !== question.asker) fit *= MISMATCH;
  // An officer raising a matter is the rarer case: a clause written for officers who do fits it.
  else if (clause.actor === 'officer' && question.asker === 'officer') fit *= MATCH;
  if (clause.target && question.target && !clause.personOnly && clause.target !== question.target) fit *= MISMATCH;
  // "If the member is not satisfied, or the concern is about a Director": either condition will do.
  const person = clause.persons ? clause.persons.some((p) => question.persons.has(p)) : undefined;
  const stage = clause.laterStage && question.laterStage;
  if (person === false && !stage && clause.personOnly) fit *= MISMATCH;
  // A clause for everyone that also names a post fits a question naming the post no better.
  else if ((person === true && clause.personOnly) || stage) fit *= MATCH;
  else if (clause.laterStageOnly && !question.laterStage) fit *= MISMATCH;
  if (isTriedStep(clause, question)) fit *= MISMATCH;
  else if (clause.firstStep && question.firstStep) fit *= MATCH;
  // Nobody takes a matter to themselves: the Clerk asking is not served by "raise it with the Clerk".
  // The provision for the asker's own post's concerns ("I'm the clerk": "If the Town Clerk has a concern…") is theirs.
  if (question.self && clause.raisedBy === question.self) fit *= OWN_PROVISION;
  else if (question.self && clause.recipient === question.self) fit *= OWN_POST;
  return fit;
}
