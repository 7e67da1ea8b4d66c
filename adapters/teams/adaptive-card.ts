/**
 * Minimal Adaptive Card building blocks (schema 1.4: every Teams client renders it, and it has
 * input labels, required inputs and error messages). Plain JSON: no SDK types leak into the cards.
 */
import { CARD_LIMITS, truncate } from './card-text';
import type { CardAction } from './card-actions';

export const ADAPTIVE_CARD_VERSION = '1.4';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: 'Full' };
}

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

export interface TextStyle {
  weight?: 'Bolder';
  size?: 'Small' | 'Medium' | 'Large';
  color?: 'Attention' | 'Good' | 'Accent';
  subtle?: boolean;
  spacing?: 'None' | 'Small' | 'Medium';
}

export function textBlock(text: string, style: TextStyle = {}): CardElement {
  const { subtle, ...rest } = style;
  return { type: 'TextBlock', text, wrap: true, ...(subtle ? { isSubtle: true } : {}), ...rest };
}

/**
 * Multi-line text as one TextBlock a line (Teams' markdown would run single line breaks together),
 * with a gap where the text had a blank line. `transform` escapes each line (e.g. neutralise).
 */
export function linesToBlocks(text: string, transform: (line: string) => string = (line) => line): CardElement[] {
  const blocks: CardElement[] = [];
  let gap = false;
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      gap = blocks.length > 0;
      continue;
    }
    blocks.push(textBlock(transform(line), { spacing: gap ? 'Medium' : 'None' }));
    gap = false;
  }
  return blocks;
}

export function container(items: CardElement[], options: { separator?: boolean; style?: 'emphasis' | 'attention' } = {}): CardElement {
  return { type: 'Container', items, ...(options.separator ? { separator: true, spacing: 'Medium' } : {}), ...(options.style ? { style: options.style } : {}) };
}

/** An Action.Submit whose data the bot gets back as the message's `value`. */
export function submitAction(title: string, data: CardAction, style?: 'positive' | 'destructive'): CardElement {
  return { type: 'Action.Submit', title: truncate(title, CARD_LIMITS.buttonTitle), data, ...(style ? { style } : {}) };
}

export function actionSet(actions: CardElement[]): CardElement {
  return { type: 'ActionSet', actions };
}

/** The activity attachment Teams expects for a card. */
export function cardAttachment(card: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}
