/** The shared subjects file: which subjects a question names, and which clauses a protocol's own words link. */
import { loadSubjects, subjectToken } from '../../src/search/subjects';
import { words } from '../../src/search/text';

const subjects = loadSubjects('content');
const named = (question: string) => subjects.inQuestion(words(question)).subjects;
const linked = (heading: string, body: string) => [...subjects.linkClause(heading, body).keys()];

describe('subjects a question names', () => {
  it('gives the words of a longer phrase of a distinct subject to that subject alone', () => {
    // "the papers" here are the newspapers, not the council's papers.
    expect(named('can I talk to the papers about the budget row')).toContain(subjectToken('media'));
    expect(named('can I talk to the papers about the budget row')).not.toContain(subjectToken('information-access'));
    expect(named('can I see the papers for the next cabinet meeting')).toContain(subjectToken('information-access'));
  });

  it('lets other subjects share words ("a councillor shouted at me" is a grievance and bullying both)', () => {
    expect(named('a councillor shouted at me in the office')).toEqual(
      expect.arrayContaining([subjectToken('officer-grievance'), subjectToken('bullying-pressure')]),
    );
  });

  it('keeps social media apart from the press', () => {
    expect(named('can I post about it on facebook')).toContain(subjectToken('social-media'));
    expect(named('can I post about it on facebook')).not.toContain(subjectToken('media'));
  });
});

describe('quiet clause terms', () => {
  it('link clauses but do not name the subject in a question', () => {
    expect(linked('', 'Councillors visiting the council offices should make an arrangement with the Clerk.')).toContain(subjectToken('premises-access'));
    expect(named('how do I claim mileage for visiting my division')).not.toContain(subjectToken('premises-access'));
    expect(named('can I get the papers in advance')).not.toContain(subjectToken('personal-interest'));
    expect(named('is there a vote of no confidence')).not.toContain(subjectToken('confidentiality'));
  });

  it('takes messaging someone for neither email nor pressure', () => {
    expect(named('I was messaging the clerk about the agenda')).not.toContain(subjectToken('email'));
    expect(named('I was messaging the clerk about the agenda')).not.toContain(subjectToken('bullying-pressure'));
  });
});

describe('code of conduct complaints', () => {
  it('read a breach of the Code as a standards complaint, not as the officers\' code', () => {
    expect(named('a councillor is in breach of the code of conduct')).toContain(subjectToken('code-complaints'));
    expect(subjects.inQuestion(words('a councillor is in breach of the code of conduct')).neighbours.map((n) => n.id)).toContain('code-rules');
  });
});

describe('everyday phrasings', () => {
  it('know swearing and a divorce', () => {
    expect(named('the councillor swore at me')).toContain(subjectToken('courtesy-respect'));
    expect(named('the clerk is going through a divorce')).toContain(subjectToken('officer-personal-issues'));
  });

  it('take "supposed to do" for a councillor\'s role only when it is about councillors', () => {
    expect(named('what am I supposed to do about the bins')).not.toContain(subjectToken('councillor-role'));
    expect(named('what is a councillor supposed to do')).toContain(subjectToken('councillor-role'));
  });
});

describe('clauses linked by their own words', () => {
  it('does not take one passing mention of the press for a clause on the media', () => {
    expect(linked('', 'Councillors should avoid criticising the Clerk in public, at meetings, in the press or online.')).not.toContain(subjectToken('media'));
    expect(linked('Media Relations', 'Only the Leader speaks to the press; press releases are issued by the communications team.')).toContain(
      subjectToken('media'),
    );
  });

  it('does not take an informal discussion of a complaint for personal familiarity', () => {
    expect(linked('', 'The first step should normally be an informal discussion between them.')).not.toContain(subjectToken('familiarity'));
    expect(linked('Balance between formality and informality', 'Formal relations need to be maintained in public decision-making arenas.')).toContain(
      subjectToken('formality'),
    );
  });
});

describe('matters askers name in their own words', () => {
  it('knows a club or committee a councillor sits on outside the council, and not the council\'s own committees', () => {
    expect(named('i sit on the carnival committee, could the office do their minutes')).toContain(subjectToken('outside-bodies'));
    expect(named('would the clerk do the minutes for our allotment society')).toContain(subjectToken('outside-bodies'));
    expect(named('how do I apply for a ward grant for the allotment society')).not.toContain(subjectToken('outside-bodies'));
    expect(named('can the clerk do the minutes for the planning committee')).not.toContain(subjectToken('outside-bodies'));
    expect(linked('', 'Staff will not carry out work for an outside body on which a councillor serves.')).toContain(subjectToken('outside-bodies'));
  });

  it('tells a decision taken against the officers\' advice from a councillor who votes against things', () => {
    expect(named('committee voted against what the officers advised, what has to happen now')).toContain(subjectToken('contrary-decision'));
    expect(named('he votes against everything')).not.toContain(subjectToken('contrary-decision'));
    expect(linked('', 'Where councillors take a decision contrary to officer advice, the reasons must be recorded.')).toContain(
      subjectToken('contrary-decision'),
    );
  });

  it('links decisions under delegated powers, not a council delegating to its own members', () => {
    expect(linked('', 'Members must not seek to influence an officer deciding a licensing case under delegated powers.')).toContain(
      subjectToken('delegated-decisions'),
    );
    expect(linked('', 'The Council should delegate authority to a small group of Councillors to deal with personnel matters.')).not.toContain(
      subjectToken('delegated-decisions'),
    );
  });

  it('reads a councillor at the officer\'s door as contacting them at home, and a house extension as nothing of the kind', () => {
    expect(named('one of the councillors keeps turning up at my house with papers')).toContain(subjectToken('contacting-officers'));
    expect(named('can i ask the clerk for advice on my house extension')).not.toContain(subjectToken('contacting-officers'));
  });

  it('does not take a developer for training, or "who deals with" for a deal', () => {
    expect(named('can i write to the developer on council letterhead')).not.toContain(subjectToken('training'));
    expect(named('who deals with complaints that a councillor broke the code of conduct')).not.toContain(subjectToken('binding-council'));
    expect(named('who deals with complaints that a councillor broke the code of conduct')).toContain(subjectToken('code-complaints'));
    expect(named('can i write to the developer on council letterhead saying the council objects')).toContain(subjectToken('binding-council'));
  });

  it('knows lobbying for an officer\'s regrading and who manages the staff', () => {
    expect(named('can i push for one of the social workers to be regraded')).toContain(subjectToken('staff-pay-influence'));
    expect(named('who is in charge of all the council\'s staff')).toContain(subjectToken('staff-management'));
  });
});

describe('phrases that do not name a subject', () => {
  it('takes the office staff for people, not a visit to the offices', () => {
    expect(named('can i ask the office staff to pick up my prescription')).not.toContain(subjectToken('premises-access'));
    expect(named('can I ask the office to pick up my dry cleaning')).not.toContain(subjectToken('premises-access'));
    expect(named('can i come into the office to use the printer')).toContain(subjectToken('premises-access'));
  });
});

describe('information shared and the Clerk away', () => {
  it('takes a supplier\'s quotes for neither the press nor a quote in it', () => {
    expect(named('if the clerk gives cllr hale the playground quotes do the rest of us get them as well')).not.toContain(subjectToken('media'));
    expect(named('if the clerk gives cllr hale the playground quotes do the rest of us get them as well')).toContain(subjectToken('information-parity'));
    expect(named('can i be quoted in council press releases')).toContain(subjectToken('media'));
  });

  it('knows who covers for the Clerk, linking only a clause that says someone acts in their absence', () => {
    expect(named('who covers when the town clerk is on leave')).toContain(subjectToken('clerk-absence'));
    expect(linked('', 'The Deputy Town Clerk acts for the Town Clerk during any absence.')).toContain(subjectToken('clerk-absence'));
    expect(linked('', 'A councillor should send apologies for absence to the Clerk.')).not.toContain(subjectToken('clerk-absence'));
  });
});

describe('staff who are late and crews who are staff', () => {
  it('takes a caretaker turning up late for timekeeping, not a visit to the offices', () => {
    expect(named('the caretaker keeps turning up late to unlock the hall')).not.toContain(subjectToken('premises-access'));
    expect(named('the caretaker keeps turning up late to unlock the hall')).toContain(subjectToken('officer-complaints'));
  });
});

describe('big requests, staff numbers and service questions', () => {
  it('knows a request that would take days of an officer\'s time, and links the clauses that set a limit on it', () => {
    expect(named('i need the clerk to do a big survey of all the footpaths')).toContain(subjectToken('large-requests'));
    expect(linked('', 'Requests that would take more than an hour of the Clerk\'s time should be brought to a meeting.')).toContain(
      subjectToken('large-requests'),
    );
  });

  it('knows a question about how many staff a council has', () => {
    expect(named('how many staff does the council actually have')).toContain(subjectToken('staff-numbers'));
    expect(linked('', 'The Council employs three officers: the Town Clerk, the Assistant Clerk and a Finance Officer.')).toContain(
      subjectToken('staff-numbers'),
    );
  });

  it('takes asking who cuts the grass for a service question, and telling the lads to cut it for instructing staff', () => {
    expect(named('who cuts the grass on the village green')).not.toContain(subjectToken('day-to-day'));
    expect(named('can i tell the lads to cut the grass on the green first')).toContain(subjectToken('day-to-day'));
  });
});

describe('stems that reach too far', () => {
  it('does not take any mention of people employed by the council for how many staff it has', () => {
    expect(linked('', '"Officer" means any person employed by the Council.')).not.toContain(subjectToken('staff-numbers'));
  });
});

describe('where an asker heard the news', () => {
  it('does not take finding something out on Facebook for a question about social media', () => {
    expect(named('there is a consultation in my ward and i only found out from facebook')).not.toContain(subjectToken('social-media'));
    expect(named('there is a consultation in my ward and i only found out from facebook')).toContain(subjectToken('ward-matters'));
    expect(named('can i post about the consultation on facebook')).toContain(subjectToken('social-media'));
  });
});

describe('money lent, meddling and needing each other (round 19 session)', () => {
  it('takes a councillor lending an officer money for a close personal relationship', () => {
    expect(named('a cllr lent the clerk five hundred quid interest free to fix her car')).toContain(subjectToken('familiarity'));
  });
  it('takes a councillor meddling in a service for the day-to-day running', () => {
    expect(named('the chair keeps meddling in how the library is run')).toContain(subjectToken('day-to-day'));
  });
  it('takes councillors and officers needing each other for their respective roles', () => {
    expect(named("doesn't the protocol say councillors and staff need each other?")).toContain(subjectToken('roles'));
  });
});

describe('claims made in argument, and a column in the council magazine (round 19 session)', () => {
  const neighbourIds = (q: string) => subjects.inQuestion(words(q)).neighbours.map((n) => n.id);
  it('does not take answering the opposition\'s claims for an expenses claim', () => {
    expect(neighbourIds("can i write a reply to the opposition's claims about the precept")).not.toContain('allowances');
    expect(neighbourIds('how do i claim my mileage')).toContain('allowances');
  });
  it('takes a regular column for the media', () => {
    expect(named('could i write a regular column for the parish pump')).toContain(subjectToken('media'));
  });
});
