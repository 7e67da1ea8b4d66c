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

const parishClauses = [
  aContentClause({ id: '1', heading: 'Working Together', text: undefined }),
  aContentClause({ id: '1.1', text: 'The Clerk works part-time, for 18 hours a week, and councillors should plan their requests accordingly.' }),
  aContentClause({ id: '1.2', text: 'The Council appoints the Leader, who appoints the Cabinet.' }),
  aContentClause({ id: '1.3', text: 'Councillors should treat the Clerk with courtesy and respect.' }),
];

describe('how a neighbouring word weighs against the rest of the question', () => {
  it('answers a sentence the clause answers word for word, though it names the clerk being paid', () => {
    const a = ask(parishClauses, 'the clerk is only paid for 18 hours, how should i plan my requests');
    expect(a.kind).toBe('answer');
    expect(a.clauses[0]?.id).toBe('1.1');
  });

  it('declines the same matter asked about on its own', () => {
    for (const text of ['is the clerk getting a rise this year', "should the clerk's hours go up to ten a week"]) {
      expect(ask(parishClauses, text)).toMatchObject({ kind: 'declined', message: expect.stringMatching(/staff pay/) });
    }
  });
});

describe('a council appointing its Leader is not a clause on appointing staff', () => {
  it('does not answer a question about sitting on an interview panel', () => {
    expect(ask(parishClauses, 'can i sit on the interview panel for the new director').confident).toBe(false);
  });
});

describe('a subject the protocol lacks, asked about people it names', () => {
  const townClauses = [
    aContentClause({ id: '1', heading: 'Officers', text: undefined }),
    aContentClause({ id: '1.1', text: 'The Deputy Town Clerk supports the Town Clerk and looks after the allotments, cemetery and bookings.' }),
    aContentClause({ id: '1.2', text: 'Members can expect officers to give timely and accurate information and advice.' }),
  ];
  it('declines a clause found only by the person named', () => {
    const a = ask(townClauses, "i'm going out with the deputy town clerk, do i need to tell anyone");
    expect(a).toMatchObject({ kind: 'declined', message: expect.stringMatching(/familiarity/) });
  });

  it('answers it where the protocol has a clause on relationships', () => {
    const withFriendships = [...townClauses, aContentClause({ id: '1.3', text: 'A member in a close personal relationship with an officer should tell the Town Clerk.' })];
    const a = ask(withFriendships, "i'm going out with the deputy town clerk, do i need to tell anyone");
    expect(a.kind).toBe('answer');
    expect(a.clauses[0]?.id).toBe('1.3');
  });
});

describe('a neighbouring matter the protocol mentions but nothing answers', () => {
  const precept = [
    ...parishClauses,
    aContentClause({ id: '2', heading: 'Roles', text: undefined }),
    aContentClause({ id: '2.1', text: 'Together, as the Council, councillors decide policy and set the budget and the precept.' }),
    aContentClause({ id: '2.2', text: 'The Clerk prepares the draft budget and precept for the Council to consider.' }),
  ];
  it('says where to look rather than showing the nearest clauses', () => {
    const a = ask(precept, 'how much is the precept going up this year');
    expect(a).toMatchObject({ kind: 'declined', confident: false, message: expect.stringMatching(/mentions the budget and precept but doesn't answer that/) });
  });

  it('still answers what the protocol says about it', () => {
    const a = ask(precept, 'who sets the precept, the clerk or the councillors?');
    expect(a.kind).toBe('answer');
    expect(a.clauses.map((c) => c.id)).toContain('2.1');
  });
});
