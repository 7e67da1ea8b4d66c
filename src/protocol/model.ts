/** The protocol model: what a council's Member/Officer Relations Protocol says, as the bot holds it. */

export const ROLES = ['councillor', 'officer'] as const;
export type Role = (typeof ROLES)[number];

/** A lettered or numbered list item inside a clause, addressable as e.g. "3.1(e)". */
export interface ClauseItem {
  /** Full id, e.g. "3.1(e)" or "2.2(ii)". */
  id: string;
  /** The item's own label as printed ("e", "ii") or its position for bullets ("1", "2"). */
  label: string;
  text: string;
  /** Second-level items nested under this one ("3.1(c)(i)"); absent when there are none. */
  items?: ClauseItem[];
}

export interface Clause {
  /** The council's own number: "2.4", "2.2.3", "4"; a section heading is its section number. */
  id: string;
  /** The clause's heading, or the heading of the section it sits in when it has none of its own. */
  heading: string;
  /** Verbatim text before any list (may be empty for a bare section heading). */
  text: string;
  items: ClauseItem[];
  /** Verbatim text after the list, if any. */
  tail: string;
  /** Id of the enclosing section/clause ("2" for "2.4"), absent at top level. */
  parent?: string;
}

/** A clause's words in order, one part a line: its text, its items (nested ones too), then its tail. */
export function clauseBody(clause: Pick<Clause, 'text' | 'items' | 'tail'>): string {
  return [clause.text, ...clause.items.flatMap((i) => [i.text, ...(i.items ?? []).map((s) => s.text)]), clause.tail].join('\n');
}

/** One step of an escalation path: who to go to, in order. */
export interface EscalationStep {
  to: string;
  /** When this step applies / what to do. */
  when: string;
  /** The clause that provides for this step, if the protocol has one. */
  clause?: string;
  /** Clause ids (or section prefixes like "3") whose matters this step governs. */
  governs: string[];
}

export interface EscalationPath {
  steps: EscalationStep[];
  /** True when this is the bot's default route, a council setting rather than protocol text. */
  isCouncilSetting: boolean;
}

export interface Protocol {
  id: string;
  name: string;
  title: string;
  source: string;
  clauses: Clause[];
  escalation: Record<Role, EscalationPath>;
}
