/** User-facing wording for the core, kept together (adapters render it; they add none of their own for these cases). */
import type { AnswerFocus } from './answer/answer-model';
import type { Protocol } from './protocol/model';

export const MAX_QUESTION_LENGTH = 500;

export const messages = Object.freeze({
  empty: 'Please type a question about the protocol, or a clause number such as 2.4. Type "help" to see what I can do.',
  tooLong: (max: number) =>
    `That question is too long for me (over ${max} characters). Please ask about one thing in a sentence or two, or give a clause number such as 2.4.`,
  unreadable: 'I could not read that as a question. Please ask in words, or give a clause number such as 2.4.',
  noMatch: (council: string) =>
    `I could not find anything in the ${council} protocol that answers that. Try rephrasing it (for example "can I ask the clerk to…"), or give a clause number such as 2.4. If you need a decision, the escalation path below says who to go to.`,
  noEscalationProvision: (council: string) =>
    `The ${council} protocol does not itself say where to take a complaint or problem like this. The route below is the council's own setting for who to go to.`,
  unknownClause: (id: string, council: string, nearest: string[]) =>
    `There is no clause ${id} in the ${council} protocol.${nearest.length ? ` The nearest are ${nearest.join(', ')}.` : ''}`,
  unknownCouncil: (id: string, known: readonly string[]) => `I don't know a council called "${id}". Councils available: ${known.join(', ')}.`,
  unknownRole: (role: string) => `"${role}" is not a role I know. Use councillor or officer.`,
  officersOnly: (what: string) => `Sorry, only officers can ${what}. If you think you should be able to, please ask the Clerk.`,
  somethingWentWrong: 'Sorry, something went wrong on my side and I could not finish that. Please try again in a moment; if it keeps happening, tell the Clerk.',
  greeting: (council: string) =>
    `Hello! Ask me about the ${council} Member/Officer Relations Protocol (for example "can I ask the clerk to help with a leaflet?"), or give a clause number. Type "help" to see what I can do.`,
  thanks: "You're welcome. Ask me again any time.",
  farewell: 'Bye for now. Ask me again any time.',
  notCovered: (name: string, where: string, contact: string) =>
    `Your protocol doesn't cover ${name}: that's ${where}, and ${contact} can point you to it.`,
  /** The protocol mentions the matter (councillors set the precept) but says nothing that answers the question. */
  notAnswered: (name: string, where: string, contact: string) =>
    `Your protocol mentions ${name} but doesn't answer that: it's for ${where}, and ${contact} can point you to it.`,
  subjectNotCovered: (subject: string, contact: string) =>
    `Your protocol doesn't say anything about ${subject}, so I can't answer that from it; ${contact} can tell you whether another council policy covers it.`,
  addressedToBot: (council: string, contact: string) =>
    `I only answer questions about the ${council} Member/Officer Relations Protocol, quoting its own words; I can't change how I work, act as something else, or list the protocol or anyone's details in bulk. Ask me a question about the protocol, give a clause number, or ask ${contact}.`,
  otherLanguage: (council: string) =>
    `Sorry, I can only read questions in English. Please ask about the ${council} protocol in English, or give a clause number such as 2.4.`,
  /** Labels for an answer that leads with the item or sentence that answers the question. */
  focusTitle: ({ clauseId, itemId, throughItemId }: AnswerFocus, heading: string) =>
    itemId
      ? `${throughItemId ? `Clauses ${itemId} and ${throughItemId}` : `Clause ${itemId}`} (in clause ${clauseId}: ${heading})`
      : `Clause ${clauseId}: ${heading} (the part that answers your question)`,
  showWholeClause: 'Show the whole clause',
  /** Before the answer when another clause scores nearly as well (a close call). */
  closeCallLead: 'Two clauses come close to your question. The closer match first:',
  /** Before the second clause of a close call. */
  closeCallSecond: 'Also close; check which fits your case:',
  councilSetting:
    'This route is a council setting (the protocol itself does not say), and the Clerk can change it in the content file.',
});

/** Clause numbers that exist in the council's protocol, for help examples (see helpExamples in protocol-core). */
export interface HelpExamples {
  /** A clause number, e.g. "2.4". */
  clause: string;
  /** A list item, e.g. "3.1(e)", when the protocol has lettered or numbered items. */
  item?: string;
  /** A top-level section number, e.g. "4". */
  section?: string;
}

/** Familiar example numbers, used when the protocol has them, so help reads the same across councils. */
const USUAL_CLAUSES = ['2.4', '2.1', '3.1', '1.1'];
const USUAL_SECTIONS = ['4', '3', '2', '1'];

/** Real clause numbers of a protocol to show in help: a numbered clause, a lettered list item and a section. */
export function helpExamples(protocol: Protocol): HelpExamples {
  const ids = new Set(protocol.clauses.filter((c) => c.text || c.items.length).map((c) => c.id));
  const clause = USUAL_CLAUSES.find((id) => ids.has(id)) ?? protocol.clauses.find((c) => ids.has(c.id))?.id ?? protocol.clauses[0]!.id;
  // Only a lettered item ("3.1(e)") is shown: bullets numbered on import are not what members see printed.
  const lettered = protocol.clauses.find((c) => c.items.length >= 2 && /^[a-z]+$/i.test(c.items[0]!.label));
  const item = lettered ? lettered.items[Math.min(4, lettered.items.length - 1)]!.id : undefined;
  const sections = new Set(protocol.clauses.filter((c) => c.parent).map((c) => c.parent!.split('.')[0]!));
  const section = USUAL_SECTIONS.find((id) => sections.has(id)) ?? [...sections][0];
  return { clause, ...(item ? { item } : {}), ...(section ? { section } : {}) };
}

/**
 * The help text, in plain words; adapters format it. Given the protocol, the examples are its own
 * clause numbers; given only a name, they are plain numbers without items or sections.
 */
export function helpText(council: Protocol | string, opts: { platformCommand?: string; examples?: HelpExamples } = {}): string {
  const p = opts.platformCommand ? `${opts.platformCommand} ` : '';
  const councilName = typeof council === 'string' ? council : council.name;
  const ex = opts.examples ?? (typeof council === 'string' ? { clause: '2.1' } : helpExamples(council));
  const lookups = [`${p}${ex.clause}`, ...(ex.item ? [`${p}clause ${ex.item}`] : []), ...(ex.section ? [`${p}section ${ex.section}`] : [])];
  return [
    `I answer questions about the ${councilName} Member/Officer Relations Protocol, quoting the protocol's own words.`,
    '',
    `• Ask a question: ${p}can I ask the clerk to help with my campaign leaflet?`,
    `• Look up a clause: ${lookups.join(' or ')}`,
    `• Officers: ${p}notice files a political-group attendance notice; ${p}notices lists the register; ${p}notices export gives CSV; ${p}report shows unanswered and not-helpful questions.`,
    `• ${p}help shows this message.`,
  ].join('\n');
}
