/** The escalation shown with an answer: each person once, and never the Clerk for a matter about the Clerk. */
import { escalationFor } from '../../src/answer/escalation';
import type { EscalationStep } from '../../src/protocol/model';
import { aClause, aProtocol } from '../builders/protocol-builders';

const step = (to: string, clause: string, when = `Raise it with ${to}.`): EscalationStep => ({ to, when, clause, governs: [clause] });

function protocolWith(steps: EscalationStep[]) {
  const protocol = aProtocol([aClause('11.2', { text: 'A concern about staff goes to the Town Clerk.' })]);
  return { ...protocol, escalation: { ...protocol.escalation, councillor: { steps, isCouncilSetting: false } } };
}

describe('escalationFor', () => {
  it('names each person once, at their first step, though later clauses name them again', () => {
    const protocol = protocolWith([step('The Town Clerk', '11.2'), step('The Chair of the Staffing Committee', '11.3'), step('The Town Clerk', '2.6'), step('Town Clerk', '8.4')]);
    const shown = escalationFor(protocol, 'councillor');
    expect(shown.steps.map((s) => `${s.to} @${s.clause}`)).toEqual(['The Town Clerk @11.2', 'The Chair of the Staffing Committee @11.3']);
  });

  it('keeps the answering clause’s other people, not the Clerk, first for a matter about the Clerk', () => {
    const protocol = protocolWith([step('The Town Clerk', '11.2'), step('The Chair of the Staffing Committee', '11.3')]);
    const named = step('Clerk, Chair of the HR Committee', '4.2');
    const shown = escalationFor(protocol, 'councillor', { aboutClerk: true, named });
    expect(shown.steps.map((s) => s.to)).toEqual(['Chair of the HR Committee', 'The Chair of the Staffing Committee']);
    const onlyClerk = escalationFor(protocol, 'councillor', { aboutClerk: true, named: step('The Clerk', '4.2') });
    expect(onlyClerk.steps.map((s) => s.to)).toEqual(['The Chair of the Staffing Committee']);
  });
});
