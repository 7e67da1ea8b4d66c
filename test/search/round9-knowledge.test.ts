/**
 * Knowledge found from round 9's misses (spent in the session-7 round): matters every council's members
 * ask about beside the protocol, and questions about the protocol's own matters that were declined.
 */
import { rmSync } from 'node:fs';
import type { ProtocolCore } from '../../src/core';
import { importedContentDir } from '../../src/evaluation/imported-content';
import { loadCore } from '../../src/protocol-core';
import { aContentClause } from '../builders/content-builders';
import { answerIds, coreOfClauses } from '../builders/core-builders';

const base = [
  aContentClause({ id: '2', heading: 'Working together', text: undefined }),
  aContentClause({ id: '2.1', text: 'Councillors and the Clerk treat one another with courtesy and respect at all times.' }),
  aContentClause({ id: '2.2', text: 'A councillor who takes up a matter for a resident should pass it to the Clerk in writing and should not promise any outcome.' }),
  aContentClause({ id: '2.3', text: 'Councillors should not involve themselves in the day to day running of the Council.' }),
  aContentClause({ id: '2.4', text: 'Councillors should check their facts before publicly criticising a decision of the Council.' }),
];

const coreWith = (extra: ReturnType<typeof aContentClause>[] = []) => coreOfClauses([...base, ...extra], 'parish');
const ask = (core: ProtocolCore, text: string) => core.ask({ council: 'parish', role: 'councillor', text });

describe('council services and property the protocol does not cover are declined with where to look', () => {
  it.each([
    ['how do i get a blue badge sorted for my dad', /council services/],
    ['who looks after the cctv cameras on the high street', /council services/],
    ['can the parish take over the public toilets from the district', /council services/],
    ['a family want a memorial bench with a plaque on the green, who do they ask', /property/],
    ['who holds the title deeds for the recreation ground', /property/],
  ])('%j', (text, where) => {
    const answer = ask(coreWith(), text);
    expect(answer.kind).toBe('declined');
    expect(answer.message).toMatch(where);
  });
});

test('criticising a decision about a service in public is the protocol matter, not a service request', () => {
  const answer = ask(coreWith(), 'want to slam the car park charges decision on facebook tonight, anything i should do first');
  expect(answer.kind).toBe('answer');
  expect(answer.clauses[0]!.id).toBe('2.4');
});

test("the council's logo and letterhead are council resources: a clause on them answers, none declines", () => {
  const logo = aContentClause({ id: '2.5', text: "Councillors must not use the Council's logo, letterhead or social media accounts for personal or political purposes." });
  expect(answerIds(coreWith([logo]), 'can i put the council logo on my election leaflet', 'parish')[0]).toBe('2.5');
  expect(ask(coreWith(), 'can i put the council logo on my election leaflet').kind).not.toBe('answer');
});

describe('round 9 councils imported from their own documents', () => {
  let core: ProtocolCore;
  let dir: string;
  beforeAll(async () => {
    ({ dir } = await importedContentDir('test/eval/round9/new-councils', ['quillerton-parish', 'saltinghurst-town']));
    core = loadCore(dir, 'quillerton-parish', { hints: false, knowledgeDir: 'content' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const askOf = (council: string, text: string) => core.ask({ council, role: 'councillor', text });

  test('one clause naming a close relationship in words of its own ("related to the Clerk, or has a close friendship") covers relatives', () => {
    const answer = askOf('quillerton-parish', 'my cousin is our clerk, does that matter when we do her appraisal');
    expect(answer.kind).toBe('answer');
    expect(answer.clauses.map((c) => c.id)).toContain('4.3');
  });

  test('asking when the office is open is answered by the clause that gives the hours', () => {
    const answer = askOf('saltinghurst-town', 'what time is the office open');
    expect(answer.kind).toBe('answer');
    expect(answer.clauses[0]!.id).toBe('4.1');
  });
});

test('"the office" as the people who work there names no premises topic', () => {
  // Hexham's protocol says nothing of its office building; the question is about a councillor's role for a resident.
  const core = loadCore('content', 'hexham', { hints: false });
  const answer = core.ask({
    council: 'hexham',
    role: 'councillor',
    text: 'a lady on my estate wants me to chase up the overgrown hedge by the war memorial with the office for her, is that part of my job',
  });
  expect(answer.kind).toBe('answer');
});

test('the lookup names the council: "exact wording of 1.2 please, hexham one" shows 1.2', () => {
  const core = loadCore('content', 'hexham', { hints: false });
  const answer = core.ask({ council: 'hexham', role: 'councillor', text: 'exact wording of 1.2 please, hexham one' });
  expect(answer.kind).toBe('lookup');
  expect(answer.clauses[0]!.id).toBe('1.2');
});
