/**
 * Protocols whose numbered sections hold lettered paragraphs ("4 Concerns", then "(a) A councillor with a
 * concern…", "(b) …"), with no 4.1 or 4.2: the document cites a paragraph as 4(b), so each is a clause of
 * its own, 4(b), under section 4, and any (i), (ii) beneath it are its items. Read line by line they look
 * like one long list per section; this turns them back into the paragraphs they are.
 */
import type { ContentFile } from '../protocol/content-schema';

type ContentClause = ContentFile['clauses'][number];

/** Fewest sections a document needs before its layout is judged. */
const MIN_SECTIONS = 3;
/** Share of its sections that must hold nothing but lettered paragraphs. */
const LETTERED_SHARE = 2 / 3;
/** A paragraph is a sentence or more; a list of short phrases ("(a) agendas; (b) minutes") is a list. */
const MIN_MEAN_LENGTH = 40;

const letter = (k: number) => String.fromCharCode(97 + k);

/** A section with no text of its own, only paragraphs lettered (a), (b), (c)… in order. */
function holdsLetteredParagraphs(c: ContentClause): boolean {
  if (c.text || c.tail || c.items.length === 0) return false;
  if (!c.items.every((item, k) => item.label === letter(k))) return false;
  return c.items.reduce((n, item) => n + item.text.length, 0) / c.items.length >= MIN_MEAN_LENGTH;
}

/** The clauses with each section of lettered paragraphs split into them; `count` is how many sections were. */
export function splitLetteredParagraphs(clauses: readonly ContentClause[]): { clauses: ContentClause[]; count: number } {
  const sections = clauses.filter((c) => /^\d+$/.test(c.id));
  const unchanged = { clauses: [...clauses], count: 0 };
  if (sections.length < MIN_SECTIONS || clauses.some((c) => c.id.includes('.'))) return unchanged;
  const lettered = sections.filter(holdsLetteredParagraphs);
  if (lettered.length < sections.length * LETTERED_SHARE) return unchanged;
  const out = clauses.flatMap((c): ContentClause[] =>
    lettered.includes(c)
      ? [
          { id: c.id, ...(c.heading ? { heading: c.heading } : {}), text: '', items: [], tail: '' },
          ...c.items.map((p) => ({ id: `${c.id}(${p.label})`, text: p.text, items: (p.items ?? []).map((s) => ({ label: s.label, text: s.text })), tail: '' })),
        ]
      : [c],
  );
  return { clauses: out, count: lettered.length };
}
