/** Small constructors for the Block Kit pieces the adapter uses, each keeping within Slack's limits. */
import type { types } from '@slack/bolt';
import { LIMITS, escapeAndTruncate, escapeMrkdwn, splitMrkdwn, truncate } from './mrkdwn';

export type Block = types.KnownBlock;
export type Button = types.Button;

/**
 * Options for every message we post: no unfurling. We never set link_names or parse=full, so only
 * the mentions we write ourselves (from ids) can ping anyone.
 */
export const POST_OPTIONS = Object.freeze({ unfurl_links: false, unfurl_media: false });

/** A message body: fallback text (notifications, screen readers) and blocks. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Sections for already-escaped mrkdwn, split to fit the section limit. */
export function sections(mrkdwn: string): Block[] {
  return splitMrkdwn(mrkdwn, LIMITS.sectionText)
    .filter((piece) => piece.trim())
    .map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece } }));
}

/** One section of already-escaped mrkdwn, truncated if it would not fit. */
export function section(mrkdwn: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) } };
}

/** A context line of already-escaped mrkdwn. */
export function context(mrkdwn: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.contextText) }] };
}

/** A header from plain text (Slack does not parse it, so no escaping is needed). */
export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText) } };
}

export function divider(): Block {
  return { type: 'divider' };
}

/** A button labelled with plain text (never parsed by Slack). */
export function button(label: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(label, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

/** Actions blocks holding the buttons, 25 to a block. */
export function actions(buttons: Button[], blockId?: string): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    const chunk = buttons.slice(i, i + LIMITS.actionsElements);
    const id = blockId ? (i ? `${blockId}_${i / LIMITS.actionsElements}` : blockId) : undefined;
    blocks.push({ type: 'actions', elements: chunk, ...(id ? { block_id: id } : {}) });
  }
  return blocks;
}

/** Fallback text from plain text: escaped and kept short. */
export function fallback(text: string): string {
  return escapeAndTruncate(text, LIMITS.fallbackText);
}

/** A message of one paragraph of plain text, escaped. */
export function textMessage(text: string): SlackMessage {
  return { text: fallback(text), blocks: [section(escapeMrkdwn(text))] };
}

/** Last-resort guard for the block limit; renderers budget their blocks so this rarely cuts. */
export function capBlocks(blocks: Block[], max: number = LIMITS.messageBlocks): Block[] {
  if (blocks.length <= max) return blocks;
  return [...blocks.slice(0, max - 1), context('…(shortened to fit in Slack)')];
}
