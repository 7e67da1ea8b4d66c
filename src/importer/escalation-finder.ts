/**
 * Escalation from the protocol's own words: the sentences that say where a matter goes, who raises it
 * (a councillor or an officer), and the people they send it to, each step citing its clause.
 */
import type { ContentFile } from '../protocol/content-schema';
import { displayName, peopleIn, type PersonMention } from './escalation-people';

type Clause = ContentFile['clauses'][number];
type Step = ContentFile['escalation']['councillor']['steps'][number];
type Role = 'councillor' | 'officer';
/** Who may raise a matter: one side, or anyone ("A complaint that a member has broken the Code…"). */
type RaisedBy = Role | 'anyone';

/** Section headings whose clauses are all about where matters go. */
const TROUBLE_HEADING = /wrong|complain|concern|grievance|breach|dispute|disagree|resol|problem/i;
/** A sentence about a matter to be taken somewhere. */
const TROUBLE = /request[^.]*political group|political group[^.]*request|difficult(?:y|ies)|uncertain|concern(?!ed\b(?! (?:about|that|by)))|complain|grievance|dissatisf|unhappy|upset|breach|disagree|dispute|bull(y|ied)|harass|not satisfied|remains|cannot be (resolved|settled)|not resolved|fails|improper|unfair|disrespect|problem|go(es)? wrong/i;
/** Words that send a matter to the person named right after them ("raise it with", "referred to", "heard by"). */
const CUE_BEFORE =
  /(?:\bwith|(?<!relat(?:es|ed|ing) |refers |in respect |due |similar |belongs )\bto|\bby|\bthrough|\btell|\bcontact|\binform|\bnotify)\s+(?:(?:the|their|his or her|your|a|an|relevant|appropriate|[\w-]+[’']s|[A-Z][\w-]*|panel of|first|privately|own)\s+){0,4}$/i;
/** A person who decides or deals with the matter themselves ("the Monitoring Officer will decide"). */
const CUE_AFTER = /^[\s,]*(?:will|shall|should|may|must|is to)\s+(?:then\s+|first\s+)?(?:decide|deal|consider|hear|investigate|determine|resolve|arbitrate|adjudicate)/i;
/** A clause-opening "must not raise it with" or "not to the Clerk": the person named is where the matter must NOT go. */
const NEGATED = /\bnot\b[^,.;]*$/i;
/** The label a row of stages opens with ("Informal", "Stage 1", "Step 2", and any `more` words), up to its dash or colon. */
const stageLabel = (more = '') => String.raw`^\s*(?:informal(?:ly)?|formal|stage\s+\w+|step\s+\w+|level\s+\w+|\d{1,2}${more})\b[^–—:]{0,12}[–—:]`;
/** A row of a list of stages ("Stage 1 – The relevant Strategic Director – …"). */
const STAGE_ROW = new RegExp(stageLabel(), 'i');
/** "Stage 1 – The relevant Strategic Director – …", "Informal: the officer's Service Manager": a stage's person leads its row. */
const STAGE_LEAD = new RegExp(
  String.raw`${stageLabel('|first|second|third|final|then|next|finally')}\s*(?:(?:the|their|a|an|relevant|appropriate|officer[’']s|member[’']s)\s+){0,3}$`,
  'i',
);

/** Who raises the matter: the first councillor- or officer-word standing as the subject. */
const COUNCILLOR_WORDS = /\b(?:councillors?|members?(?! of staff)|group leaders?|(?:political )?groups?)\b/gi;
const OFFICER_WORDS = /\b(?:officers?|employees?|members? of staff|staff|(?:town |parish |city )?clerk)\b/gi;
/** A person named as the object ("about a member", "against a member"), not as who is raising the matter. */
const OBJECT_BEFORE = /\b(?:about|against|to|towards|with|by|for|of|treated|concerning|involving|between|among|amongst)\s+(?:(?:a|an|the|their|any|that|another)\s+)?$/i;

export interface FoundEscalation {
  councillor: Step[];
  officer: Step[];
}

export function findEscalation(clauses: readonly Clause[]): FoundEscalation {
  const headingOf = inheritedHeadings(clauses);
  // Who raises the matter, sentence by sentence in document order: a sentence naming nobody ("A grievance
  // will be heard by…") continues the matter of the sentence before it, across clauses too.
  const sentences: { clause: Clause; sentence: string; item: boolean; role?: RaisedBy }[] = [];
  let role: RaisedBy | undefined;
  for (const clause of clauses) {
    for (const { sentence, item } of sentencesOf(clause)) {
      // A stage's row ("Stage 1 – The relevant Strategic Director – …") is the matter of the clause that lists the stages.
      if (!STAGE_ROW.test(sentence)) role = raisedBy(sentence) ?? role;
      sentences.push({ clause, sentence, item, role });
    }
  }
  const inTrouble = (c: Clause) => TROUBLE_HEADING.test(headingOf(c.id));
  // The protocol's own "when things go wrong" section first, then single provisions elsewhere.
  const ordered = [...sentences.filter((s) => inTrouble(s.clause)), ...sentences.filter((s) => !inTrouble(s.clause))];
  const found: FoundEscalation = { councillor: [], officer: [] };
  for (const { clause, sentence, item, role: by } of ordered) {
    // A row of a list of stages, or an item of a list a clause leads into ("…raise it with their Assistant
    // Director, then:" over "(i) the Strategic Director;"), is about the matter of the clause that lists them.
    const listItem = item && LEADS_INTO_LIST.test(clause.text);
    const trouble = TROUBLE.test(sentence) || ((isRow(sentence) || listItem) && TROUBLE.test(clause.text));
    if (!by || !(inTrouble(clause) || trouble)) continue;
    const paths: Role[] = by === 'anyone' ? ['councillor', 'officer'] : [by];
    for (const person of destinations(sentence, listItem)) {
      for (const path of paths) addStep(found[path], clause.id, person, sentence);
    }
  }
  return found;
}

function inheritedHeadings(clauses: readonly Clause[]): (id: string) => string {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  let current = '';
  const seen = new Map<string, string>();
  for (const c of clauses) {
    if (c.heading) current = c.heading;
    seen.set(c.id, c.heading ?? byId.get(c.id.split('.')[0]!)?.heading ?? current);
  }
  return (id) => seen.get(id) ?? '';
}

/** A clause's sentences, each marked as an item of its list or not. */
function sentencesOf(clause: Clause): { sentence: string; item: boolean }[] {
  const split = (p: string, item: boolean) =>
    p
      .split(/(?<=[.;!?])\s+(?=[A-Z(])/)
      .filter((s) => s.trim() !== '')
      .map((sentence) => ({ sentence, item }));
  const items = clause.items.flatMap((i) => [i.text, ...(i.items ?? []).map((s) => s.text)]);
  return [...split(clause.text, false), ...items.flatMap((i) => split(i, true)), ...split(clause.tail ?? '', false)];
}

/** A clause text that leads into its list of who to go to ("…, then:", "in this order:", "the following stages:"). */
const LEADS_INTO_LIST = /(?:\bthen|\border|\bstages?|\bsteps?|\bfollowing|\bto|\bwith)\s*:\s*$/i;
/** The words an item may open with before the person who deals with that step ("and then the", "finally, the"). */
const ITEM_LEAD = /^\s*(?:(?:and|or|then|next|finally|failing that|the|their|his or her|a|an|relevant|appropriate|officer[’']s|member[’']s),?\s+){0,4}$/i;

function raisedBy(sentence: string): RaisedBy | undefined {
  // "A complaint that…", "A concern about the Chief Executive should be raised with…": whoever has it.
  if (/^(?:any |a |the )?(?:complaints?|concerns?) (?:that|about|of|regarding|against)\b/i.test(sentence.trim())) return 'anyone';
  // "Any Member or Officer encountering difficulty…", "Members and officers who…": either side.
  if (/^(?:any |all )?(?:members?|councillors?) (?:or|and) (?:officers?|employees?|staff)\b|^(?:any |all )?(?:officers?|employees?|staff) (?:or|and) (?:members?|councillors?)\b/i.test(sentence.trim())) return 'anyone';
  // Named people ("the Monitoring Officer", "the Group Leader") are where matters go, not who raises them.
  let text = sentence.replace(/\bMembers[’'] Code of Conduct|\bCode of Conduct for Members/gi, 'the Code');
  for (const p of peopleIn(text).reverse()) if (p.kind !== 'clerk') text = `${text.slice(0, p.index)}${'#'.repeat(p.phrase.length)}${text.slice(p.end)}`;
  const subjects = [
    ...[...text.matchAll(COUNCILLOR_WORDS)].map((m) => ({ role: 'councillor' as Role, index: m.index })),
    ...[...text.matchAll(OFFICER_WORDS)].map((m) => ({ role: 'officer' as Role, index: m.index })),
  ]
    .filter((s) => !OBJECT_BEFORE.test(text.slice(Math.max(0, s.index - 40), s.index)))
    .sort((a, b) => a.index - b.index);
  return subjects[0]?.role;
}

/** "with their line manager or Strategic Director", "with the Leader of the Council and the Monitoring Officer". */
const JOINED = /^\s*(?:\/|,?\s*(?:and|or|and\/or)\s+(?:the\s+|their\s+|a\s+|an\s+)?)$/i;

function destinations(sentence: string, listItem = false): PersonMention[] {
  let previous: PersonMention | undefined;
  return peopleIn(sentence).filter((p) => {
    const before = sentence.slice(Math.max(0, p.index - 80), p.index);
    const after = sentence.slice(p.end, p.end + 60);
    const joined = previous !== undefined && JOINED.test(sentence.slice(previous.end, p.index));
    const clausePart = before.split(/[,;]/).at(-1) ?? '';
    // "unhappy with the Clerk’s work": a possessive names whose work it is, not where the matter goes.
    const possessive = /^[’']s\b/.test(after);
    // "…cases that cannot be resolved by the Town Clerk": where the matter was, not where it goes.
    const failedWith = /\b(?:not|cannot|can[’']t|could not|been unable to)\s+(?:be\s+)?(?:resolved|settled|sorted(?: out)?|dealt with)\s+by\s+(?:the\s+)?$/i.test(before);
    // "A councillor with a concern about the Clerk should raise it with the Chair": whom the matter is about.
    const about = /\b(?:about|concerning|regarding|against)\s+(?:the\s+|a\s+|an\s+|their\s+|that\s+)?$/i.test(before);
    const stage = STAGE_LEAD.test(sentence.slice(0, p.index)) || leadsRowCell(sentence, p.index) || (listItem && ITEM_LEAD.test(sentence.slice(0, p.index)));
    const is = (joined || stage || ((CUE_BEFORE.test(before) || CUE_AFTER.test(after)) && !about)) && !NEGATED.test(clausePart) && !possessive && !failedWith;
    previous = is ? p : undefined;
    return is;
  });
}

/** Cells of a table kept as a list ("Stage 1 – The relevant Strategic Director – A written reply…"). */
const CELL_SEPARATOR = /\s[–—]\s/g;
/** How far into a cell its person may stand ("The officer, or the officer's Service Manager"). */
const CELL_LEAD = 48;

/** Where each cell after the first starts, in a row kept as a list. */
const cellStarts = (sentence: string) => [...sentence.matchAll(CELL_SEPARATOR)].map((m) => m.index + m[0].length);

/** A row of a table kept as a list, or of a list of stages. */
const isRow = (sentence: string) => STAGE_ROW.test(sentence) || cellStarts(sentence).length >= 2;

/** Whether a person stands at the start of a row's second or later cell: who deals with the row's stage. */
function leadsRowCell(sentence: string, index: number): boolean {
  const starts = cellStarts(sentence);
  if (starts.length < 2) return false;
  const cell = starts.filter((s) => s <= index).at(-1);
  return cell !== undefined && index - cell <= CELL_LEAD && !sentence.slice(cell, index).includes(';');
}

function addStep(steps: Step[], clause: string, person: PersonMention, sentence: string): void {
  const to = displayName(person, sentence.slice(0, person.index));
  if (steps.some((s) => s.clause === clause && s.to.toLowerCase() === to.toLowerCase())) return;
  steps.push({ to, when: sentence.trim(), clause, governs: [clause] });
}
