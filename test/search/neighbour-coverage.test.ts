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
/** The city's clauses with a second section of one clause, 2.1. */
const withSection = (heading: string, text: string) => [
  ...cityClauses,
  aContentClause({ id: '2', heading, text: undefined }),
  aContentClause({ id: '2.1', text }),
];
const staffingClauses = withSection('Staffing Matters', 'Members should not try to influence the pay, grading or terms and conditions of any individual officer.');

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

  it('declines the terms of staff employment that a protocol of roles never mentions: unions, notice, retirement, qualifications', () => {
    for (const text of [
      'can staff join a union and does the council have to recognise it',
      'what notice does the clerk have to give if she leaves',
      'the caretaker wants to retire early, what happens next',
      'does the clerk have to be qualified with cilca',
      'can the council dismiss the clerk without a disciplinary hearing',
      'do we have to advertise the deputy clerk job externally',
    ]) {
      expect(ask(cityClauses, text)).toMatchObject({ kind: 'declined', message: expect.stringMatching(/staff pay/) });
    }
  });

  it('declines ceremonial matters and councillors\' terms of office, with where to look', () => {
    expect(ask(cityClauses, 'can the mayor wear the chain of office at a private party')).toMatchObject({ kind: 'declined', message: expect.stringMatching(/ceremonial/) });
    expect(ask(cityClauses, 'can the council fly flags at half mast when a former mayor dies')).toMatchObject({ kind: 'declined', message: expect.stringMatching(/ceremonial/) });
    for (const text of ["how long does a councillor's term of office last", 'is there a minimum age to be a councillor', 'what happens if a councillor doesn\'t turn up to any meetings for six months']) {
      expect(ask(cityClauses, text)).toMatchObject({ kind: 'declined', message: expect.stringMatching(/elections/) });
    }
  });

  it('declines meeting procedure, insurance and safety, and data protection requests, with where to look', () => {
    for (const [text, where] of [
      ['how are committee seats shared out under political balance', /standing orders/i],
      ['is there a casting vote if the committee is split down the middle', /standing orders/i],
      ['can the chair call an extra meeting at short notice', /standing orders/i],
      ['does the council indemnify me if someone sues me over something i said at committee', /insurance/],
      ['a councillor wants to volunteer at the tourist centre, does she need a dbs check', /insurance/],
      ['resident sent the chief executive a subject access request, how long have we got', /data protection/],
    ] as const) {
      const a = ask(cityClauses, text);
      expect([text, a.kind, a.message]).toEqual([text, 'declined', expect.stringMatching(where)]);
    }
  });

  it('takes an email as the way a request was made, not as a question about email, where the protocol says how soon officers reply', () => {
    const clauses = withSection('Responding to Members', 'Officers will respond to enquiries from members within ten working days, or explain the delay.');
    expect(ask(clauses, 'the director still hasnt answered my email from a month ago')).toMatchObject({ kind: 'answer', clauses: [expect.objectContaining({ id: '2.1' })] });
    expect(ask(clauses, 'one of the councillors emails me at 11pm wanting things done by 9 the next morning, is that ok').kind).not.toBe('declined');
    expect(ask(clauses, 'can i use my own gmail for council emails')).toMatchObject({ kind: 'declined', message: expect.stringMatching(/email/) });
  });

  it('does not take "above my pay grade" for a question about staff pay', () => {
    const clauses = withSection('Requests to Officers', 'Councillors should not ask junior officers for work beyond their role; requests go through the Director.');
    expect(ask(clauses, 'im only an admin officer and a councillor keeps asking me for things way above my pay grade').kind).toBe('answer');
  });

  it('answers the protocol\'s own words on insurance, where it has them', () => {
    const clauses = withSection('Insurance and Indemnity', 'The Council indemnifies members and officers against claims arising from their council work, and its insurance covers them on council business.');
    const a = ask(clauses, "am i covered by the council's insurance if someone sues me over something i said at committee");
    expect(a.kind).toBe('answer');
    expect(a.clauses[0]?.id).toBe('2.1');
  });

  it('answers discipline from a protocol whose own text deals with it', () => {
    const clauses = withSection('Staffing Matters', 'Members take no part in disciplinary matters concerning an officer, except as members of a disciplinary panel.');
    const a = ask(clauses, 'can a councillor sit on the disciplinary hearing for the officer who was rude to him');
    expect(a.kind).toBe('answer');
    expect(a.clauses[0]?.id).toBe('2.1');
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

describe('a question asking for a neighbouring matter itself', () => {
  const wardClauses = [
    aContentClause({ id: '1', heading: 'Ward Matters', text: undefined }),
    aContentClause({ id: '1.1', text: 'Officers will tell ward councillors about meetings and significant matters in their ward, and invite them to public meetings held in the ward.' }),
    aContentClause({ id: '1.2', text: 'Members can expect officers to give timely and accurate information and advice.' }),
  ];
  it('declines "can I claim mileage for…" however much of the rest a clause matches', () => {
    expect(ask(wardClauses, 'can i claim mileage for going to a public meeting in my ward')).toMatchObject({ kind: 'declined', message: expect.stringMatching(/allowances/) });
  });

  it('still answers the clause\'s own matter', () => {
    expect(ask(wardClauses, 'should officers tell me about public meetings in my ward').clauses[0]?.id).toBe('1.1');
  });
});

describe('relatives working for the council', () => {
  const noRelationships = [
    aContentClause({ id: '1', heading: 'Roles', text: undefined }),
    aContentClause({ id: '1.1', text: 'The Leader and Cabinet Members work closely with the Directors. That closer relationship does not entitle them to manage any team.' }),
    aContentClause({ id: '1.2', text: 'Enquiries from journalists are handled by the Communications Team.' }),
  ];
  const relationships = [
    ...noRelationships,
    aContentClause({ id: '2', heading: 'Personal Relationships', text: undefined }),
    aContentClause({ id: '2.1', text: 'A member who is a relative of, or has a close personal relationship with, an officer must declare it to the Monitoring Officer.' }),
  ];
  const question = 'my nephew just got a job in the parking team, is that an issue for me';
  it('declines where the protocol has no clause on relationships', () => {
    expect(ask(noRelationships, question)).toMatchObject({ kind: 'declined', message: expect.stringMatching(/relatives/) });
  });

  it('answers from the clause on relationships where there is one', () => {
    expect(ask(relationships, question).clauses[0]?.id).toBe('2.1');
  });

  it('does not take a relative named in passing for the matter', () => {
    const closed = [...noRelationships, aContentClause({ id: '3', heading: 'Confidentiality', text: 'Members must not disclose to anyone what was discussed in a closed session of the Council.' })];
    expect(ask(closed, 'can I tell my wife what was discussed in the closed session').clauses[0]?.id).toBe('3');
  });
});

describe('the media where a protocol only has social media', () => {
  const socialOnly = [
    aContentClause({ id: '1', heading: 'Email and Social Media', text: undefined }),
    aContentClause({ id: '1.1', text: 'Councillors are responsible for their own social media accounts and must not post about the market traders or staff.' }),
    aContentClause({ id: '1.2', text: 'Nothing may be posted about business taken when the press and public were excluded.' }),
    aContentClause({ id: '1.3', text: 'Reports with confidential information will be taken with the press and public excluded.' }),
  ];
  it('declines an interview with the local paper', () => {
    expect(ask(socialOnly, 'the Echo want to interview me about the market, can i do it')).toMatchObject({ kind: 'declined', message: expect.stringMatching(/media/) });
  });

  it('answers a question about confidentiality that names the paper', () => {
    const closed = [...socialOnly, aContentClause({ id: '3', heading: 'Confidentiality', text: 'Members must not disclose to anyone what was said in a confidential session of the Council.' })];
    expect(ask(closed, 'can i tell the local paper what was said in the confidential session').clauses[0]?.id).toBe('3');
  });

  it('answers it where the protocol has a clause on the press', () => {
    const press = [
      ...socialOnly,
      aContentClause({ id: '2', heading: 'The Media', text: undefined }),
      aContentClause({ id: '2.1', text: 'A member asked by a journalist for an interview or a comment on Council business, such as the market, should tell the Communications Officer first.' }),
    ];
    expect(ask(press, 'the Echo want to interview me about the market, can i do it').clauses[0]?.id).toBe('2.1');
  });
});

describe('a subject the protocol lacks, named in several words', () => {
  const noGroups = [
    aContentClause({ id: '1', heading: 'Information for Members', text: undefined }),
    aContentClause({ id: '1.1', heading: 'Briefing the Cabinet', text: 'Officers will brief the Cabinet before Cabinet meetings, and brief chairs before committee meetings.' }),
    aContentClause({ id: '1.2', text: 'Members can expect officers to give timely and accurate information and advice.' }),
    aContentClause({ id: '1.3', text: 'The Council appoints the Leader, who appoints the Cabinet.' }),
    aContentClause({ id: '1.4', text: 'Councillors should treat officers with courtesy and respect.' }),
  ];
  it('declines where the best clause answers no more of the question than those words', () => {
    expect(ask(noGroups, 'can officers brief the lib dem group before cabinet')).toMatchObject({ kind: 'declined', message: expect.stringMatching(/political groups/) });
  });

  it('answers where the protocol has a clause on it', () => {
    const groups = [...noGroups, aContentClause({ id: '2', heading: 'Political Groups', text: 'Officers may brief a political group, such as the Lib Dem group, at its request, before Cabinet or Council.' })];
    expect(ask(groups, 'can officers brief the lib dem group before cabinet').clauses[0]?.id).toBe('2');
  });
});

describe('a neighbouring matter the best clause deals with under a subject of the protocol', () => {
  const concerns = [
    aContentClause({ id: '1', heading: 'Raising Concerns', text: undefined }),
    aContentClause({ id: '1.1', text: 'A councillor with a concern about the Clerk should raise it with the Chairman.' }),
    aContentClause({ id: '1.2', text: 'A complaint that a councillor has breached the Code of Conduct should be made in writing to the Monitoring Officer of the district council.' }),
  ];
  it('answers where to report a breach of the code from the clause that says so', () => {
    const a = ask(concerns, 'how do i report another councillor for breaching the code of conduct');
    expect(a.kind).toBe('answer');
    expect(a.clauses[0]?.id).toBe('1.2');
  });

  it('still declines the code’s own rules where no clause deals with them', () => {
    const a = ask(concerns.slice(0, 2), 'what are the seven principles of public life');
    expect(a.kind).toBe('declined');
  });
});
