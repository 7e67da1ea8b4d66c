/** When a protocol deals with a neighbouring matter itself, and when its mentions of it are not coverage. */
import { parseProtocol } from '../../src/protocol/content-loader';
import { createProtocolCore } from '../../src/protocol-core';
import { loadLexicon } from '../../src/search/lexicon';
import { loadSubjects } from '../../src/search/subjects';
import { aContentClause, aContentFile, aStep, contentYaml } from '../builders/content-builders';

const cityClauses = [
  aContentClause({ id: '1', heading: 'Roles', text: undefined }),
  aContentClause({ id: '1.1', text: 'The Chief Executive is the Head of Paid Service and manages the Council’s staff through the Directors.' }),
  aContentClause({ id: '1.2', text: 'The Head of Paid Service, the Chief Finance Officer and the Monitoring Officer are the statutory officers.' }),
  aContentClause({ id: '1.3', text: 'Officers advise the Cabinet on the budget and policy framework and on the annual budget.' }),
  aContentClause({ id: '1.4', text: 'The Chief Finance Officer reports on the robustness of the budget estimates.' }),
];
const staffingClauses = [
  ...cityClauses,
  aContentClause({ id: '2', heading: 'Staffing Matters', text: undefined }),
  aContentClause({ id: '2.1', text: 'Members should not try to influence the pay, grading or terms and conditions of any individual officer.' }),
];

function coreFor(clauses: ReturnType<typeof aContentClause>[]) {
  const protocol = parseProtocol(contentYaml(aContentFile({
      id: 'city',
      name: 'Testcity City Council',
      clauses,
      escalation: {
        councillor: { council_setting: false, steps: [aStep({ to: 'The Chief Executive', clause: '1.1', governs: ['1.1'] })] },
        officer: { council_setting: true, steps: [aStep({ to: 'Your Director', clause: undefined, governs: [] })] },
      },
    })), 'city.yaml');
  return createProtocolCore({ protocols: new Map([['city', protocol]]), lexicon: loadLexicon('content'), subjects: loadSubjects('content'), defaultCouncil: 'city' });
}

const ask = (clauses: ReturnType<typeof aContentClause>[], text: string) => coreFor(clauses).ask({ council: 'city', role: 'councillor', text });

describe('neighbouring matters a protocol only mentions', () => {
  it('declines a question about a senior officer\'s pay although the protocol names the "Head of Paid Service" twice', () => {
    for (const text of ["what's the chief executive paid", "what's the pay grade for a director"]) {
      expect(ask(cityClauses, text)).toMatchObject({ kind: 'declined', message: expect.stringMatching(/staff pay/) });
    }
  });

  it('answers pay from the clause that names it in several ways', () => {
    const a = ask(staffingClauses, "can I have a word about the clerk's grading and pay?");
    expect(a.kind).toBe('answer');
    expect(a.clauses[0]?.id).toBe('2.1');
  });

  it('declines council tax where the protocol talks about its budget in other words', () => {
    expect(ask(cityClauses, 'how much is council tax going up by this year')).toMatchObject({ kind: 'declined', message: expect.stringMatching(/budget/) });
  });
});
