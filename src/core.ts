/** The core's face to adapters: plain requests in, plain answers out. Knows no platform. */
import type { Answer, AskRequest, ClauseView, RelatedClause } from './answer/answer-model';
import type { Protocol } from './protocol/model';

export interface CouncilSummary {
  id: string;
  name: string;
  title: string;
}

export interface ProtocolCore {
  /** The council used when a request names none (COUNCIL, default `model`). */
  readonly defaultCouncil: string;
  councils(): CouncilSummary[];
  /** Throws UnknownCouncilError. */
  protocol(councilId: string): Protocol;
  /** Answers a question or clause number. Never throws for bad text; throws UnknownCouncilError/UnknownRoleError. */
  ask(request: AskRequest): Answer;
  /** One clause verbatim by exact id ("2.4", "3.1(e)"), or undefined. */
  clause(councilId: string, clauseId: string): ClauseView | undefined;
  /** The help text for a council, its examples in the council's own clause numbers. Throws UnknownCouncilError. */
  help(councilId: string, opts?: { platformCommand?: string }): string;
  /** The top-level sections, for a table of contents (App Home, help). */
  sections(councilId: string): RelatedClause[];
}
