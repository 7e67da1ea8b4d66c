/** The layout.json schema: how build-corpus renders one corpus protocol from its expected.yaml. */
import { z } from 'zod';

/** Verbatim lines (title page, contents list, signature block, adoption line) or a table. */
const block = z.union([
  z.strictObject({ lines: z.array(z.string()) }),
  z.strictObject({ table: z.array(z.array(z.string())).min(2) }),
]);

const docxLevel = z.strictObject({
  format: z.enum(['decimal', 'lowerLetter', 'lowerRoman', 'bullet']),
  text: z.string(),
});

export const layoutSchema = z.strictObject({
  format: z.enum(['txt', 'md', 'pdf', 'docx']),
  encoding: z.enum(['utf8', 'utf8-bom', 'windows-1252']).default('utf8'),
  eol: z.enum(['lf', 'crlf']).default('lf'),
  /** Hard-wrap column for txt (0 = one line a paragraph, as md has it). */
  wrap: z.number().int().min(0).default(0),
  /** Split long words across line ends with a hyphen ("rel-\nationship"). */
  hyphenate: z.boolean().default(false),
  /** Clause number templates by id depth ("{id}." for 1, "{id}" for 1.1, "({id})", "Paragraph {id}"). */
  numbers: z.array(z.string()).min(1),
  /** How a heading is printed: "upper" = CAPITALS; "asis" = Title Case as in expected.yaml. */
  headingCase: z.enum(['upper', 'asis']).default('asis'),
  /**
   * "numbered": a heading-only clause prints as "<number> <heading>", and a clause with its own heading
   * and text prints "<number> <heading>" on one line with the text below it.
   * "above": every clause carries its heading; the heading prints unnumbered above the clause whenever it
   * changes (paragraphs numbered straight through under unnumbered headings).
   */
  headings: z.enum(['numbered', 'above']).default('numbered'),
  /** Templates for list labels: first level, second level (e.g. "(a)", "a)", "a.", "(i)", "i)"). */
  item: z.string().default('({label})'),
  sub: z.string().default('({label})'),
  /** Numeric item labels print as these bullets unless the clause is listed in numberedItems. */
  bullet: z.string().default('•'),
  subBullet: z.string().default('o'),
  numberedItems: z.array(z.string()).default([]),
  numberedItem: z.string().default('{label}.'),
  /** Hanging indent: wrapped lines align with the text after the number (false: back to the margin). */
  hang: z.boolean().default(true),
  /** No blank line between list items (txt/md). */
  compactItems: z.boolean().default(false),
  /** Running header/footer: a page of `lines` body lines; {n} and {m} are page n of m (txt and pdf). */
  pages: z
    .strictObject({
      lines: z.number().int().min(10).default(50),
      header: z.array(z.string()).default([]),
      footer: z.array(z.string()).default([]),
      formFeed: z.boolean().default(false),
    })
    .optional(),
  preamble: z.array(block).default([]),
  trailer: z.array(block).default([]),
  /** DOCX only: Word numbering levels (clause levels first, then item, sub-item). */
  docx: z
    .strictObject({
      levels: z.array(docxLevel).min(2),
      bulletLevels: z.array(docxLevel).length(2),
    })
    .optional(),
  /** PDF/DOCX metadata and notes for the reader of the corpus (not rendered). */
  author: z.string().default('Corpus builder'),
  notes: z.string().optional(),
});

export type Layout = z.output<typeof layoutSchema>;
export type Block = z.output<typeof block>;
