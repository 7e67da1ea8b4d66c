/**
 * Whose conduct a clause sets out, and whose a question asks about. Sibling clauses on roles share
 * their words ("ward", "role", "members"); what tells "Individually, members represent the residents
 * of their ward" from "Officers will keep ward members informed" is who the clause opens by making
 * act. A question such as "what am I supposed to do as a ward councillor" or "do officers have to
 * follow a code of conduct" names that party as the one who should do something. Protocols open
 * their clauses this way in every council, so this is read from sentence structure, not word lists
 * about particular matters.
 */
import { type Party, otherParty } from './direction';
import { fold } from './text';

const MEMBER = String.raw`(?:councillors?|cllrs?|members?(?! of staff)|elected members?|chair(?:man|men|s)?|mayor|leaders?|cabinet members?|portfolio holders?)`;
const OFFICER = String.raw`(?:officers?|staff|members? of staff|employees?|(?:town |parish |deputy )?clerks?|directors?|chief executive|heads? of (?:paid )?service)`;
const MODAL = String.raw`(?:will|should|must|shall|may|can|are|is|have|has|do|does|need|needs|represent|provide|give|take|act|carry|work|keep|manage)`;
/** "All Councillors can expect: … from Officers": the other party owes what follows. */
const EXPECTS = new RegExp(String.raw`^(?:\S+ ){0,3}?(${MEMBER}|${OFFICER}) (?:can|may|should|will) (?:reasonably )?expect\b`);
/** "Individually, members represent…", "Officers will keep…", "The Clerk should…": the first party, acting. */
const ACTS = new RegExp(String.raw`^(?:\S+ ){0,4}?(${MEMBER}|${OFFICER}) (?:\S+ )?${MODAL}\b(?! be \w+ed\b)(?! be \w+en\b)`);

const partyOf = (word: string): Party => (new RegExp(`^${OFFICER}$`).test(word) ? 'officer' : 'member');

/** Who a clause opens by setting out the conduct of (its first sentence, or its first item when it has no text). */
export function clauseBearer(text: string, firstItem = ''): Party | undefined {
  const first = (text.trim() || firstItem).split(/(?<=[.!?])\s/)[0] ?? '';
  const t = fold(first).replace(/\s+/g, ' ').trim();
  const expects = EXPECTS.exec(t);
  if (expects) return otherParty(partyOf(expects[1]!));
  const acts = ACTS.exec(t);
  return acts ? partyOf(acts[1]!) : undefined;
}

const DUTY = String.raw`(?:(?:actually |really )?(?:supposed|meant|expected|required|obliged) to|(?:have|has|need|needs) to|should|must|responsible for)`;
const SUBJECT = String.raw`(?:the |a |an )?(i|we|${MEMBER}|${OFFICER})`;
/** A passive ("be kept informed", "be told"): the duty is the other party's. */
const PASSIVE = String.raw` be \w+(?:ed|en|pt|ld)\b`;
/** "what am I supposed to do", "do officers have to follow", "are councillors meant to", "what should I do", "the clerk must". */
const QUESTION = new RegExp(
  String.raw`\b(?:(?:am|are|is|do|does) ${SUBJECT} ${DUTY}(${PASSIVE})?|(?:should|must) ${SUBJECT}(?=(${PASSIVE})| (?!be\b|expect)\w+)|${SUBJECT} (?:am |are |is |do |does )?${DUTY}(${PASSIVE})?)`,
  'g',
);

/**
 * Whose duty a question asks about; "I" and "we" are the asker. The last such phrase is the question
 * ("this councillor should be seeing the file… what should I do"), read sentence by sentence so that
 * "…the chair. should she…" is not "the chair should".
 */
export function questionBearer(text: string, asker: Party): Party | undefined {
  let found: Party | undefined;
  for (const sentence of text.split(/[.?!;]+/)) {
    for (const m of fold(sentence).replace(/\s+/g, ' ').matchAll(QUESTION)) {
      const word = (m[1] ?? m[3] ?? m[5])!;
      const party = word === 'i' || word === 'we' ? asker : partyOf(word);
      found = m[2] || m[4] || m[6] ? otherParty(party) : party;
    }
  }
  return found;
}

// Gentle: the opening sentence is only a cue, and the words decide most questions (1.1/0.9 fixed as
// many questions but broke others on all eval sets together).
const MATCH = 1.05;
const MISMATCH = 0.95;

/** Above 1 when a clause sets out the conduct of the party the question asks about, below when of the other. */
export function bearerFit(clause: Party | undefined, question: Party | undefined): number {
  if (!clause || !question) return 1;
  return clause === question ? MATCH : MISMATCH;
}

/** Wording that lays down what may, must or can be expected to be done ("must not use these resources", "Officers will…", "would not be appropriate"). */
const RULE =
  /\b(must|should|shall|will|ought|may|never|cannot|(?:do|does) not|(?:are|is) not there to|(?:have|has) (?:a |the )?(?:legal )?right|(?:are|is) entitled|can ?not|can expect|(?:are|is) expected|(?:are|is) (?:not )?(?:allowed|permitted|required)|need to|(?:in)?appropriate|prohibited|forbidden|responsib\w*)\b/i;
/** Whether a clause lays down a rule, rather than describing how things are ("The Council provides members with a laptop"). */
export const setsRule = (text: string): boolean => RULE.test(text);

/**
 * "Can I use my council laptop for my own business?" asks for a rule: a clause that only describes
 * counts a little less (a mild nudge between siblings that share the question's words).
 */
const DESCRIBES = 0.9;
export const ruleFit = (clauseSetsRule: boolean, asksPermission: boolean): number => (asksPermission && !clauseSetsRule ? DESCRIBES : 1);
