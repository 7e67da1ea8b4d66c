/** Writes a content file as YAML a clerk can read and edit, with a header saying what to check. */
import { Document, isScalar, Scalar, visit } from 'yaml';
import { CLAUSE_ID } from '../protocol/clause-id';
import type { ContentFile } from '../protocol/content-schema';

/** Longer single-paragraph strings are written as folded blocks, so the file reads as wrapped text. */
const FOLD_OVER = 88;

const REVIEW_CHECKLIST = [
  'Before this file goes live, read it against the source document and check:',
  ' - every clause keeps the document\'s own number, with none missing or extra;',
  ' - headings: a clause without `heading` inherits its section\'s; give a clause a heading only where',
  '   the document prints one;',
  ' - lists: where each item starts, its label (bullets are 1, 2, ...; a, b and i, ii as printed),',
  '   and the text after a list (`tail`);',
  ' - no page headers, page numbers, stray bullets or signature lines left in any text;',
  ' - escalation: each step the importer found cites the clause it comes from (`clause`); check it is',
  '   where the protocol sends the matter, in the protocol\'s order, and that `to` names the right person.',
  '   `council_setting: true` marks the bot\'s default route, used only where the protocol names nobody:',
  '   replace it with the council\'s own route if it has one, then set council_setting: false.',
];

/** The YAML text of a content file; `notes` (what the importer noticed) go into the header comment. */
export function toContentYaml(content: ContentFile, notes: readonly string[] = []): string {
  const doc = new Document(plainContent(content));
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key') return;
      styleScalar(node);
    },
  });
  markCouncilSettings(doc);
  doc.commentBefore = headerLines(content, notes)
    .map((line) => (line ? ` ${line}` : ''))
    .join('\n');
  return doc.toString({ lineWidth: 100, minContentWidth: 40 });
}

function headerLines(content: ContentFile, notes: readonly string[]): string[] {
  return [
    `${content.name}: ${content.title}.`,
    `Imported from ${content.source} by \`npm run import\`. Clause text is verbatim: edit with care, never reword.`,
    '',
    ...REVIEW_CHECKLIST,
    ...(notes.length > 0 ? ['', 'What the importer noticed:', ...notes.map((n) => ` - ${n}`)] : []),
  ];
}

function styleScalar(node: Scalar): void {
  const value = node.value;
  if (typeof value !== 'string') return;
  if (CLAUSE_ID.test(value)) node.type = Scalar.QUOTE_DOUBLE;
  else if (value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
  else if (value.length > FOLD_OVER) node.type = Scalar.BLOCK_FOLDED;
}

function markCouncilSettings(doc: Document): void {
  for (const role of ['councillor', 'officer']) {
    const setting = doc.getIn(['escalation', role, 'council_setting'], true);
    if (isScalar(setting) && setting.value === true) {
      setting.comment = ' true = a default route chosen by the bot, not protocol text';
    }
  }
}

/** Key order as a clerk reads it; empty optional fields left out. */
function plainContent(content: ContentFile): Record<string, unknown> {
  const path = (p: ContentFile['escalation']['councillor']) => ({
    council_setting: p.council_setting,
    steps: p.steps.map((s) => ({
      to: s.to,
      when: s.when,
      ...(s.clause ? { clause: s.clause } : {}),
      governs: s.governs,
    })),
  });
  return {
    id: content.id,
    name: content.name,
    title: content.title,
    source: content.source,
    escalation: { councillor: path(content.escalation.councillor), officer: path(content.escalation.officer) },
    clauses: content.clauses.map((c) => ({
      id: c.id,
      ...(c.heading ? { heading: c.heading } : {}),
      ...(c.text ? { text: c.text } : {}),
      ...(c.items.length > 0
        ? {
            items: c.items.map((i) => ({
              label: i.label,
              text: i.text,
              // A second-level list ("(i)" under "(c)", an "o" bullet) is kept under its item.
              ...(i.items?.length ? { items: i.items.map((s) => ({ label: s.label, text: s.text })) } : {}),
            })),
          }
        : {}),
      ...(c.tail ? { tail: c.tail } : {}),
    })),
  };
}
