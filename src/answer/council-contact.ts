/**
 * Who, in a council, can point someone to a document the protocol does not hold: the Clerk where the
 * council has one, else the officer its protocol names (a city with a Chief Executive and a Monitoring
 * Officer and no Clerk).
 */
import type { Protocol } from '../protocol/model';

const CONTACTS: readonly [RegExp, string][] = [
  [/\b(town |parish |city )?clerk\b/i, 'the Clerk'],
  [/\bmonitoring officer\b/i, 'the Monitoring Officer'],
  [/\bdemocratic services\b/i, 'Democratic Services'],
  [/\bchief executive\b/i, 'the Chief Executive'],
  [/\bhead of paid service\b/i, 'the Head of Paid Service'],
];

export function councilContact(protocol: Protocol): string {
  const steps = [...protocol.escalation.councillor.steps, ...protocol.escalation.officer.steps].map((s) => `${s.to} ${s.when}`).join('\n');
  const text = protocol.clauses.map((c) => `${c.heading} ${c.text} ${c.items.map((i) => i.text).join(' ')} ${c.tail}`).join('\n');
  // The escalation steps a council set are the surest sign of who it has; the protocol text comes next.
  for (const source of [steps, text]) {
    const found = CONTACTS.find(([re]) => re.test(source));
    if (found) return found[1];
  }
  return "the council's offices";
}
