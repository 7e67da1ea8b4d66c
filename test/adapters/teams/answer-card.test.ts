/** Rendering the core's answers as Adaptive Cards: the focused item first, the whole clause one button away. */
import { renderAnswerCard, renderHelpCard } from '../../../adapters/teams/answer-card';
import { loadCore } from '../../../src/protocol-core';

const core = loadCore('content', 'model');
const ask = (text: string) => core.ask({ council: 'model', role: 'councillor', text });

/** Every TextBlock's text, in order, and every Action.Submit's title and data. */
function walk(node: unknown, texts: string[], submits: { title: string; data: Record<string, unknown> }[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n) => walk(n, texts, submits));
  const o = node as Record<string, unknown>;
  if (o.type === 'TextBlock' && typeof o.text === 'string') texts.push(o.text);
  if (o.type === 'Action.Submit') submits.push({ title: String(o.title), data: o.data as Record<string, unknown> });
  for (const v of Object.values(o)) if (typeof v === 'object') walk(v, texts, submits);
}

function read(card: unknown) {
  const texts: string[] = [];
  const submits: { title: string; data: Record<string, unknown> }[] = [];
  walk(card, texts, submits);
  return { texts, submits };
}

describe('Teams answer card', () => {
  it('leads with the item that answers the question and offers the whole clause with an Action.Submit', () => {
    const { texts, submits } = read(renderAnswerCard(ask('do councillors get training?')));
    expect(texts).toContain('Clause 3.1(9) (in clause 3.1: Expectations)');
    expect(texts.join('\n')).toContain('training and development opportunities');
    expect(texts.join('\n')).not.toContain('a working partnership');
    expect(submits.find((s) => s.title === 'Show the whole clause')?.data).toEqual({ action: 'clause', council: 'model', id: '3.1' });
  });

  it('quotes a close call\'s second clause after the first, with the whole of it one Action.Submit away', () => {
    const { texts, submits } = read(renderAnswerCard(ask('can an officer be friends with a councillor')));
    const all = texts.join('\n');
    expect(texts).toContain('Two clauses come close to your question. The closer match first:');
    expect(texts).toContain('Also close; check which fits your case:');
    expect(all.indexOf('Clause 1.3: ')).toBeGreaterThan(-1);
    expect(all.indexOf('Clause 1.3: ')).toBeLessThan(all.indexOf('Clause 3.3(1) (in clause 3.3: '));
    expect(submits.filter((s) => s.title === 'Show the whole clause').map((s) => s.data.id)).toContain('3.3');
    expect(submits.map((s) => s.title)).not.toContainEqual(expect.stringMatching(/^3\.3 /));
  });

  it('keeps a close call of two 10,000-character clauses well inside Teams\' 28 KB, the second one a button away', () => {
    const real = ask('can an officer be friends with a councillor');
    const long = 'A very long clause sentence, repeated for length. '.repeat(200);
    const clauses = real.clauses.map((c) => ({ ...c, text: long }));
    const card = renderAnswerCard({ ...real, clauses, focus: undefined, closeCall: { clause: clauses[1]! } });
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(20_000);
    const { submits } = read(card);
    expect(submits.filter((s) => s.title === 'Show the whole clause').map((s) => s.data.id)).toEqual([clauses[1]!.id]);
    expect(submits.map((s) => s.title)).toEqual(expect.arrayContaining(['👎 Not helpful']));
  });

  it('shows the whole clause for a look-up by number', () => {
    const { texts, submits } = read(renderAnswerCard(ask('3.1')));
    expect(texts).toContain('Clause 3.1: Expectations');
    expect(texts.join('\n')).toContain('a working partnership');
    expect(submits.map((s) => s.title)).not.toContain('Show the whole clause');
  });

  it('gives small talk a short card with no feedback buttons or escalation', () => {
    const { texts, submits } = read(renderAnswerCard(ask('thanks!')));
    expect(texts.join('\n')).toMatch(/welcome/);
    expect(submits).toEqual([]);
  });

  it("uses the council's own clause numbers in help", () => {
    const { texts } = read(renderHelpCard(core.councils()[0]!, core.sections('model'), core.protocol('model')));
    expect(texts.join('\n')).not.toMatch(/3\.1\(e\)|section 4/);
  });
});
