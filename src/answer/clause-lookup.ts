/** Clauses asked for by number: the clause (or what is inside a number the document does not use), or the nearest. */
import type { Answer, ClauseView, RelatedClause } from './answer-model';
import { clauseText } from './clause-text';
import { escalationFor } from './escalation';
import { messages } from '../messages';
import { compareIds, isWithin } from '../protocol/clause-id';
import type { Clause, Protocol, Role } from '../protocol/model';

export interface CouncilClauses {
  protocol: Protocol;
  byId: Map<string, Clause>;
}

const MAX_SHOWN = 3;

export function lookup(
  council: CouncilClauses,
  role: Role,
  base: Pick<Answer, 'council' | 'question' | 'related' | 'nearest'>,
  id: string,
  clauseId: string,
): Answer {
  const found = viewById(council, id);
  // "2.4" where the document numbers only 2.4.1 and 2.4.2: show what is inside it.
  const inside = found ? [] : council.protocol.clauses.filter((c) => c.id !== id && isWithin(c.id, id));
  if (found || inside.length) {
    const shown = found ? [found] : inside.slice(0, MAX_SHOWN).map((c) => view(c, 1));
    const children = council.protocol.clauses
      .filter((c) => c.parent === clauseId && !shown.some((v) => v.id === c.id))
      .map((c) => ({ id: c.id, heading: c.heading }));
    return {
      ...base,
      kind: 'lookup',
      confident: true,
      clauses: shown,
      related: children.slice(0, 8),
      escalation: escalationFor(council.protocol, role, { clauseId: shown[0]!.id, complaint: false }),
    };
  }
  const nearest = nearestIds(council, id);
  return {
    ...base,
    kind: 'unknown-clause',
    confident: false,
    clauses: [],
    nearest,
    escalation: escalationFor(council.protocol, role, { complaint: false }),
    message: messages.unknownClause(id, council.protocol.name, nearest.map((n) => n.id)),
  };
}

/** A clause ("2.4", "4(b)") or a list item ("3.1(e)", "3.1(c)(i)", "4(b)(ii)") by exact id. */
export function viewById(council: CouncilClauses, id: string): ClauseView | undefined {
  const exact = council.byId.get(id);
  if (exact) return view(exact, 1);
  // The clause is the longest start of the id that is one: "4(b)" of "4(b)(ii)" where paragraphs are lettered.
  const m = /^([\d.]+(?:\([a-z]\))?)((?:\([a-z0-9]+\))+)$/i.exec(id);
  const split = m && !council.byId.has(m[1]!) ? /^([\d.]+)((?:\([a-z0-9]+\))+)$/i.exec(id) : m;
  if (split) {
    const clause = council.byId.get(split[1]!);
    const labels = [...split[2]!.matchAll(/\(([a-z0-9]+)\)/gi)].map((x) => x[1]!.toLowerCase());
    let items = clause?.items;
    let item;
    for (const label of labels) {
      item = items?.find((i) => i.label.toLowerCase() === label);
      items = item?.items;
    }
    if (!clause || !item) return undefined;
    return { id: item.id, heading: clause.heading, text: item.text, score: 1 };
  }
  const clause = council.byId.get(id);
  return clause ? view(clause, 1) : undefined;
}

export function view(clause: Clause, score: number): ClauseView {
  return { id: clause.id, heading: clause.heading, text: clauseText(clause), score };
}

/** The existing clauses closest to a missing id: its own clause when only an item is missing, then the same parent, then numerically nearest. */
function nearestIds(council: CouncilClauses, id: string): RelatedClause[] {
  const base = id.replace(/\(.*\)$/, '');
  const own = base !== id && council.byId.has(base) ? [base] : [];
  const all = council.protocol.clauses.map((c) => c.id).filter((c) => c !== base);
  const prefix = base.split('.').slice(0, -1).join('.');
  // One sort gives every id's position beside the missing one; distances are then computed once each.
  const position = new Map([...all, base].sort(compareIds).map((c, i) => [c, i]));
  const at = position.get(base)!;
  const distance = (c: string) => {
    const sameParent = prefix && isWithin(c, prefix) ? 0 : 1_000_000;
    return sameParent + Math.abs(position.get(c)! - at);
  };
  const others = all
    .map((c) => ({ c, d: distance(c) }))
    .sort((a, b) => a.d - b.d || compareIds(a.c, b.c))
    .slice(0, 3 - own.length)
    .map(({ c }) => c);
  return [...own, ...others].sort(compareIds).map((c) => ({ id: c, heading: council.byId.get(c)!.heading }));
}
