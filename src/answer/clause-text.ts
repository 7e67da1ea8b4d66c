/** Renders a clause verbatim as plain text: its text, its list items, then the text after the list. */
import type { Clause, ClauseItem } from '../protocol/model';

/** Bullet items were numbered by position on import; show them as bullets, not invented numbers. */
export function itemMarker(item: ClauseItem): string {
  return /^\d+$/.test(item.label) ? '•' : `${item.label})`;
}

/** Second-level bullets were printed as "o" or similar; show them as hollow bullets. */
function subItemMarker(item: ClauseItem): string {
  return /^\d+$/.test(item.label) ? '◦' : `(${item.label})`;
}

/** One item and its nested items, one line each, nested ones indented. */
export function itemText(item: ClauseItem): string {
  const lines = [`${itemMarker(item)} ${item.text}`];
  for (const sub of item.items ?? []) lines.push(`    ${subItemMarker(sub)} ${sub.text}`);
  return lines.join('\n');
}

export function clauseText(clause: Clause): string {
  const parts: string[] = [];
  if (clause.text) parts.push(clause.text);
  if (clause.items.length) parts.push(clause.items.map(itemText).join('\n'));
  if (clause.tail) parts.push(clause.tail);
  return parts.join('\n\n');
}
