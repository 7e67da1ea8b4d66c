/** Test data for the loaded protocol model (what the content loader gives the search), not the YAML a clerk writes. */
import type { Clause, Protocol } from '../../src/protocol/model';

/** A clause with no list; a section heading when `text` is empty. */
export function aClause(id: string, overrides: Partial<Clause> = {}): Clause {
  return { id, heading: '', text: '', items: [], tail: '', ...overrides };
}

/** A council with these clauses and no escalation provisions of its own. */
export function aProtocol(clauses: Clause[]): Protocol {
  return {
    id: 'test',
    name: 'Test Council',
    title: 'Protocol',
    source: 'test',
    escalation: { councillor: { steps: [], isCouncilSetting: true }, officer: { steps: [], isCouncilSetting: true } },
    clauses,
  };
}
