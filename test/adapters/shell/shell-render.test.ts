import type { Answer } from '../../../src/answer/answer-model';
import { loadCore } from '../../../src/protocol-core';
import { renderAnswer } from '../../../adapters/shell/shell-render';

const core = loadCore('content', 'hexham');
const ESC = '\u001b[';

/** A real answer from the shipped Hexham protocol, with any fields overridden. */
function anAnswer(text: string, overrides: Partial<Answer> = {}): Answer {
  return { ...core.ask({ council: 'hexham', role: 'councillor', text }), ...overrides };
}

describe('terminal rendering of answers', () => {
  it('wraps at word boundaries within the width, with the quote bar on every line of the clause', () => {
    const out = renderAnswer(anAnswer('2.3'), { width: 50 });
    const lines = out.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
    const quoted = lines.filter((l) => l.startsWith('  │'));
    expect(quoted.length).toBeGreaterThan(4);
    // Every word of the clause survives whole, in order: nothing is split at the edge.
    const clause = anAnswer('2.3').clauses[0]!.text;
    expect(quoted.map((l) => l.slice(4)).join(' ')).toBe(clause.replace(/\s+/g, ' '));
  });

  it('hangs wrapped list items under their text', () => {
    const out = renderAnswer(anAnswer('3.2'), { width: 60 });
    expect(out).toMatch(/ {2}│ f\) That Councillors will not use their position or\n {2}│ {4}relationship/);
  });

  it('uses no escape codes unless told the output is a colour terminal', () => {
    expect(renderAnswer(anAnswer('2.3'))).not.toContain(ESC);
    const coloured = renderAnswer(anAnswer('2.3'), { color: true });
    expect(coloured).toContain(`${ESC}1mClause 2.3: Chairmen and Vice Chairmen${ESC}22m`);
    // Escape codes do not count towards the width.
    const visible = coloured.split(ESC).map((part, i) => (i === 0 ? part : part.replace(/^\d+m/, ''))).join('');
    for (const line of visible.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('leads with the focused item, cited with its own number, and says how to see the whole clause', () => {
    const answer = anAnswer('3.2', {
      kind: 'answer',
      focus: { clauseId: '3.2', itemId: '3.2(e)', text: 'e) Not to be subject to bullying or to be put under undue pressure.' },
    });
    const out = renderAnswer(answer);
    expect(out).toMatch(/^Clause 3\.2\(e\) \(in clause 3\.2: Expectations\)\n {2}│ e\) Not to be subject to bullying/m);
    expect(out).toContain('Type 3.2 for the whole clause.');
    expect(out).not.toContain('a) A working partnership');
  });

  it('quotes both clauses of a close call, the closer match first, and leaves the second out of Related', () => {
    const answer = anAnswer('the clerk was rude to me');
    expect(answer.closeCall?.clause.id).toBe('5.3');
    const out = renderAnswer(answer);
    expect(out).toMatch(/^Two clauses come close to your question\. The closer match first:\nClause 3\.1\b/m);
    expect(out).toMatch(/^Also close; check which fits your case:\nClause 5\.3: /m);
    expect(out.indexOf('Clause 3.1')).toBeLessThan(out.indexOf('Clause 5.3:'));
    expect(out).toContain(answer.closeCall!.clause.text.split('\n')[0]!.slice(0, 40));
    expect(out).not.toMatch(/^Related:.*5\.3/m);
    expect(renderAnswer(anAnswer('2.3'))).not.toContain('come close');
  });

  it('gives one line of escalation when nothing fits, instead of the whole route', () => {
    const out = renderAnswer(anAnswer('recipe for lemon drizzle cake'));
    expect(out).toMatch(/\n\nIf you need a decision, go to the Clerk \(clause 5\.3\)\.$/);
    expect(out).not.toMatch(/^1\. /m);
  });

  it('shows a declined reply with one line of escalation, and small talk with none', () => {
    const base = anAnswer('recipe for lemon drizzle cake');
    const declined = renderAnswer({ ...base, kind: 'declined', message: 'Planning applications are not covered by the protocol.' });
    expect(declined).toBe('Planning applications are not covered by the protocol.\n\nIf you need a decision, go to the Clerk (clause 5.3).');
    expect(renderAnswer({ ...base, kind: 'smalltalk', message: 'Hello! Ask me about the protocol.' })).toBe('Hello! Ask me about the protocol.');
  });

  it('keeps the full route after an answer', () => {
    expect(renderAnswer(anAnswer('5.3'))).toMatch(/as a councillor go to:\n1\. The Clerk/);
  });
});
