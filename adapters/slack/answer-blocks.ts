/**
 * Renders the core's plain Answer as Block Kit: council, clause number and heading, the clause
 * verbatim as a quote, the escalation path, related clauses as buttons, and the feedback buttons.
 */
import type { Answer, AnswerFocus, ClauseView, EscalationView, RelatedClause } from '../../src/answer/answer-model';
import { messages } from '../../src/messages';
import { ACTIONS, encodeAnswerRef, encodeClauseRef } from './action-values';
import { type Block, type Button, type SlackMessage, actions, button, capBlocks, context, fallback, section, sections } from './block-kit';
import { LIMITS, escapeAndTruncate, escapeMrkdwn, quote, splitMrkdwn, truncate } from './mrkdwn';
import { slackMessages } from './slack-messages';

export interface AnswerRenderOptions {
  /** Only the asker sees it (a slash-command reply): offer "Share in channel". */
  ephemeral: boolean;
  /** Mrkdwn naming who shared it, when it is shown in a channel via Share. */
  sharedBy?: string;
}

/** The "Show the whole clause" button under a focused item; answer-actions opens the clause for it. */
export const WHOLE_CLAUSE_ACTION = `${ACTIONS.openClause}_whole`;

/** Blocks left for the quoted clause once the header, related, escalation and buttons are in. */
const QUOTE_BLOCK_BUDGET = 30;
/** Blocks for the second clause of a close call, leaving room for the rest of the message. */
const CLOSE_CALL_QUOTE_BUDGET = 8;
/** Characters of the question echoed above an answer. */
const QUESTION_SHOWN = 300;

export function renderAnswer(answer: Answer, options: AnswerRenderOptions): SlackMessage {
  const blocks: Block[] = [];
  const best = answer.clauses[0];
  const shown = (answer.kind === 'answer' || answer.kind === 'lookup') && best ? best : undefined;

  blocks.push(context(`*${escapeMrkdwn(answer.council.name)}*: ${escapeMrkdwn(answer.council.title)}`));
  // Where the question is not on screen already (a slash command's reply, a shared answer), echo it.
  if ((options.ephemeral || options.sharedBy) && answer.question.trim()) {
    blocks.push(context(`${escapeMrkdwn(slackMessages.youAsked)} ${escapeAndTruncate(answer.question, QUESTION_SHOWN)}`));
  }
  if (shown && answer.kind === 'answer') {
    // Lead with the item that answers the question; the whole clause is one button away. A close call
    // quotes the runner-up too, so the member sees which of the two fits.
    const closeCall = answer.closeCall;
    if (closeCall) blocks.push(section(escapeMrkdwn(messages.closeCallLead)));
    const budget = closeCall ? QUOTE_BLOCK_BUDGET - CLOSE_CALL_QUOTE_BUDGET - 3 : QUOTE_BLOCK_BUDGET;
    blocks.push(...(answer.focus ? focusBlocks(answer.focus, shown.heading, answer.council.id) : clauseBlocks(shown, budget, answer.council.id)));
    if (closeCall) {
      blocks.push(section(escapeMrkdwn(messages.closeCallSecond)));
      const second = closeCall.focus
        ? focusBlocks(closeCall.focus, closeCall.clause.heading, answer.council.id)
        : clauseBlocks(closeCall.clause, CLOSE_CALL_QUOTE_BUDGET, answer.council.id);
      blocks.push(...second);
    }
    blocks.push(...clauseButtons(slackMessages.relatedHeading, answer.council.id, answer.related));
  } else if (shown) {
    blocks.push(...clauseBlocks(shown));
    const label = answer.kind === 'lookup' ? slackMessages.withinHeading : slackMessages.relatedHeading;
    blocks.push(...clauseButtons(label, answer.council.id, answer.related));
  } else {
    blocks.push(section(escapeMrkdwn(answer.message ?? '')));
    if (answer.kind === 'unknown-clause') blocks.push(...clauseButtons(slackMessages.nearestHeading, answer.council.id, answer.nearest));
    if (answer.kind === 'no-match') blocks.push(...clauseButtons(slackMessages.possibleHeading, answer.council.id, answer.clauses));
  }
  if (answer.kind !== 'invalid' && answer.escalation.steps.length) blocks.push(...escalationBlocks(answer.escalation));
  blocks.push(...answerButtons(answer, options));
  if (options.sharedBy) blocks.push(context(slackMessages.sharedBy(options.sharedBy)));

  return { text: fallbackText(answer, shown), blocks: capBlocks(blocks) };
}

/** A clause on its own (from a related-clause button or the App Home), with no feedback buttons. */
export function renderClause(councilName: string, councilId: string, clause: ClauseView, within: RelatedClause[]): SlackMessage {
  const blocks: Block[] = [context(`*${escapeMrkdwn(councilName)}*`), ...clauseBlocks(clause)];
  blocks.push(...clauseButtons(slackMessages.withinHeading, councilId, within));
  return { text: fallback(`Clause ${clause.id}: ${clause.heading}`), blocks: capBlocks(blocks) };
}

/** A clause quoted; cut to `budget` blocks, with a whole-clause button when `councilId` is given (in an answer). */
function clauseBlocks(clause: ClauseView, budget = QUOTE_BLOCK_BUDGET, councilId?: string): Block[] {
  const title = section(`*Clause ${escapeMrkdwn(clause.id)}: ${escapeMrkdwn(clause.heading)}*`);
  const pieces = splitMrkdwn(quote(clause.text), LIMITS.sectionText);
  const kept = pieces.slice(0, budget);
  const body = kept.map((piece) => section(piece));
  if (pieces.length > kept.length) {
    body.push(context('…(the clause continues; it is too long to show in full here)'));
    if (councilId) body.push(...actions([wholeClauseButton(councilId, clause.id)]));
  }
  return [title, ...body];
}

function focusBlocks(focus: AnswerFocus, heading: string, councilId: string): Block[] {
  const title = section(`*${escapeMrkdwn(messages.focusTitle(focus, heading))}*`);
  const body = splitMrkdwn(quote(focus.text), LIMITS.sectionText).map((piece) => section(piece));
  return [title, ...body, ...actions([wholeClauseButton(councilId, focus.clauseId)])];
}

/** "Show the whole clause", under a focused item or a clause cut short; answer-actions opens the clause for it. */
function wholeClauseButton(councilId: string, clauseId: string): Button {
  return button(messages.showWholeClause, WHOLE_CLAUSE_ACTION, encodeClauseRef({ k: councilId, id: clauseId }));
}

function clauseButtons(label: string, councilId: string, clauses: readonly RelatedClause[]): Block[] {
  if (!clauses.length) return [];
  const buttons = clauses.map((c, i) =>
    button(`${c.id} ${c.heading}`, `${ACTIONS.openClause}_${i}`, encodeClauseRef({ k: councilId, id: c.id })),
  );
  return [context(`*${escapeMrkdwn(label)}*`), ...actions(buttons)];
}

/** The escalation path for the asker's role, the step(s) governing this clause in bold. */
function escalationBlocks(escalation: EscalationView): Block[] {
  const lines = escalation.text.split('\n').map((line, i) => {
    const step = escalation.steps[i - 1];
    const text = escapeMrkdwn(line);
    return step?.appliesHere ? `*${text.trim()}*` : text;
  });
  return sections(`*${escapeMrkdwn(slackMessages.escalationHeading)}*\n${lines.join('\n')}`);
}

function answerButtons(answer: Answer, options: AnswerRenderOptions): Block[] {
  if (answer.kind === 'invalid' || answer.kind === 'smalltalk') return [];
  const ref = encodeAnswerRef({ k: answer.council.id, q: answer.question, c: answer.clauses[0]?.id ?? null });
  const buttons: Button[] = [];
  if (answer.kind === 'answer' || answer.kind === 'lookup') {
    buttons.push(button('👍 Helpful', ACTIONS.helpful, ref), button('👎 Not helpful', ACTIONS.notHelpful, ref));
  }
  buttons.push(button('Ask the Clerk', ACTIONS.askClerk, ref));
  if (options.ephemeral && (answer.kind === 'answer' || answer.kind === 'lookup')) {
    buttons.push(button('Share in channel', ACTIONS.share, ref, 'primary'));
  }
  return actions(buttons, 'answer_actions');
}

function fallbackText(answer: Answer, shown: ClauseView | undefined): string {
  if (shown && answer.kind === 'answer' && answer.focus) {
    return fallback(`${answer.council.name}, ${messages.focusTitle(answer.focus, shown.heading)}. ${truncate(answer.focus.text, 500)}`);
  }
  if (shown) return fallback(`${answer.council.name}, clause ${shown.id}: ${shown.heading}. ${truncate(shown.text, 500)}`);
  return fallback(answer.message ?? answer.council.name);
}
