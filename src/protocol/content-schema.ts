/** The zod schema for a council's content file (content/councils/<id>.yaml), the format a clerk edits. */
import { z } from 'zod';
import { CLAUSE_ID } from './clause-id';

const clauseId = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'clause id is required (quote it: id: "2.4")'
        : `clause id must be quoted text such as "2.10" (unquoted, YAML reads ${String(issue.input)} as a number)`,
  })
  .regex(CLAUSE_ID, 'clause id must be a number like 4, 2.4 or 2.2.3, or a lettered paragraph like 4(b)');

const text = z.string().transform((s) => s.trim());

const itemLabel = z
    .string({
      error: (issue) =>
        issue.input === undefined ? 'list item label is required (a, b, i, ii or 1, 2)' : 'list item label must be quoted text such as "1" or "a"',
    })
    .regex(/^[a-z]{1,4}$|^\d{1,2}$/i, 'list item label must be a letter, roman numeral or number');
const itemText = text.pipe(z.string().min(1, 'list item text is empty'));

/** A second-level item, e.g. (i) under (c) or an "o" bullet under a bullet; no deeper nesting. */
export const subItemSchema = z.strictObject({ label: itemLabel, text: itemText });

export const itemSchema = z.strictObject({
  label: itemLabel,
  text: itemText,
  items: z.array(subItemSchema).optional(),
});

export const clauseSchema = z.strictObject({
  id: clauseId,
  heading: z.string().trim().min(1, 'heading is empty; leave it out to inherit the section heading').optional(),
  text: text.default(''),
  items: z.array(itemSchema).default([]),
  tail: text.default(''),
});

export const stepSchema = z.strictObject({
  to: z.string({ error: 'escalation step needs "to" (who to go to)' }).trim().min(1, 'escalation step "to" is empty'),
  when: z.string({ error: 'escalation step needs "when"' }).trim().min(1, 'escalation step "when" is empty'),
  clause: clauseId.optional(),
  governs: z.array(clauseId).default([]),
});

export const pathSchema = z.strictObject(
  {
  council_setting: z.boolean().default(false),
  steps: z.array(stepSchema, { error: 'steps is required (a list of who to go to, in order)' }).min(1, 'an escalation path needs at least one step'),
  },
  { error: 'this escalation path is missing (it needs council_setting and steps)' },
);

export const contentFileSchema = z.strictObject({
  id: z.string({ error: 'id is required' }).regex(/^[a-z0-9-]+$/, 'id must be lower-case letters, digits and hyphens'),
  name: z.string({ error: 'name is required' }).trim().min(1, 'name is empty'),
  title: z.string({ error: 'title is required' }).trim().min(1, 'title is empty'),
  source: z.string({ error: 'source is required (the document the text came from)' }).trim().min(1, 'source is empty'),
  escalation: z.strictObject(
    {
      councillor: pathSchema,
      officer: pathSchema,
    },
    { error: 'escalation is required, with councillor and officer paths' },
  ),
  clauses: z.array(clauseSchema, { error: 'clauses is required (a list)' }).min(1, 'clauses is empty'),
});

export type ContentFile = z.output<typeof contentFileSchema>;
