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
    const answer = core.ask({ council: 'borough', role: 'officer', text: '3.1' });
    expect(answer.escalation.steps.map((s) => s.appliesHere)).toEqual([false, true, false]);

    const text = textOf(renderAnswer(answer, { ephemeral: false }));

    expect(text).toContain(`\n*2. ${answer.escalation.steps[1]!.to}`);
    expect(text).toContain(`\n1. ${answer.escalation.steps[0]!.to}`);
  });
});
