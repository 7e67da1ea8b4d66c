/**
 * Renders the core's plain Answer as an Adaptive Card: council, clause number and heading, the
 * clause verbatim, the escalation path, related clauses as buttons, and feedback / Ask the Clerk.
 */
import type { Answer, AnswerFocus, ClauseView, EscalationView, RelatedClause } from '../../src/answer/answer-model';
import type { CouncilSummary } from '../../src/core';
import { helpText, messages } from '../../src/messages';
import type { Protocol } from '../../src/protocol/model';
import { actionSet, adaptiveCard, container, linesToBlocks, submitAction, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { neutralise, truncate } from './card-text';
import { teamsMessages } from './teams-messages';

/** Clause text beyond this is cut, keeping the card well inside Teams' message size limit. */
const MAX_CLAUSE_CHARS = 12_000;
const MAX_BUTTONS = 8;
/** The second clause of a close call is cut sooner, so that two long clauses still fit one card. */
const CLOSE_CALL_CHARS = 3_000;

export function renderAnswerCard(answer: Answer): AdaptiveCard {
  const best = answer.clauses[0];
  const shown = (answer.kind === 'answer' || answer.kind === 'lookup') && best ? best : undefined;
  const body: CardElement[] = [councilLine(answer.council)];
  if (answer.kind === 'answer' || answer.kind === 'no-match') body.push(textBlock(`You asked: ${neutralise(answer.question)}`, { subtle: true, size: 'Small' }));
  if (shown && answer.kind === 'answer') {
    // Lead with the item that answers the question; the whole clause is one button away. A close call
    // quotes the runner-up too, so the member sees which of the two fits.
    const closeCall = answer.closeCall;
    if (closeCall) body.push(textBlock(messages.closeCallLead));
    body.push(...(answer.focus ? focusElements(answer.focus, shown.heading, answer.council.id) : clauseElements(shown)));
    if (closeCall) {
      body.push(textBlock(messages.closeCallSecond, { spacing: 'Medium' }));
      const second = closeCall.focus
        ? focusElements(closeCall.focus, closeCall.clause.heading, answer.council.id)
        : clauseElements(closeCall.clause, CLOSE_CALL_CHARS, answer.council.id);
      body.push(...second);
    }
    body.push(...clauseButtons(teamsMessages.relatedHeading, answer.council.id, answer.related));
  } else if (shown) {
    body.push(...clauseElements(shown));
    const label = answer.kind === 'lookup' ? teamsMessages.withinHeading : teamsMessages.relatedHeading;
    body.push(...clauseButtons(label, answer.council.id, answer.related));
  } else {
    body.push(textBlock(answer.message ?? ''));
    if (answer.kind === 'unknown-clause') body.push(...clauseButtons(teamsMessages.nearestHeading, answer.council.id, answer.nearest));
    if (answer.kind === 'no-match') body.push(...clauseButtons(teamsMessages.possibleHeading, answer.council.id, answer.clauses));
  }
  if (answer.kind !== 'invalid' && answer.escalation.steps.length) body.push(escalationContainer(answer.escalation));
  return adaptiveCard(body, answerActions(answer));
}

/** A clause on its own (from a related-clause or section button), with the clauses within it. */
export function renderClauseCard(council: CouncilSummary, clause: ClauseView, within: RelatedClause[]): AdaptiveCard {
  return adaptiveCard([councilLine(council), ...clauseElements(clause), ...clauseButtons(teamsMessages.withinHeading, council.id, within)]);
}

/** Help: what the bot does, how to ask (with the council's own clause numbers when given its protocol), the officers' commands, and the sections as buttons. */
export function renderHelpCard(council: CouncilSummary, sections: RelatedClause[], protocol?: Protocol): AdaptiveCard {
  const lines = helpText(protocol ?? council.name)
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => textBlock(line.replace(/^• /, '- ')));
  return adaptiveCard([councilLine(council), ...lines, ...clauseButtons(teamsMessages.sectionsHeading, council.id, sections)]);
}

/** A short plain-text version of an answer, for notifications and screen readers. */
export function answerSummary(answer: Answer): string {
  const best = answer.clauses[0];
  if (answer.kind === 'answer' && answer.focus && best) return `${answer.council.name}, ${messages.focusTitle(answer.focus, best.heading)}`;
  if ((answer.kind === 'answer' || answer.kind === 'lookup') && best) return `${answer.council.name}, clause ${best.id}: ${best.heading}`;
  return truncate(answer.message ?? answer.council.name, 200);
}

function councilLine(council: { name: string; title: string }): CardElement {
  return textBlock(`${council.name}: ${council.title}`, { subtle: true, size: 'Small', spacing: 'None' });
}

/** A clause quoted; cut at `max` characters, with a whole-clause button when `councilId` is given (in an answer). */
function clauseElements(clause: ClauseView, max = MAX_CLAUSE_CHARS, councilId?: string): CardElement[] {
  const cut = clause.text.length > max;
  const text = cut ? `${clause.text.slice(0, max).trimEnd()}…` : clause.text;
  const whole = cut && councilId ? [actionSet([wholeClauseAction(councilId, clause.id)])] : [];
  return [textBlock(`Clause ${clause.id}: ${clause.heading}`, { weight: 'Bolder', size: 'Medium' }), ...linesToBlocks(text), ...whole];
}

function focusElements(focus: AnswerFocus, heading: string, councilId: string): CardElement[] {
  return [
    textBlock(messages.focusTitle(focus, heading), { weight: 'Bolder', size: 'Medium' }),
    ...linesToBlocks(focus.text),
    actionSet([wholeClauseAction(councilId, focus.clauseId)]),
  ];
}

/** "Show the whole clause", under a focused item or a clause cut short. */
function wholeClauseAction(councilId: string, clauseId: string): CardElement {
  return submitAction(messages.showWholeClause, { action: 'clause', council: councilId, id: clauseId });
}

function clauseButtons(label: string, councilId: string, clauses: readonly RelatedClause[]): CardElement[] {
  if (!clauses.length) return [];
  const buttons = clauses.slice(0, MAX_BUTTONS).map((c) => submitAction(`${c.id} ${c.heading}`, { action: 'clause', council: councilId, id: c.id }));
  return [textBlock(label, { weight: 'Bolder', spacing: 'Medium' }), actionSet(buttons)];
}

/** The escalation path for the asker's role, the step(s) governing this clause in bold. */
function escalationContainer(escalation: EscalationView): CardElement {
  const lines = escalation.text.split('\n').map((line, i) => {
    const step = escalation.steps[i - 1];
    return textBlock(line, { spacing: 'None', ...(step?.appliesHere ? { weight: 'Bolder' as const } : {}) });
  });
  return container([textBlock(teamsMessages.escalationHeading, { weight: 'Bolder' }), ...lines], { separator: true });
}

function answerActions(answer: Answer): CardElement[] {
  if (answer.kind === 'invalid' || answer.kind === 'smalltalk') return [];
  const ref = { council: answer.council.id, question: truncate(answer.question, 500), clauseId: answer.clauses[0]?.id ?? null };
  const actions: CardElement[] = [];
  if (answer.kind === 'answer' || answer.kind === 'lookup') {
    actions.push(
      submitAction(`👍 ${teamsMessages.helpful}`, { action: 'feedback', helpful: true, ...ref }),
      submitAction(`👎 ${teamsMessages.notHelpful}`, { action: 'feedback', helpful: false, ...ref }),
    );
  }
  actions.push(submitAction(teamsMessages.askClerk, { action: 'ask-clerk', ...ref }));
  return actions;
}
