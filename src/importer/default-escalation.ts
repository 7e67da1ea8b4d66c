/**
 * The default escalation route for a council whose protocol names nobody: a council setting for the
 * clerk to review, fitted to the council. A council with no Clerk (a city with a Chief Executive and a
 * Monitoring Officer) gets its own officers; where the Clerk is the only employee, a concern about staff
 * is a concern about the Clerk, so it never goes to the Clerk first.
 */
import type { ContentFile } from '../protocol/content-schema';

type Escalation = ContentFile['escalation'];
type Path = Escalation['councillor'];

export interface CouncilShape {
  /** The protocol mentions a Clerk. */
  hasClerk: boolean;
  /** It mentions staff other than the Clerk (officers, employees, a deputy). */
  hasOtherStaff: boolean;
  /** It mentions a Chief Executive (a principal council). */
  hasChiefExecutive: boolean;
}

/** The council's shape from its protocol's words. */
export function councilShape(text: string): CouncilShape {
  return {
    hasClerk: /\bclerk\b/i.test(text),
    hasOtherStaff: /\b(?:deputy (?:town |parish )?clerk|assistant|officers|employees|members of staff|staff)\b/i.test(text.replace(/\bmonitoring officer|responsible financial officer|proper officer/gi, '')),
    hasChiefExecutive: /\bchief executive\b/i.test(text),
  };
}

const step = (to: string, when: string) => ({ to, when, governs: [] as string[] });

/** Fresh copy each call, so a caller editing one council's paths cannot change another's. */
export function defaultEscalation(shape: CouncilShape = { hasClerk: true, hasOtherStaff: true, hasChiefExecutive: false }): Escalation {
  return { councillor: defaultPath('councillor', shape), officer: defaultPath('officer', shape) };
}

export function defaultPath(role: 'councillor' | 'officer', shape: CouncilShape): Path {
  return { council_setting: true, steps: role === 'councillor' ? councillorSteps(shape) : officerSteps(shape) };
}

function councillorSteps(shape: CouncilShape) {
  if (!shape.hasClerk || shape.hasChiefExecutive) {
    return [
      step('The Chief Executive', "Raise a concern about an officer's conduct, behaviour or performance with the Chief Executive."),
      step('The Monitoring Officer', 'Where the concern is about the Chief Executive, or may be a breach of the Code of Conduct.'),
    ];
  }
  if (!shape.hasOtherStaff) {
    return [
      step('The Chair of the Council', "The Clerk is the council's only employee: raise a concern about the Clerk with the Chair of the Council, not with the Clerk."),
      step("The chair of the council's staffing/HR committee", 'If it cannot be resolved informally.'),
    ];
  }
  return [
    step('The Clerk', "Raise a concern about an officer's conduct, behaviour or performance with the Clerk first."),
    step("The chair of the council's staffing/HR committee", 'Where the Clerk is the subject of the concern.'),
  ];
}

function officerSteps(shape: CouncilShape) {
  if (!shape.hasClerk || shape.hasChiefExecutive) {
    return [
      step('Your line manager', 'Raise a concern about a councillor with your line manager first.'),
      step('The Chief Executive', 'If it cannot be resolved, or your line manager is involved.'),
      step('The Monitoring Officer', 'Where the concern may be a breach of the Code of Conduct.'),
    ];
  }
  if (!shape.hasOtherStaff) {
    return [
      step('The Chair of the Council', 'The Clerk raises a concern about a councillor with the Chair of the Council.'),
      step("The chair of the council's staffing/HR committee", 'Where the Chair is the subject, or it cannot be resolved informally.'),
    ];
  }
  return [
    step('The Clerk', 'Raise a concern about a councillor with the Clerk first.'),
    step("The chair of the council's staffing/HR committee", 'Where the matter concerns the Clerk.'),
  ];
}
