/** Broader everyday phrasings and protocol wordings link to their subjects, and stay narrow. */
import { loadSubjects, subjectToken } from '../../src/search/subjects';
import { words } from '../../src/search/text';

const subjects = loadSubjects('content');
const named = (question: string) => subjects.inQuestion(words(question)).subjects;
const linked = (heading: string, body: string) => [...subjects.linkClause(heading, body).keys()];

describe('everyday ways of saying it', () => {
  it('takes a swift half with the clerk for familiarity, and a nephew going for a job for appointments', () => {
    expect(named('fancy a swift half with the clerk after the meeting')).toContain(subjectToken('familiarity'));
    expect(named('my nephew is going for the admin job')).toContain(subjectToken('appointments'));
  });

  it('takes a mayor who hands out work to everyone for instructing staff', () => {
    expect(named('the mayor thinks she runs the council and hands out work to everyone')).toContain(subjectToken('day-to-day'));
  });

  it('knows a buddy scheme for training, a whip-round for a gift, and a rubber stamp for officers\' advice', () => {
    expect(named('is there a buddy scheme for new councillors')).toContain(subjectToken('training'));
    expect(named("can we have a whip-round for the clerk's birthday")).toContain(subjectToken('gifts'));
    expect(named('the officers just rubber stamp what the leader wants')).toContain(subjectToken('officer-advice'));
  });

  it('knows briefing a group, service standards for members\' queries and a fresh start with the clerk', () => {
    expect(named('can the clerk come and brief the independents')).toContain(subjectToken('group-attendance'));
    expect(named("is there a service standard for members' queries")).toContain(subjectToken('response'));
    expect(named('we need a fresh start with the clerk')).toContain(subjectToken('working-relationship'));
  });

  it('knows talking to the clerk like dirt, a climate of fear, and publicity while standing as a candidate', () => {
    expect(named('the councillor talks to the clerk like dirt')).toContain(subjectToken('courtesy-respect'));
    expect(named("there's a climate of fear in the office because of one councillor")).toContain(subjectToken('bullying-pressure'));
    expect(named("can the clerk put out a press release with my photo while i'm a candidate")).toContain(subjectToken('pre-election'));
  });

  it('knows urgent decisions that cannot wait for the next meeting', () => {
    expect(named('who takes urgent decisions between meetings')).toContain(subjectToken('urgent-decisions'));
    expect(named('can the chair use urgency powers')).toContain(subjectToken('urgent-decisions'));
  });
});

describe('protocol wordings', () => {
  it('link clauses on abusing one\'s position, the council spokesperson and the council as employer', () => {
    expect(linked('', 'Members should not abuse their position in dealing with staff.')).toContain(subjectToken('bullying-pressure'));
    expect(linked('', 'All dealings with the media are handled by the council spokesperson.')).toContain(subjectToken('media'));
    expect(linked('', 'The Council as employer is responsible for the health and safety of its staff.')).toContain(subjectToken('roles'));
  });

  it('link a clause on urgency powers, but not a mere urgent reply', () => {
    expect(linked('Urgent decisions', 'Where a decision cannot wait until the next meeting, the Clerk may act under urgency powers.')).toContain(
      subjectToken('urgent-decisions'),
    );
    expect(linked('', 'Where an urgent response is required, the member should telephone the officer.')).not.toContain(subjectToken('urgent-decisions'));
  });
});

describe('staying narrow', () => {
  it('does not take standing in a by-election, or an election campaign, for the pre-election period', () => {
    expect(named('how do i stand in the by-election in north ward')).not.toContain(subjectToken('pre-election'));
    expect(named('can we use the group office to plan our election campaign')).not.toContain(subjectToken('pre-election'));
  });

  it('does not take a romantic relationship with the clerk for the working relationship', () => {
    expect(named("i'm in a relationship with the clerk, do i need to declare it")).not.toContain(subjectToken('working-relationship'));
  });

  it('does not take "does the protocol cover" a topic for a question about the protocol itself', () => {
    expect(named("the deputy clerk prioritises Cllr Ward's requests because they're mates. Does the protocol cover this?")).not.toContain(
      subjectToken('protocol-purpose'),
    );
    expect(named('what is the nalc model protocol for')).toContain(subjectToken('protocol-purpose'));
  });

  it('does not take a storm or a fallen tree for an urgent decision', () => {
    expect(named('a tree came down in the storm, who do I ring')).not.toContain(subjectToken('urgent-decisions'));
  });
});

describe('gifts named by how they are given', () => {
  it.each(['a resident left a tin of shortbread on my desk as a thank you', 'the contractor sent flowers to say thanks for the site visit', 'the twinning association gave the mayor a painting as a token of friendship'])('%j is about gifts', (text) => {
    expect(named(text)).toContain(subjectToken('gifts'));
  });

  it.each(['can you give it back to the clerk with my comments', 'the chair gave me a lift to the meeting'])('%j is not', (text) => {
    expect(named(text)).not.toContain(subjectToken('gifts'));
  });
});

describe('a holiday as time off, not only time together', () => {
  it('reads the clerk being on holiday as an absence, and holidaying together as familiarity', () => {
    expect(named("the clerk's on holiday next week, who covers")).toContain(subjectToken('clerk-absence'));
    expect(named("the clerk's on holiday next week, who covers")).not.toContain(subjectToken('familiarity'));
    expect(named('can i go on holiday with the deputy clerk and her husband')).toContain(subjectToken('familiarity'));
    expect(named('who approves holiday requests for the office staff')).toContain(subjectToken('staff-management'));
  });
});

describe('going formal straight away', () => {
  it('asks whether to try the informal route first', () => {
    expect(named('do i have to go formal straight away about the deputy clerk')).toContain(subjectToken('informal-first'));
    expect(named('should i go straight to a formal complaint about the councillor')).toContain(subjectToken('informal-first'));
  });
});

describe('everyday ways of saying it (round 15 session)', () => {
  it('takes a phone put down for courtesy, having words for the informal route, and a clerk who has been off for absence', () => {
    expect(named('the finance officer put the phone down on me')).toContain(subjectToken('courtesy-respect'));
    expect(named('me and the planning officer had words after cttee, best way to move on')).toContain(subjectToken('informal-first'));
    expect(named("the clerk's been off since tuesday, who's in charge")).toContain(subjectToken('clerk-absence'));
  });

  it('no longer takes a chair who is only someone in the story for the chairs\' role', () => {
    expect(named('the chair keeps emailing the clerk at 11pm')).not.toContain(subjectToken('chairs'));
  });
});

describe('formal complaints and formal relations (round 15 session)', () => {
  it('does not take a formal complaint or warning for familiarity, but does take being formal with each other', () => {
    expect(named('officer here, a cllr was short with me, should i go straight to a formal complaint')).not.toContain(subjectToken('familiarity'));
    expect(named('can i just give her a formal warning')).not.toContain(subjectToken('familiarity'));
    expect(named('is it ok for us and the officers to be pretty informal with each other')).toContain(subjectToken('familiarity'));
    expect(named('is it fine to have a laugh with officers or should we be formal')).toContain(subjectToken('familiarity'));
  });
});

describe('a developer is someone in the story (round 15 session)', () => {
  it('does not take a developer alone for committing the council', () => {
    expect(named('the developer keeps ringing the clerk about the new estate')).not.toContain(subjectToken('binding-council'));
  });
});

describe('staff matters for a delegated group, not one councillor alone (round 16 session)', () => {
  it('takes a chair or mayor handling a grievance or appraisal by themselves for the subject', () => {
    expect(named("the mayor wants to handle the deputy clerk's grievance by himself")).toContain(subjectToken('personnel-delegated'));
    expect(named('can our chairman do the appraisal himself')).toContain(subjectToken('personnel-delegated'));
  });

  it('does not take a reflexive alone, or a clerk paying on her own card, for it', () => {
    expect(named('what if the chairman himself is the problem')).not.toContain(subjectToken('personnel-delegated'));
    expect(named('the clerk buys things on her own card')).not.toContain(subjectToken('personnel-delegated'));
  });

  it('links a clause leaving personnel matters to a small group rather than the Chair on their own', () => {
    const body = 'The Chair should not deal with grievances or work related performance on his/her own. The Council should delegate authority to a small group of councillors to deal with all personnel matters.';
    expect(linked('When things go wrong', body)).toContain(subjectToken('personnel-delegated'));
  });
});

describe('seating by party, standing up for residents, and a staff grievance about the clerk (round 17 session)', () => {
  it('takes seats arranged by party, or voting along party lines, for political groups', () => {
    expect(named('the chair wants the chamber seats arranged by party')).toContain(subjectToken('political-groups'));
    expect(named('are we expected to vote along party lines')).toContain(subjectToken('political-groups'));
  });

  it("takes sticking up for residents with the council for the councillor's role", () => {
    expect(named('a pensioner asked me to stick up for her with the council over the parking, is that my job?')).toContain(subjectToken('councillor-role'));
    expect(named('is standing up for people on my estate what a councillor does?')).toContain(subjectToken('councillor-role'));
  });

  it('takes a member of staff with a grievance about the clerk, their manager, for the delegated group', () => {
    expect(named('i have a grievance against my line manager, the clerk. who hears it?')).toContain(subjectToken('personnel-delegated'));
    expect(named('can i raise a grievance about the clerk with the councillors')).toContain(subjectToken('personnel-delegated'));
  });

  it('leaves new chamber seats, and a grievance against a councillor, alone', () => {
    expect(named('the chair wants the seats in the chamber replaced')).not.toContain(subjectToken('political-groups'));
    expect(named('i want to raise a grievance against a councillor')).not.toContain(subjectToken('personnel-delegated'));
  });
});

describe('pay gripes, speaking frankly, looking beholden, "but not us", arguing a case at council (round 18 session)', () => {
  const neighbours = (question: string) => subjects.inQuestion(words(question)).neighbours.map((n) => n.id);

  it("takes staff bringing pay gripes to members for officers' personal issues", () => {
    expect(named('should staff be bringing their pay gripes to members?')).toContain(subjectToken('officer-personal-issues'));
  });

  it("takes an officer telling a member about her health problems for officers' personal issues, and asking why the protocol exists for its purpose", () => {
    expect(named('the clerk keeps telling me about her health problems')).toContain(subjectToken('officer-personal-issues'));
    expect(named('why does the protocol exist at all')).toContain(subjectToken('protocol-purpose'));
  });

  it("takes asking where to log or pass on a resident's issue for members' enquiries", () => {
    expect(named('a resident told me about a problem with the drains, how do i pass it on')).toContain(subjectToken('response'));
    expect(named('where do i log a resident\'s issue about the streetlights')).toContain(subjectToken('response'));
  });

  it('takes being frank with each other for the working relationship, and not for franking machines', () => {
    expect(named("aren't members and officers meant to be frank with each other?")).toContain(subjectToken('working-relationship'));
    expect(named('to be frank, the deputy clerk was rude about my motion')).not.toContain(subjectToken('council-resources'));
    expect(named('can i use the franking machine for my ward letters')).toContain(subjectToken('council-resources'));
  });

  it('leaves hiring things out of appointments', () => {
    expect(named('the bike hire scheme report was rubbished by the clerk')).not.toContain(subjectToken('appointments'));
    expect(named('the clerk wants to hire a new admin assistant, can i sit on the panel')).toContain(subjectToken('appointments'));
  });

  it('takes a member who looks owed a favour for close personal relationships', () => {
    expect(named('the chair paid for her new tyres and now the clerk looks beholden to him')).toContain(subjectToken('familiarity'));
    expect(named('could it look like the clerk owes him something?')).toContain(subjectToken('familiarity'));
  });

  it('takes one group given something "but not us" for equal treatment', () => {
    expect(named('the majority group got the draft report but not us')).toContain(subjectToken('equal-treatment'));
  });

  it("takes arguing a resident's case at council for the councillor's role", () => {
    expect(named('the shopkeeper wants me to argue his case at council about the bollards')).toContain(subjectToken('councillor-role'));
  });

  it('takes a member tearing a strip off someone, or laying into them, for courtesy and respect', () => {
    expect(named('the vice chair tore a strip off me in the car park')).toContain(subjectToken('courtesy-respect'));
    expect(named('a cllr laid into me at the planning meeting')).toContain(subjectToken('courtesy-respect'));
  });

  it('takes an email sent to the whole council for correspondence, and staff answerable to the whole council for roles', () => {
    expect(named('the vice chair forwarded my email to the whole council')).toContain(subjectToken('correspondence'));
    expect(named('is the clerk answerable to me or to the whole council?')).not.toContain(subjectToken('correspondence'));
  });

  it('takes a list of the residents who complained for access to information', () => {
    expect(named('can i have a list of residents who complained about the parking?')).toContain(subjectToken('information-access'));
  });

  it('knows noisy animals and event safety paperwork as council services, and the bin crews as staff', () => {
    expect(neighbours("there's a barking dog next door all night, who do i ring?")).toContain('services');
    expect(neighbours('does our fete need an event management plan?')).toContain('services');
    expect(neighbours('the bin crews were rude to a resident, can i tell their manager?')).not.toContain('services');
  });
});
