/**
 * The people a clause itself says to go to ("disclose this relationship to his or her Group Leader and
 * to the Chief Executive"): for "who do I tell?" the clause's own words are the right person, in any
 * council, whatever its escalation settings say.
 */
import type { Clause, EscalationStep, Role } from '../protocol/model';

const PEOPLE =
  /\b(monitoring officer|chief executive|head of paid service|executive director|head of service|service director|director|line managers?|line management|group leaders?|leader of the council|council leader|(deputy |assistant )?(town |parish |city )?clerk|proper officer|responsible financial officer|rfo|corporate communications|communications (team|officer|manager)|press office|democratic services|(hr|personnel|staffing|standards) committee|chair(man)? of the (council|hr committee|staffing committee|personnel committee)|mayor|chair(man)?|independent person|senior manager|manager)\b/i;

const MEMBER_WORDS = /\b(member|members|councillor|councillors)\b/i;
const OFFICER_WORDS = /\b(officer|officers|employee|employees|staff|clerk)\b/i;

/** Words before a person the matter is about, not one it goes to ("a concern about the Town Clerk"). */
const ABOUT_BEFORE = /\b(?:about|against|concerning|involving|regarding)\s+(?:the\s+|a\s+|an\s+|their\s+)?$/i;

/** A sentence saying who a matter must not go to or be dealt with by. */
const NOT_TO = /\b(?:must|should|may|will|can|shall|do(?:es)?|is|are)\s+not\b|\bmustn[’']t\b|\bshouldn[’']t\b|\bnever\b|\bhas no (?:greater |more )?(?:power|right|authority)\b/i;

/** A step naming the people the clause sends the asker to, quoting the clause's sentence(s); undefined when it names none. */
export function clauseStep(clause: Clause, role: Role): EscalationStep | undefined {
  const text = [clause.text, ...clause.items.map((i) => i.text), clause.tail].join(' ');
  let sentences = text.split(/(?<=[.;!?])\s+/).filter((s) => PEOPLE.test(s) && /\b(to|with|by|through|via|from|notify|inform|tell|consult|contact|refer|report|raise|seek|ask|agreed|approved|discuss)\b/i.test(s));
  // "The Town Mayor … must not deal with it alone" says who the matter does not go to.
  const positive = sentences.filter((s) => !NOT_TO.test(s));
  if (positive.length) sentences = positive;
  if (!sentences.length) return undefined;
  // Prefer the sentences about the asker's side ("Any Member who…" for a councillor).
  const own = role === 'councillor' ? MEMBER_WORDS : OFFICER_WORDS;
  const chosen = sentences.filter((s) => own.test(s.split(/\b(should|must|will|may|can|shall)\b/i)[0] ?? s));
  const quoted = (chosen.length ? chosen : sentences).slice(0, 2);
  // "The Town Mayor's civic diary…", "a concern about the Town Clerk…": whose thing it is, or whom the
  // matter is about, not who to go to.
  const named = (s: string) =>
    [...s.matchAll(new RegExp(PEOPLE.source, 'gi'))].filter(
      (m) => !/^[’']s\b/.test(s.slice(m.index + m[0].length)) && !ABOUT_BEFORE.test(s.slice(Math.max(0, m.index - 30), m.index)),
    );
  const people = [...new Set(quoted.flatMap((s) => named(s).map((m) => titleCase(m[0]))))];
  if (!people.length) return undefined;
  return { to: people.join(', '), when: quoted.join(' '), clause: clause.id, governs: [clause.id] };
}

function titleCase(s: string): string {
  return s.replace(/\b([a-z])/g, (c) => c.toUpperCase()).replace(/\b(Of|The)\b/g, (w) => w.toLowerCase()).replace(/\bRfo\b|\bHr\b/g, (w) => w.toUpperCase());
}
