/** Test data for content files (content/councils/<id>.yaml), as a clerk would write them. */
import { stringify } from 'yaml';
import type { z } from 'zod';
import type { contentFileSchema } from '../../src/protocol/content-schema';

/** A content file as written, before the schema fills defaults. */
export type ContentFileInput = z.input<typeof contentFileSchema>;
type ClauseInput = ContentFileInput['clauses'][number];
type StepInput = ContentFileInput['escalation']['councillor']['steps'][number];

export function aContentClause(overrides: Partial<ClauseInput> = {}): ClauseInput {
  return { id: '1.1', text: 'Councillors and officers are servants of the public.', ...overrides };
}

export function aStep(overrides: Partial<StepInput> = {}): StepInput {
  return { to: 'The Clerk', when: 'Raise it with the Clerk first.', clause: '2.1', governs: ['2.1'], ...overrides };
}

/** A small valid council: section 1 and 2 with a clause each, one with a lettered list. */
export function aContentFile(overrides: Partial<ContentFileInput> = {}): ContentFileInput {
  return {
    id: 'testtown',
    name: 'Testtown Town Council',
    title: 'Member/Officer Relations Protocol',
    source: 'testtown.txt',
    escalation: {
      councillor: { council_setting: false, steps: [aStep()] },
      officer: { council_setting: true, steps: [aStep({ to: 'The chair of the staffing committee', clause: undefined, governs: [] })] },
    },
    clauses: [
      aContentClause({ id: '1', heading: 'Introduction', text: undefined }),
      aContentClause({ id: '1.1' }),
      aContentClause({ id: '2', heading: 'When Things go Wrong', text: undefined }),
      aContentClause({
        id: '2.1',
        text: 'Councillors can expect from officers:',
        items: [
          { label: 'a', text: 'a working partnership;' },
          { label: 'b', text: 'a timely response to enquiries.' },
        ],
        tail: 'Officers can expect the same.',
      }),
    ],
    ...overrides,
  };
}

/** The YAML a clerk would save for `file` (undefined fields are left out, as if never typed). */
export function contentYaml(file: unknown): string {
  return stringify(file);
}
