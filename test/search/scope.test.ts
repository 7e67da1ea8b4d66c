/** Questions worded as about the council's other business, told from ones about members and staff (scope.ts). */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError } from '../../src/errors';
import { loadCore } from '../../src/protocol-core';
import { SCOPE_FILE, learnScope, loadScope, scopeJson, scopeModel, scopeTokens } from '../../src/search/scope';
import { jsonlFiles, scopeExamples } from '../../src/evaluation/scope-training';
import { loadLexicon } from '../../src/search/lexicon';

describe('the scope model', () => {
  const table = learnScope(
    [
      ...['can the clerk come to our group meeting', 'the clerk was rude to me', 'can i ask the clerk to type my letters', 'a councillor shouted at the clerk'].map((q) => ({ question: q, offTopic: false })),
      ...['when is the next council meeting', 'how do i claim my mileage', 'when is the bin collection', 'how do i claim my allowance'].map((q) => ({ question: q, offTopic: true })),
    ],
    'test',
  );
  const model = scopeModel(table);

  test('learns which words and word pairs say a question is about other business', () => {
    expect(model.offTopicOdds('how do i claim for the meeting')).toBeGreaterThan(0);
    expect(model.offTopicOdds('can i ask the clerk to come to the group')).toBeLessThan(0);
    // A word seen once is not kept: one question says little about how people ask.
    expect(table.weights).not.toHaveProperty('rude');
    expect(table.weights).toHaveProperty('claim');
  });

  test('a question put after or before some context is judged by its own sentence too', () => {
    const context = ' i want to ask the clerk to come to the group.';
    expect(model.offTopicOdds(`when is the bin collection?${context}`)).toBe(model.offTopicOdds('when is the bin collection?'));
    expect(model.offTopicOdds(`when is the bin collection${context}`)).toBeLessThan(model.offTopicOdds('when is the bin collection?'));
  });

  test('tokens are stems and pairs of neighbouring stems, numbers left out', () => {
    expect(scopeTokens('Claiming mileage for section 137')).toEqual(expect.arrayContaining(['claim', 'mileag', 'claim_mileag']));
    expect(scopeTokens('section 137 grants')).not.toContain('137');
  });

  test('a folder without the model has none; a malformed one is a content error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scope-'));
    try {
      expect(loadScope(dir)).toBeUndefined();
      writeFileSync(join(dir, SCOPE_FILE), '{"prior": "x"}');
      expect(() => loadScope(dir)).toThrow(ContentError);
      writeFileSync(join(dir, SCOPE_FILE), '{not json');
      expect(() => loadScope(dir)).toThrow(ContentError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the shipped councils, without their hints', () => {
  const core = loadCore('content', 'hexham', { hints: false });
  const ask = (council: string, text: string) => core.ask({ council, role: 'councillor', text });

  test.each([
    ['hexham', 'can the council give money to the twinning association'],
    ['borough', 'how much did the new play area cost'],
    ['honiton', 'how do i report a dead badger on the road'],
    // A short question is read whole, though one of its words names a topic the protocol covers (the office).
    ['bfstc', 'what time does the council office shut on friday'],
    ['borough', 'how many members have to stand up to get a recorded vote at full council?'],
  ])('%s: "%s" is worded as other business and is not answered with a clause', (council, text) => {
    const answer = ask(council, text);
    expect(answer.confident).toBe(false);
    expect(answer.kind).not.toBe('answer');
  });

  test.each([
    ['borough', 'can I talk to the papers about the budget row', '8.1'],
    ['borough', 'can i use my council laptop for my own business', '5.1'],
    ['bfstc', 'how do i get my ofice 365 acount working', '2.6'],
    ['bfstc', 'can the clerk come to our group meeting?', '3'],
    ['bfstc', 'can i book the meeting room in the office for my ward surgery', '2.6'],
  ])('%s: "%s" names a matter the protocol covers, and is answered by %s', (council, text, id) => {
    const answer = ask(council, text);
    expect(answer.confident).toBe(true);
    expect(answer.clauses[0]!.id.startsWith(id)).toBe(true);
  });
});

test('content/scope.json is what scripts/learn-scope.ts learns from the questions it names', () => {
  const { examples, sources } = scopeExamples('test/eval', 'content');
  const lexicon = loadLexicon('content');
  const table = learnScope(examples, `learnt by scripts/learn-scope.ts from ${examples.length} questions in ${sources.length} files`, (w) => lexicon.spell(w));
  expect(readFileSync('content/scope.json', 'utf8')).toBe(scopeJson(table));
});

test('a folder holding SEALED or KEPT-OUT is left out of what is learnt', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scope-sets-'));
  try {
    for (const [folder, marker] of [['open', undefined], ['sealed', 'SEALED'], ['kept', 'KEPT-OUT']] as const) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, 'set.jsonl'), '{"council":"model","question":"can the clerk help","expect":["2.1"]}\n');
      if (marker) writeFileSync(join(dir, folder, marker), 'marker\n');
    }
    expect(jsonlFiles(dir)).toEqual([join(dir, 'open', 'set.jsonl')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
