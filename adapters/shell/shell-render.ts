/** Renders the core's plain answers as terminal text, wrapped to the window and styled only on a colour terminal. */
import type { Answer, AnswerFocus, ClauseView, EscalationView } from '../../src/answer/answer-model';
import { messages } from '../../src/messages';
import { DEFAULT_WIDTH, stylesFor, wrap, type Layout, type Styles } from './terminal-text';

const QUOTE_BAR = '  │ ';

/** Wording only the terminal uses; the core's own messages come with the answer. */
export const shellWording = Object.freeze({
  wholeClause: (clauseId: string) => `Type ${clauseId} for the whole clause.`,
  oneLineEscalation: (step: { to: string; clause?: string }) =>
    `If you need a decision, go to ${lowerFirst(step.to)}${step.clause ? ` (clause ${step.clause})` : ''}.`,
  cannotAnswer: 'I could not answer that.',
});

/** "The Clerk" reads "go to the Clerk"; names and titles ("Monitoring Officer") keep their capitals. */
function lowerFirst(text: string): string {
  return /^(The|A|An|Your|Their)\s/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

class Lines {
  readonly out: string[] = [];
  constructor(
    private readonly layout: Layout,
    readonly style: Styles,
  ) {}

  text(text: string, style: (s: string) => string = (s) => s): void {
    for (const line of wrap(text, this.layout.width)) this.out.push(style(line));
  }

  /** Clause text, verbatim, with the quote bar on every wrapped line. */
  quote(text: string): void {
    const bar = this.style.accent(QUOTE_BAR.trimEnd());
    for (const line of wrap(text, this.layout.width, QUOTE_BAR)) this.out.push(bar + line.slice(QUOTE_BAR.trimEnd().length));
  }

  blank(): void {
    this.out.push('');
  }
}

/** The escalation route in full after an answer; one line after a reply that found nothing to quote. */
function escalationLines(lines: Lines, escalation: EscalationView, full: boolean): void {
  const first = escalation.steps[0];
  if (!full && !first) return;
  lines.blank();
  if (full || !first) lines.text(escalation.text);
  else lines.text(shellWording.oneLineEscalation(first), lines.style.dim);
}

/** A clause quoted: its answering item or sentence when there is one (the whole clause a command away), else all of it. */
function clauseLines(lines: Lines, clause: ClauseView, focus: AnswerFocus | undefined): void {
  const { bold, dim } = lines.style;
  if (focus) {
    lines.text(messages.focusTitle(focus, clause.heading), bold);
    lines.quote(focus.text);
    lines.text(shellWording.wholeClause(focus.clauseId), dim);
  } else {
    lines.text(`Clause ${clause.id}: ${clause.heading}`, bold);
    lines.quote(clause.text);
  }
}

export function renderAnswer(answer: Answer, layout: Partial<Layout> = {}): string {
  const lines = new Lines({ width: layout.width ?? DEFAULT_WIDTH, color: layout.color ?? false }, stylesFor(layout.color ?? false));
  const { bold, dim } = lines.style;
  const best = answer.clauses[0];
  if ((answer.kind === 'answer' || answer.kind === 'lookup') && best) {
    lines.text(`${answer.council.name}, ${answer.council.title}`, dim);
    const closeCall = answer.kind === 'answer' ? answer.closeCall : undefined;
    if (closeCall) lines.text(messages.closeCallLead);
    clauseLines(lines, best, answer.kind === 'answer' && answer.focus?.clauseId === best.id ? answer.focus : undefined);
    if (closeCall) {
      lines.blank();
      lines.text(messages.closeCallSecond);
      clauseLines(lines, closeCall.clause, closeCall.focus);
    }
    for (const c of answer.kind === 'lookup' ? answer.clauses.slice(1) : []) {
      lines.text(`Clause ${c.id}: ${c.heading}`, bold);
      lines.quote(c.text);
    }
    if (answer.related.length) {
      const label = answer.kind === 'lookup' ? 'Clauses within it' : 'Related';
      lines.text(`${label}: ${answer.related.map((r) => `${r.id} (${r.heading})`).join('; ')}`);
    }
    escalationLines(lines, answer.escalation, true);
    return lines.out.join('\n');
  }
  lines.text(answer.message ?? shellWording.cannotAnswer);
  if (answer.kind === 'unknown-clause' && answer.nearest.length) {
    lines.text(`Nearest: ${answer.nearest.map((n) => `${n.id} (${n.heading})`).join('; ')}`);
  }
  // A greeting or unreadable input needs no route; anything else that found nothing gets one line of it.
  if (answer.kind !== 'invalid' && answer.kind !== 'smalltalk') escalationLines(lines, answer.escalation, false);
  return lines.out.join('\n');
}
