/**
 * The reply email both email readers' tests import (as a quoted-printable .eml and as an Outlook .msg): the
 * protocol it holds, and the notes for what around it is left out, so both formats are held to one result.
 */

/** A content file's clauses as [id, heading, text], to compare with REPLY_PROTOCOL. */
export const clausesOf = (content: { clauses: { id: string; heading?: string | null; text: string }[] }) => content.clauses.map((c) => [c.id, c.heading ?? undefined, c.text]);

/** The protocol in the reply's text, clause by clause. */
export const REPLY_PROTOCOL = [
  ['1', 'Introduction', ''],
  ['1.1', undefined, 'This protocol guides the working relationship between councillors and the Council’s officers – whatever their grade.'],
  ['1.2', undefined, 'It sits beside the Code of Conduct.'],
  ['2', 'Concerns', ''],
  ['2.1', undefined, 'A councillor who is unhappy with an officer should raise it with the Town Clerk.'],
  ['2.2', undefined, 'An officer who is concerned about a councillor’s behaviour should tell their line manager.'],
];

/** The notes for the covering note, signature, disclaimer and quoted message left out of the reply. */
export const REPLY_LEFT_OUT_NOTES = [
  expect.stringMatching(/^Left out the email's covering note before the protocol's title \(2 line\(s\)\): "Dear Sam, \/ Please find below/),
  expect.stringMatching(/^Left out the email's sign-off and signature \(4 line\(s\)\): "Kind regards \/ Jane Smith/),
  expect.stringMatching(/^Left out the email's disclaimer \(1 line\(s\)\): "This email and any attachments are confidential/),
  expect.stringMatching(/^Left out the earlier message quoted below the protocol \(8 line\(s\)\): "_+ \/ From: Sam Jones/),
];
