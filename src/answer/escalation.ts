/**
 * The escalation shown with an answer: who to go to, chosen by what the matter is and who it is about.
 * A complaint gets the asker's route (a councillor's about officers, an officer's about councillors),
 * and a complaint about the Clerk never sends the asker to the Clerk first. A question that is not a
 * complaint gets only the steps that govern the clause answering it, or none.
 */
import type { EscalationView } from './answer-model';
import { messages } from '../messages';
import { isWithin } from '../protocol/clause-id';
import type { EscalationStep, Protocol, Role } from '../protocol/model';

export interface EscalationContext {
  /** The clause that answers the question, if any. */
  clauseId?: string;
  /** The question is a complaint or a problem to take somewhere (default true: show the whole route). */
  complaint?: boolean;
  /** The matter is about the Clerk (or the asker is the Clerk). */
  aboutClerk?: boolean;
  /** The people the answering clause itself names, shown first (see clauseStep). */
  named?: EscalationStep;
}

const CLERK = /\b(town |parish |city )?clerk\b/i;
const NOT_THE_CLERK = /\b(deputy|assistant|admin(istrative)?) clerk\b/i;
/** A step that says it is for matters about the Clerk ("where the Clerk is the subject of the concern"). */
const FOR_CLERK_MATTERS = /\bclerk (is|are) (the )?(subject|concerned|involved|the problem)|\b(concerns?|about|against|involves?|involving) the (town |parish )?clerk\b|\bwhere the (matter|complaint|concern|issue) (concerns|is about|involves) the clerk/i;

export function escalationFor(protocol: Protocol, role: Role, context: EscalationContext = {}): EscalationView {
  const path = protocol.escalation[role];
  const { clauseId, complaint = true, aboutClerk = false, named } = context;
  const governs = (s: EscalationStep) => clauseId !== undefined && s.governs.some((g) => isWithin(clauseId, g));
  let chosen: EscalationStep[] = path.steps;
  if (!complaint) chosen = path.steps.filter(governs);
  else if (aboutClerk) chosen = routeAroundClerk(path.steps);
  const own = named && aboutClerk ? withoutClerk(named) : named;
  if (own) chosen = [own, ...chosen];
  const steps = onceEach(chosen).map((s) => ({
    to: s.to,
    when: s.when,
    ...(s.clause ? { clause: s.clause } : {}),
    appliesHere: governs(s),
  }));
  if (!steps.length) return { role, steps, text: '', isCouncilSetting: path.isCouncilSetting };
  const lines = steps.map((s, i) => `${i + 1}. ${s.to}: ${s.when}${s.clause ? ` (clause ${s.clause})` : ''}`);
  const intro = `If this can't be resolved informally, as ${role === 'officer' ? 'an officer' : 'a councillor'} go to:`;
  const text = [intro, ...lines, ...(path.isCouncilSetting ? [messages.councilSetting] : [])].join('\n');
  return { role, steps, text, isCouncilSetting: path.isCouncilSetting };
}

/** Whether a step goes to the Clerk (not a deputy or assistant). */
export const isToClerk = (s: Pick<EscalationStep, 'to'>) => CLERK.test(s.to) && !NOT_THE_CLERK.test(s.to);

/** The answering clause's people other than the Clerk ("Clerk, Chair of the HR Committee" for a matter about the Clerk), if any. */
function withoutClerk(step: EscalationStep): EscalationStep | undefined {
  const people = step.to.split(', ').filter((to) => !isToClerk({ to }));
  return people.length ? { ...step, to: people.join(', ') } : undefined;
}

/**
 * Each person once, at their first step: a route read from a protocol names someone again in a later
 * clause ("…with the Town Clerk" in 11.2 and again in 11.4), which is no further step.
 */
function onceEach(steps: readonly EscalationStep[]): EscalationStep[] {
  const seen = new Set<string>();
  return steps.filter((s) => {
    const who = s.to.toLowerCase().replace(/^(?:the|their|your)\s+(?:relevant\s+|appropriate\s+)?/, '');
    if (seen.has(who)) return false;
    seen.add(who);
    return true;
  });
}

/** The route without the Clerk as a step, steps meant for matters about the Clerk first. */
function routeAroundClerk(steps: readonly EscalationStep[]): EscalationStep[] {
  const others = steps.filter((s) => !isToClerk(s));
  if (!others.length) return [...steps];
  const forClerk = others.filter((s) => FOR_CLERK_MATTERS.test(`${s.to} ${s.when}`));
  return [...forClerk, ...others.filter((s) => !forClerk.includes(s))];
}

/** A provision that leaves the Clerk out ("a member of staff, other than the Town Clerk"). */
const EXCLUDES_CLERK = /\b(?:other than|except(?: for)?|apart from|not including|excluding)\s+the\s+(?:town |parish |city )?clerk\b/i;

/** Whether a clause's text leaves the Clerk out of what it provides for. */
export function excludesClerk(text: string): boolean {
  return EXCLUDES_CLERK.test(text);
}

/** Whether a question's matter is about the Clerk: it names the Clerk (not a deputy), or the asker is the Clerk. */
export function isAboutClerk(question: string): boolean {
  const t = question.toLowerCase();
  if (/\b(i'?m|i am|as) (the )?(town |parish |city )?clerk\b/.test(t)) return true;
  return CLERK.test(t.replace(/\b(deputy|assistant|admin(istrative)?) clerk\b/g, ' ')) && !/\bask(ed|ing)? the clerk\b|\bclerk (to|can|could|will|should) (help|advise|attend|come)/.test(t);
}
