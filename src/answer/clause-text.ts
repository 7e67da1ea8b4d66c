/** Renders a clause verbatim as plain text: its text, its list items, then the text after the list. */
import type { Clause, ClauseItem } from '../protocol/model';

/** Bullet items were numbered by position on import; show them as bullets, not invented numbers. */
export function itemMarker(item: ClauseItem): string {
  return /^\d+$/.test(item.label) ? '•' : `${item.label})`;
}

export function clauseText(clause: Clause): string {
  const parts: string[] = [];
  if (clause.text) parts.push(clause.text);
  if (clause.items.length) parts.push(clause.items.map((i) => `${itemMarker(i)} ${i.text}`).join('\n'));
  if (clause.tail) parts.push(clause.tail);
  return parts.join('\n\n');
}
