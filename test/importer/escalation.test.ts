/** Escalation from a protocol's own words, and the default route fitted to a council whose protocol names nobody. */
import { councilShape, defaultEscalation } from '../../src/importer/default-escalation';
import { findEscalation } from '../../src/importer/escalation-finder';
import type { ContentFile } from '../../src/protocol/content-schema';

type Clause = ContentFile['clauses'][number];
const aClause = (id: string, text: string, heading?: string): Clause => ({ id, text, items: [], tail: '', ...(heading ? { heading } : {}) });
const route = (steps: { to: string; clause?: string }[]) => steps.map((s) => `${s.to} @${s.clause}`);

describe('findEscalation', () => {
  test('who raises the matter decides the path; the people named after "raise it with", "referred to", "heard by"', () => {
    const found = findEscalation([
      aClause('9', 'Raising Concerns', 'Raising Concerns'),
      aClause('9.1', 'A councillor who is unhappy with the work of an officer must not raise it with the officer in public, but should raise it with the Head of Service.'),
      aClause('9.2', 'If the concern is about a Director, the matter should be referred to the Chief Executive.'),
      aClause('9.3', 'An employee who feels harassed by a councillor should tell their line manager or the Chief Executive.'),
      aClause('9.4', 'A grievance will be heard by the Personnel Committee.'),
    ]);
    expect(route(found.councillor)).toEqual(['The Head of Service @9.1', 'The Chief Executive @9.2']);
    expect(route(found.officer)).toEqual(['Their line manager @9.3', 'The Chief Executive @9.3', 'The Personnel Committee @9.4']);
  });

  test('single clauses outside a complaints section count only when they are about a concern or a group’s request', () => {
    const found = findEscalation([
      aClause('3.1', 'Councillors should send requests for work through the Clerk.', 'Requests'),
      aClause('3.2', 'A request from a political group for a briefing should be made to the Chief Executive.'),
    ]);
    expect(route(found.councillor)).toEqual(['The Chief Executive @3.2']);
    expect(found.officer).toEqual([]);
  });

  test('a complaint of a Code breach may come from either side', () => {
    const found = findEscalation([aClause('7', 'A complaint that a member has broken the Code of Conduct should be made to the Monitoring Officer.', 'Breaches')]);
    expect(route(found.councillor)).toEqual(['The Monitoring Officer @7']);
    expect(route(found.officer)).toEqual(['The Monitoring Officer @7']);
  });
});

describe('findEscalation: routes set out as a list', () => {
  const withItems = (id: string, text: string, items: string[], heading?: string): Clause => ({
    ...aClause(id, text, heading),
    items: items.map((t, i) => ({ label: String.fromCharCode(105 + i), text: t })),
  });

  test('each item of a list that a concern leads into names the next person, in order', () => {
    const found = findEscalation([
      withItems('37', "A member who is unhappy with an officer should raise it with the officer's Assistant Director, then:", [
        'the Strategic Director;',
        'the Chief Executive;',
        'the Monitoring Officer where conduct is alleged.',
      ], 'Complaints'),
    ]);
    expect(route(found.councillor)).toEqual([
      'The Assistant Director @37',
      'The Strategic Director @37',
      'The Chief Executive @37',
      'The Monitoring Officer @37',
    ]);
  });

  test('a list that does not lead on from the concern names nobody by its items alone', () => {
    const found = findEscalation([
      withItems('9', 'Three posts carry statutory duties, and members must not put pressure on the holders:', [
        'the Chief Executive, who is the Head of Paid Service;',
        'the Chief Finance Officer.',
      ], 'Roles'),
    ]);
    expect(found.councillor).toEqual([]);
  });

  test('numbered rows of a table kept as a list are stages of the matter of the clause that lists them', () => {
    const found = findEscalation([
      withItems('3.1', 'An officer who has a complaint about a councillor should follow these steps in this order:', [
        '1 – The councillor concerned is told of the complaint by the Parish Manager – Parish Manager',
        '2 – The complaint is heard by the Staffing Sub-Committee – Staffing Sub-Committee',
      ], 'Complaints'),
    ]);
    // "The councillor concerned" in a row does not make the row a councillor's matter.
    expect(found.councillor).toEqual([]);
    expect(route(found.officer)).toEqual(['The Parish Manager @3.1', 'The Staffing Sub-Committee @3.1']);
  });
});

describe('the default route, fitted to the council', () => {
  test('a city with a Chief Executive and no Clerk: no Clerk on either path', () => {
    const shape = councilShape('The Chief Executive leads the officers. Members and officers…');
    const paths = defaultEscalation(shape);
    expect([...paths.councillor.steps, ...paths.officer.steps].map((s) => s.to).join(' ')).not.toMatch(/clerk/i);
    expect(paths.councillor.council_setting).toBe(true);
  });

  test('a parish whose only employee is the Clerk: a concern never goes to the Clerk first', () => {
    const paths = defaultEscalation(councilShape('The Council has one part-time Clerk. Councillors and the Clerk…'));
    expect(paths.councillor.steps[0]!.to).not.toMatch(/clerk/i);
    expect(paths.officer.steps[0]!.to).not.toMatch(/clerk/i);
  });

  test('a council with a Clerk and other staff: the Clerk first, the staffing committee’s chair where the Clerk is the subject', () => {
    const paths = defaultEscalation(councilShape('The Clerk manages the staff. Councillors and officers…'));
    expect(paths.councillor.steps.map((s) => s.to)).toEqual(['The Clerk', "The chair of the council's staffing/HR committee"]);
  });
});

describe('findEscalation, as protocols lay out their stages', () => {
  test('a stage table kept as a list: the person leading each row’s second cell, on the path of the clause that lists them', () => {
    const found = findEscalation([
      aClause('12', '', 'Concerns and Complaints'),
      {
        ...aClause('12.2', 'A member who is dissatisfied with the response of an officer should raise it in the following stages:'),
        items: [
          { label: '1', text: "Informal – The officer, or the officer's Service Manager – Put right where possible" },
          { label: '2', text: 'Stage 1 – The relevant Strategic Director – A written reply within 10 working days' },
          { label: '3', text: 'Concern about the Chief Executive – The Leader, together with the Monitoring Officer – Dealt with as for statutory officers' },
        ],
      },
    ]);
    expect(route(found.councillor)).toEqual([
      'The Service Manager @12.2',
      'The relevant Strategic Director @12.2',
      'The Leader @12.2',
      'The Monitoring Officer @12.2',
    ]);
    expect(route(found.councillor).join(' ')).not.toMatch(/Chief Executive/);
  });

  test('a concern about a statutory officer is anyone’s to raise, and a Section 151 Officer is a person, not the one raising it', () => {
    const found = findEscalation([
      aClause('40', 'A member who is dissatisfied with the work of an officer should raise it with that officer’s line manager.', 'Concerns and Complaints'),
      aClause('41', 'A concern about the Chief Executive, the Monitoring Officer or the Section 151 Officer should be raised with the Leader of the Council.'),
    ]);
    expect(route(found.councillor)).toEqual(['The line manager @40', 'The Leader of the Council @41']);
    expect(route(found.officer)).toEqual(['The Leader of the Council @41']);
  });

  test('where a matter could not be resolved, and "the committee concerned", are not where it goes', () => {
    const found = findEscalation([
      aClause('2.6', 'The Council appoints a Grievance Panel, which hears staff grievances that cannot be resolved by the Town Clerk.', 'Roles'),
      aClause('8.4', 'Only the Town Mayor, or the chair of the committee concerned, may speak to the press, after agreeing what is said with the Town Clerk.', 'The Press'),
      aClause('11.3', 'A concern about the Town Clerk should be raised with the Chair of the Staffing Committee.', 'Raising Concerns'),
    ]);
    expect(route(found.councillor)).toEqual(['The Chair of the Staffing Committee @11.3']);
  });
});

test('a panel of members that hears staff cases is where a grievance goes', () => {
  const found = findEscalation([
    aClause('11.4', 'A member of staff with a concern about a councillor should raise it with the Town Clerk. If it is not resolved, the member of staff may raise a formal grievance, which will be heard by the Grievance and Disciplinary Panel.', 'Raising Concerns'),
  ]);
  expect(route(found.officer)).toEqual(['The Town Clerk @11.4', 'The Grievance and Disciplinary Panel @11.4']);
});

describe('findEscalation: whom a matter is about, deputy mayors and staffing groups', () => {
  test('the person a concern is about is not where it goes; a Staffing Group that hears it is', () => {
    const found = findEscalation([
      aClause('10', 'Concerns', 'Concerns'),
      aClause('10.2', 'A councillor with a concern about the Clerk should raise it with the Chair. If it is not settled, the Chair will refer it to the Staffing Group.'),
      aClause(
        '10.3',
        'If the Clerk has a concern about a councillor, the Clerk should raise it with the Chair, or with the Vice-Chair if the concern is about the Chair. If it is not settled, the Clerk may raise a formal grievance, which the Staffing Group will hear.',
      ),
    ]);
    expect(route(found.councillor)).toEqual(['The Chair @10.2', 'The Staffing Group @10.2']);
    expect(route(found.officer)).toEqual(['The Chair @10.3', 'The Vice-Chair @10.3', 'The Staffing Group @10.3']);
  });

  test('a concern about the Town Mayor goes to the Deputy Town Mayor', () => {
    const found = findEscalation([
      aClause('10', 'Concerns', 'Concerns'),
      aClause('10.3', 'A member of staff who has a concern about a councillor should raise it with the Town Clerk. Where the concern is about the Town Mayor, it should be raised with the Deputy Town Mayor.'),
    ]);
    expect(route(found.officer)).toEqual(['The Town Clerk @10.3', 'The Deputy Town Mayor @10.3']);
  });
});
