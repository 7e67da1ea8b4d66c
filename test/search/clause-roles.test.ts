/** Who a complaint clause is for, whom it is about and its stage, and how a question fits them. */
import { clauseRoles, questionRoles, roleFit, stageSteps } from '../../src/search/clause-roles';

describe('clause roles', () => {
  it('reads who raises the matter and whom it is about', () => {
    expect(clauseRoles('A member who has a complaint about an officer should raise it with the Head of Service.')).toMatchObject({
      actor: 'member',
      target: 'officer',
      laterStage: false,
    });
    expect(clauseRoles('An officer who believes that a member has behaved towards them in a way that breaches this protocol should tell their Head of Service.')).toMatchObject({
      actor: 'officer',
      target: 'member',
    });
    expect(clauseRoles('In the event that a councillor is dissatisfied with the conduct, behaviour or performance of an officer, the matter should be raised with the clerk.')).toMatchObject({
      actor: 'member',
      target: 'officer',
    });
  });

  it('reads a clause for one post, and one for a later stage', () => {
    expect(clauseRoles('A councillor who has a concern about the Town Clerk should speak to the Chair of the Staffing Committee.').person).toBe('clerk');
    expect(clauseRoles('A councillor who has a concern about the conduct or work of a member of staff should speak to the Town Clerk.').person).toBeUndefined();
    expect(clauseRoles('If the member is not satisfied with the response, the member should raise it with the Chief Executive.')).toMatchObject({
      laterStage: true,
      laterStageOnly: true,
    });
    expect(clauseRoles('Members should raise concerns with the Clerk. If the matter is not resolved, the Chair may be asked.').laterStageOnly).toBe(false);
  });

  it('reads who acts next in a clause for a later stage', () => {
    expect(clauseRoles('If informal resolution fails, the officer may lodge a formal grievance.').actor).toBe('officer');
    expect(clauseRoles('Where an officer has doubts about a request, the officer will refer it to the Monitoring Officer.').actor).toBeUndefined();
  });

  it('takes who raises matters from the heading when the body does not say', () => {
    expect(clauseRoles('Officers will have recourse to the grievance procedure.', 'Procedure for officers').actor).toBe('officer');
    expect(clauseRoles('A member who has a concern about an officer should tell the Clerk.', 'Procedure for officers').actor).toBe('member');
    expect(clauseRoles('Officers will have recourse to the grievance procedure.', 'Officers').actor).toBeUndefined();
  });

  it('says nothing about clauses that raise nothing', () => {
    expect(clauseRoles('Officers are accountable to the Chief Executive.')).toEqual({ laterStage: false, laterStageOnly: false });
  });
});

describe('role fit', () => {
  const forOfficers = clauseRoles('An officer who feels that a member has bullied them should raise it with their line manager.');
  const aboutClerk = clauseRoles('A councillor who has a concern about the Town Clerk should speak to the Chair of the Staffing Committee.');
  const nextStage = clauseRoles('If the member remains dissatisfied, or the concern is about a Director, the matter should be referred to the Chief Executive.');

  it('counts against a clause for officers when a councillor asks', () => {
    expect(roleFit(forOfficers, questionRoles('I am unhappy with the caretaker, who do I tell', false, false))).toBeLessThan(1);
    expect(roleFit(forOfficers, questionRoles('a councillor shouted at me, who do I tell', true, false))).toBeGreaterThan(1);
  });

  it('prefers a clause for one post only when the question names it', () => {
    expect(roleFit(aboutClerk, questionRoles('the groundsman keeps leaving the gates open, who do I tell', false, false))).toBeLessThan(1);
    expect(roleFit(aboutClerk, questionRoles('I have a concern about the clerk, who do I tell', false, false))).toBeGreaterThan(1);
  });

  it('reads every post a clause names matters about, not only the first', () => {
    const seniors = clauseRoles('A concern about a Director should be raised with the Chief Executive. A concern about the Chief Executive should be raised with the Monitoring Officer.');
    expect(seniors.persons).toEqual(['director', 'chief-executive']);
    expect(roleFit(seniors, questionRoles('my problem is with the chief executive himself, who do i go to', false, false))).toBeGreaterThan(1);
  });

  it('does not prefer a clause for everyone because it also names the post asked about', () => {
    const mixed = clauseRoles('If a councillor is dissatisfied with the conduct of an officer, raise it with the clerk. Where the officer concerned is the clerk, the matter should still be raised with the clerk.');
    expect(mixed).toMatchObject({ person: 'clerk', personOnly: false });
    expect(roleFit(mixed, questionRoles('can I ask the clerk for advice on my boundary dispute', false, false))).toBe(1);
  });

  it('takes either condition of a clause for a later stage or a post', () => {
    expect(roleFit(nextStage, questionRoles('I complained to the head of service and got nowhere', false, true))).toBeGreaterThan(1);
    expect(roleFit(nextStage, questionRoles('I want to complain about a director', false, false))).toBeGreaterThan(1);
    expect(roleFit(nextStage, questionRoles('I want to complain about the receptionist', false, false))).toBeLessThan(1);
  });
});

describe('the asker holding the post a clause sends matters to', () => {
  const toClerk = clauseRoles(
    'A member of staff who feels that a member has treated them unfairly should raise the matter with the Town Clerk, who will try to resolve it.',
  );
  const clerkToMayor = clauseRoles('Where the member of staff concerned is the Town Clerk, the Town Clerk should raise the matter with the Town Mayor.');

  it('reads where a clause sends a matter', () => {
    expect(toClerk.recipient).toBe('clerk');
    expect(clerkToMayor.recipient).toBe('chair');
  });

  it('does not send the Clerk to the Clerk', () => {
    const asked = questionRoles("I'm the town clerk and a councillor is bullying me, who do I raise it with", true, false);
    expect(asked.self).toBe('clerk');
    expect(roleFit(clerkToMayor, asked)).toBeGreaterThan(roleFit(toClerk, asked));
  });

  it("prefers the provision for the asker's own post's concerns, even where it also sends others to that post", () => {
    const clerksOwn = clauseRoles(
      'Staff should raise any concern about a councillor with the Town Clerk. A concern raised by the Town Clerk about a councillor will be dealt with by the Town Mayor.',
    );
    expect(clerksOwn.raisedBy).toBe('clerk');
    expect(clauseRoles('If the Town Clerk has a concern about a councillor, the Town Clerk should raise it with the Mayor.').raisedBy).toBe('clerk');
    expect(toClerk.raisedBy).toBeUndefined();
    const asked = questionRoles("i'm the town clerk, a councillor has been very rude to me. who deals with it", true, false);
    expect(roleFit(clerksOwn, asked)).toBeGreaterThan(1);
    expect(roleFit(clerksOwn, questionRoles("i'm the deputy clerk, a councillor has been very rude to me. who deals with it", true, false))).toBeLessThanOrEqual(1.15);
  });

  it('takes a deputy clerk or a committee chair for another post', () => {
    expect(questionRoles("I'm the deputy clerk and a councillor shouted at me", true, false).self).toBeUndefined();
    expect(questionRoles('as chair of planning, who do I complain to about an officer', false, false).self).toBeUndefined();
  });
});

describe('a first step already taken', () => {
  const first = clauseRoles('If the Clerk has a concern about the behaviour of a councillor, the Clerk should first raise it informally with the Chairman.');
  const next = clauseRoles('If the matter cannot be settled informally, the Clerk may use the Grievance Procedure.');

  it('reads a clause that sets out the first step', () => {
    expect(first.firstStep).toBe(true);
    expect(next.firstStep).toBeUndefined();
  });

  it('prefers the next step when the asker says the first did not work', () => {
    const asked = questionRoles("spoke to the chairman about a councillor's behaviour and nothing has changed, what now", false, true);
    expect(roleFit(next, asked)).toBeGreaterThan(roleFit(first, asked));
  });

  it('does not read "must not raise it with the Clerk" as sending the matter there', () => {
    expect(clauseRoles('A councillor must not raise it with the Clerk in public.').recipient).toBeUndefined();
  });
});

describe('the post the asker already went to', () => {
  const toHead = clauseRoles('An officer who is unhappy about the behaviour of a member towards them should discuss it with their Head of Service.');
  const toChair = clauseRoles('The councillor should speak to the Chairman, who will consider whether any action is needed.');
  const next = clauseRoles('If informal resolution fails, the officer may lodge a formal grievance with the Director of People.');

  it('reads a head of service or the chairman as where a clause sends the matter', () => {
    expect(toHead.recipient).toBe('line-manager');
    expect(toChair.recipient).toBe('chair');
  });

  it('counts against sending the asker back where they went', () => {
    const asked = questionRoles("officer: talking to my head of service about a councillor didn't work, what now", true, true);
    expect(asked.tried).toBe('line-manager');
    expect(roleFit(toHead, asked)).toBeLessThan(roleFit(next, asked));
  });

  it('reads trying to sort it out with a post as having gone there', () => {
    expect(questionRoles('tried sorting it with the head of service and nothing happened, what now', false, true).tried).toBe('line-manager');
    expect(questionRoles('emailed the chairman weeks ago, still nothing', false, true).tried).toBe('chair');
  });

  it('reads a clause opening "Stage 1." as the first step, and only that one', () => {
    expect(clauseRoles('Stage 1. A councillor who is concerned about an officer should raise it with the Head of Service.').firstStep).toBe(true);
    expect(clauseRoles('Stage 2. If the matter is not resolved at Stage 1, the councillor may refer it to the Chief Executive.').firstStep).toBeUndefined();
  });

  it('prefers the first step when the question asks who to go to first', () => {
    const first = clauseRoles('Stage 1. A councillor who is concerned about an officer should raise it with the Head of Service.');
    const first2 = clauseRoles('A councillor should first raise a concern about an officer with the Head of Service.');
    expect(roleFit(first, questionRoles('i want to complain about an officer, who do i go to first', false, false))).toBeGreaterThan(1);
    expect(roleFit(first2, questionRoles("what's my first port of call for a problem with an officer", false, false))).toBeGreaterThan(1);
    expect(roleFit(first, questionRoles('i want to complain about an officer, who do i go to', false, false))).toBe(1);
  });

  it('lists the steps taken and the steps after them only for a later stage', () => {
    const docs = [
      { clause: { id: 'a' }, roles: toChair },
      { clause: { id: 'b' }, roles: next },
    ];
    expect(stageSteps(docs, questionRoles('spoke to the chairman and nothing has changed, what now', false, true))).toEqual({ triedSteps: ['a'], nextSteps: ['b'] });
    expect(stageSteps(docs, questionRoles('who do I speak to about a councillor', false, false))).toEqual({ triedSteps: [], nextSteps: [] });
  });
});
