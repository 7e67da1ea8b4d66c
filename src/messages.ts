/** User-facing wording for the core, kept together (adapters render it; they add none of their own for these cases). */

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
  councilSetting:
    'This route is a council setting (the protocol itself does not say), and the Clerk can change it in the content file.',
});

/** The help text, in plain words; adapters format it. */
export function helpText(councilName: string, opts: { platformCommand?: string } = {}): string {
  const p = opts.platformCommand ? `${opts.platformCommand} ` : '';
  return [
    `I answer questions about the ${councilName} Member/Officer Relations Protocol, quoting the protocol's own words.`,
    '',
    `• Ask a question: ${p}can I ask the clerk to help with my campaign leaflet?`,
    `• Look up a clause: ${p}2.4 or ${p}clause 3.1(e) or ${p}section 4`,
    `• Officers: ${p}notice files a political-group attendance notice; ${p}notices lists the register; ${p}notices export gives CSV; ${p}report shows unanswered and not-helpful questions.`,
    `• ${p}help shows this message.`,
  ].join('\n');
}
