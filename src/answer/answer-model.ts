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

/**
 * The part of the best clause that answers the question, when the clause is long or a list: an item
 * ("3.1(e)", "3.1(c)(i)") or a sentence, quoted verbatim. Adapters lead with it and keep the whole
 * clause one button or command away. Absent for look-ups by number and for short clauses.
 */
export interface AnswerFocus {
  clauseId: string;
  /** The item's full id when the focus is a list item; absent for a sentence. */
  itemId?: string;
  /**
   * When two neighbouring items answer together (one allows something, the next sets its condition),
   * the second item's full id; `text` then holds both.
   */
  throughItemId?: string;
  /** The focused item or sentence (or the two items), verbatim. */
  text: string;
}

/**
 * A second clause that scores nearly as well as the answer (at least CLOSE_CALL_RATIO of its score): the
 * search cannot tell which of the two fits, so both are quoted, the closer match first, and the member
 * sees which applies rather than one clause shown as if certain. Its answering part when it is long.
 */
export interface CloseCall {
  clause: ClauseView;
  /** The item or sentence of this clause that answers the question, as for the answer's own focus. */
  focus?: AnswerFocus;
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
  | 'declined' // a neighbouring matter the protocol does not cover, or text addressed to the bot; `message` says where to look
  | 'smalltalk' // a greeting or thanks; `message` is a short friendly reply, never logged as unanswered
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
  /** See AnswerFocus; set only on confident answers to a question. */
  focus?: AnswerFocus;
  /** See CloseCall; set only on confident answers to a question. It is `clauses[1]`, and not in `related`. */
  closeCall?: CloseCall;
  escalation: EscalationView;
  /** A short plain-text explanation for no-match, unknown-clause and invalid answers. */
  message?: string;
}
