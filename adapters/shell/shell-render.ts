/** Renders the core's plain answers as terminal text. */
import type { Answer } from '../../src/answer/answer-model';

function indent(text: string, prefix = '  │ '): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

export function renderAnswer(answer: Answer): string {
  const out: string[] = [];
  const best = answer.clauses[0];
  if ((answer.kind === 'answer' || answer.kind === 'lookup') && best) {
    out.push(`${answer.council.name}, ${answer.council.title}`);
    out.push(`Clause ${best.id}: ${best.heading}`);
    out.push(indent(best.text));
    const more = answer.kind === 'lookup' ? answer.clauses.slice(1) : [];
    for (const c of more) out.push(`Clause ${c.id}: ${c.heading}`, indent(c.text));
    if (answer.related.length) {
      const label = answer.kind === 'lookup' ? 'Clauses within it' : 'Related';
      out.push(`${label}: ${answer.related.map((r) => `${r.id} (${r.heading})`).join('; ')}`);
    }
  } else {
    out.push(answer.message ?? 'I could not answer that.');
    if (answer.kind === 'unknown-clause' && answer.nearest.length) {
      out.push(`Nearest: ${answer.nearest.map((n) => `${n.id} (${n.heading})`).join('; ')}`);
    }
  }
  if (answer.kind !== 'invalid') out.push('', answer.escalation.text);
  return out.join('\n');
}
