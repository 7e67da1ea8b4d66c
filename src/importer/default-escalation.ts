/** The default escalation route for a council whose protocol names none: a council setting for the clerk to review. */
import type { ContentFile } from '../protocol/content-schema';

type Escalation = ContentFile['escalation'];

/** Fresh copy each call, so a caller editing one council's paths cannot change another's. */
export function defaultEscalation(): Escalation {
  return {
    councillor: {
      council_setting: true,
      steps: [
        {
          to: 'The Clerk',
          when: "Raise a concern about an officer's conduct, behaviour or performance with the Clerk first.",
          governs: [],
        },
        {
          to: "The chair of the council's staffing/HR committee",
          when: 'Where the Clerk is the subject of the concern.',
          governs: [],
        },
      ],
    },
    officer: {
      council_setting: true,
      steps: [
        {
          to: 'The Clerk',
          when: 'Raise a concern about a councillor with the Clerk first.',
          governs: [],
        },
        {
          to: "The chair of the council's staffing/HR committee",
          when: 'Where the matter concerns the Clerk.',
          governs: [],
        },
      ],
    },
  };
}
