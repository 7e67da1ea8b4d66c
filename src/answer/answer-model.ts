/** The plain answer the core gives; adapters render it for their platform. */
import type { Role } from '../protocol/model';

export interface AskRequest {
  council: string;
  role: Role;
  text: string;
  /** Who asked, for logs and feedback; never needed to answer. */
  asker?: { platform: string; id: string; name?: string };
}

export interface ClauseView {
  id: string;
  heading: string;
  /** The clause verbatim (text, list items, tail) as plain text with line breaks. */
  text: string;
  score: number;
}

export interface RelatedClause {
  id: string;
  heading: string;
}

export interface EscalationView {
  role: Role;
  steps: { to: string; when: string; clause?: string; appliesHere: boolean }[];
  /** One paragraph of plain text suitable for any platform. */
  text: string;
  isCouncilSetting: boolean;
}

export type AnswerKind =
  | 'answer' // a confident match for a question
  | 'lookup' // a clause asked for by number
  | 'unknown-clause' // a number that does not exist; `nearest` lists the closest
  | 'no-match' // nothing fits well enough
  | 'invalid'; // empty, too long, or unreadable input

export interface Answer {
  kind: AnswerKind;
  council: { id: string; name: string; title: string };
  question: string;
  confident: boolean;
  /** Best first, at most 3; the first is the answer when `confident`. */
  clauses: ClauseView[];
  related: RelatedClause[];
  nearest: RelatedClause[];
  escalation: EscalationView;
  /** A short plain-text explanation for no-match, unknown-clause and invalid answers. */
  message?: string;
}
