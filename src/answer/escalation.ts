/** The escalation path for the asker's role, with the step(s) that govern the answered clause marked. */
import type { EscalationView } from './answer-model';
import { messages } from '../messages';
import { isWithin } from '../protocol/clause-id';
import type { Protocol, Role } from '../protocol/model';

export function escalationFor(protocol: Protocol, role: Role, clauseId?: string): EscalationView {
  const path = protocol.escalation[role];
  const steps = path.steps.map((s) => ({
    to: s.to,
    when: s.when,
    ...(s.clause ? { clause: s.clause } : {}),
    appliesHere: clauseId !== undefined && s.governs.some((g) => isWithin(clauseId, g)),
  }));
  const lines = steps.map((s, i) => `${i + 1}. ${s.to}: ${s.when}${s.clause ? ` (clause ${s.clause})` : ''}`);
  const intro = `If this can't be resolved informally, as ${role === 'officer' ? 'an officer' : 'a councillor'} go to:`;
  const text = [intro, ...lines, ...(path.isCouncilSetting ? [messages.councilSetting] : [])].join('\n');
  return { role, steps, text, isCouncilSetting: path.isCouncilSetting };
}
