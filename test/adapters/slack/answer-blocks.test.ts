/** Rendering the core's answers as Block Kit within Slack's limits. */
import { renderAnswer } from '../../../adapters/slack/answer-blocks';
import { decodeAnswerRef } from '../../../adapters/slack/action-values';
import { loadCore } from '../../../src/protocol-core';
import { blockKitProblems, buttonsOf, textOf } from '../../helpers/slack-test-bot';

const core = loadCore('content', 'model');
const ask = (text: string) => core.ask({ council: 'model', role: 'councillor', text });

describe('Slack answer blocks', () => {
  it('splits a 10,000-character clause across sections, verbatim and in order', () => {
    const real = ask('2.4');
    const long = Array.from({ length: 100 }, (_, i) => `Sentence ${i} of a very long clause, with <tags> & ampersands, repeated for length.`).join(' ');
    const answer = { ...real, clauses: [{ ...real.clauses[0]!, text: `${long}\n\n${long}` }] };

    const message = renderAnswer(answer, { ephemeral: true });

    expect(blockKitProblems(message)).toEqual([]);
    const sectionTexts = message.blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
    const quoted = sectionTexts.filter((t) => t.startsWith('>'));
    expect(quoted.length).toBeGreaterThan(3);
    const shown = quoted.join(' ');
    expect(shown).toContain('Sentence 0 of a very long clause, with &lt;tags&gt; &amp; ampersands');
    expect(shown.indexOf('Sentence 99')).toBeGreaterThan(shown.indexOf('Sentence 98'));
  });

  it('keeps a huge question inside the 2,000-character button value', () => {
    const real = ask('what is the role of officers?');
    const answer = { ...real, question: '"<&>"'.repeat(600) };

    const message = renderAnswer(answer, { ephemeral: true });

    for (const button of buttonsOf(message)) expect(button.value.length).toBeLessThanOrEqual(2000);
    const ref = decodeAnswerRef(buttonsOf(message).find((b) => b.actionId === 'ask_clerk')!.value);
    expect(ref?.q.length).toBeGreaterThan(100);
  });

  it('bolds the escalation step that governs the clause, and only that one', () => {
    const answer = core.ask({ council: 'borough', role: 'officer', text: 'a councillor is pushing me to change my professional advice, who can I go to?' });
    const governing = answer.escalation.steps.findIndex((s) => s.appliesHere);
    const other = answer.escalation.steps.findIndex((s) => !s.appliesHere);
    expect(governing).toBeGreaterThanOrEqual(0);
    expect(other).toBeGreaterThanOrEqual(0);

    const text = textOf(renderAnswer(answer, { ephemeral: false }));

    expect(text).toContain(`\n*${governing + 1}. ${answer.escalation.steps[governing]!.to}`);
    expect(text).toContain(`\n${other + 1}. ${answer.escalation.steps[other]!.to}`);
  });

  it('shows only the governing step for a clause looked up by number', () => {
    const answer = core.ask({ council: 'borough', role: 'officer', text: '3.1' });
    expect(answer.escalation.steps.map((s) => s.appliesHere)).toEqual([true]);
  });

  it('leads with the item that answers the question, then offers the whole clause', () => {
    const answer = ask('do councillors get training?');
    expect(answer.focus?.itemId).toBe('3.1(9)');

    const message = renderAnswer(answer, { ephemeral: true });

    expect(blockKitProblems(message)).toEqual([]);
    const text = textOf(message);
    expect(text).toContain('*Clause 3.1(9) (in clause 3.1: Expectations)*');
    expect(text).toContain('training and development opportunities');
    expect(text).not.toContain('a working partnership');
    const whole = buttonsOf(message).find((b) => b.actionId === 'open_clause_whole');
    expect(whole?.label).toBe('Show the whole clause');
    expect(JSON.parse(whole!.value)).toMatchObject({ k: 'model', id: '3.1' });
  });

  it('quotes a close call\'s second clause too, by its answering item, with its own whole-clause button', () => {
    const answer = ask('can an officer be friends with a councillor');
    expect(answer.closeCall?.focus?.itemId).toBe('3.3(1)');

    const message = renderAnswer(answer, { ephemeral: false });

    expect(blockKitProblems(message)).toEqual([]);
    const text = textOf(message);
    expect(text).toContain('Two clauses come close to your question. The closer match first:');
    expect(text).toContain('*Clause 1.3: ');
    expect(text).toContain('Also close; check which fits your case:');
    expect(text).toContain('*Clause 3.3(1) (in clause 3.3: ');
    expect(text.indexOf('*Clause 1.3: ')).toBeLessThan(text.indexOf('*Clause 3.3(1)'));
    const wholes = buttonsOf(message).filter((b) => b.actionId === 'open_clause_whole');
    expect(wholes.map((b) => JSON.parse(b.value).id)).toContain('3.3');
    expect(buttonsOf(message).filter((b) => /^open_clause_\d+$/.test(b.actionId)).map((b) => b.label)).not.toContainEqual(expect.stringMatching(/^3\.3 /));
  });

  it('keeps a close call of two 80,000-character clauses inside Slack\'s limits, feedback buttons and all', () => {
    const real = ask('can an officer be friends with a councillor');
    const long = Array.from({ length: 100 }, (_, i) => `Sentence ${i} of a very long clause, repeated for length.`).join(' ');
    const clauses = real.clauses.map((c) => ({ ...c, text: Array.from({ length: 16 }, () => long).join('\n\n') }));
    const answer = { ...real, clauses, focus: undefined, closeCall: { clause: clauses[1]! } };

    const message = renderAnswer(answer, { ephemeral: true });

    expect(blockKitProblems(message)).toEqual([]);
    expect(textOf(message)).not.toContain('shortened to fit in Slack');
    const wholes = buttonsOf(message).filter((b) => b.actionId === 'open_clause_whole');
    expect(wholes.map((b) => JSON.parse(b.value).id)).toEqual([clauses[0]!.id, clauses[1]!.id]);
    expect(buttonsOf(message).map((b) => b.label)).toEqual(expect.arrayContaining(['👍 Helpful', '👎 Not helpful', 'Ask the Clerk']));
  });

  it('renders small talk and declined matters as a short message without feedback or escalation', () => {
    for (const text of ['thanks!', 'how do I claim my mileage for council business?']) {
      const message = renderAnswer(ask(text), { ephemeral: true });
      expect(blockKitProblems(message)).toEqual([]);
      expect(textOf(message)).not.toContain('Escalation path');
      expect(buttonsOf(message).map((b) => b.actionId)).not.toContain('feedback_helpful');
    }
  });
});
