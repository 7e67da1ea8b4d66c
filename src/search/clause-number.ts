/** Recognises clause references ("2.4", "clause 3.1(e)", "para 3.1 e", "section 4") in what users type. */

export interface ClauseRef {
  /** The clause number, e.g. "3.1". */
  clause: string;
  /** A list item label if given, e.g. "e" for 3.1(e). */
  item?: string;
  /** The reference as an id: "3.1" or "3.1(e)". */
  id: string;
}

const KEYWORD = String.raw`(?:clauses?|cl|paras?|paragraphs?|sections?|sec|s|§|rule|item|point|part|no|number)\.?`;
const NUMBER = String.raw`(\d{1,2}(?:\.\d{1,2}){0,3})`;
const ITEM = String.raw`(?:\s*\(\s*([a-z]{1,4}|\d{1,2})\s*\)|\s*([a-z])\b(?!\s*[a-z]))?`;

// A dotted number anywhere ("2.4", "2.2.3"), or a bare number after a keyword ("section 4").
const DOTTED = new RegExp(String.raw`(?:^|[^\d.])(?:${KEYWORD}\s*)?(\d{1,2}(?:\.\d{1,2}){1,3})${ITEM}`, 'i');
const KEYWORDED = new RegExp(String.raw`\b${KEYWORD}\s*${NUMBER}${ITEM}`, 'i');
const BARE = new RegExp(String.raw`^\s*${NUMBER}${ITEM}\s*[?.!]?\s*$`, 'i');
// "paragraph (24)": protocols that number their paragraphs in brackets.
const BRACKETED = new RegExp(String.raw`\b${KEYWORD}\s*\(\s*(\d{1,2})\s*\)()()`, 'i');

// "what does 35(b) say": a paragraph numbered straight through, named by one of its items.
const ITEMED = /(?:^|[^\d.£$,])(\d{1,2})\s*\(\s*([a-z]|[ivx]{2,4})\s*\)()/i;
// "what does 17 say?", "show me 17": a paragraph numbered straight through, asked for by number alone.
const ASKED = new RegExp(String.raw`^\s*(?:what\s+(?:does|do)|show(?:\s+me)?|read(?:\s+me)?|open)\s+${NUMBER}\s*(?:say|says)?\s*[?.!]?\s*$`, 'i');

const SUB_ITEM = /^\s*\(\s*([a-z]{1,4}|\d{1,2})\s*\)/i;

/** Finds the first clause reference in the text, if any. */
export function findClauseRef(text: string): ClauseRef | undefined {
  const m = BARE.exec(text) ?? BRACKETED.exec(text) ?? KEYWORDED.exec(text) ?? DOTTED.exec(text) ?? ITEMED.exec(text) ?? ASKED.exec(text);
  if (!m) return undefined;
  const clause = m[1]!;
  const rawItem = (m[2] ?? m[3])?.toLowerCase();
  // A lone letter after a number is only an item label when it is a plausible one (a-z, not "i" as a word).
  const item = rawItem && !(m[3] && ['i', 'a'].includes(rawItem) && !/\(/.test(m[0])) ? rawItem : undefined;
  // "4(b)(ii)": an item of a lettered paragraph, or of a list item ("3.1(c)(i)").
  const sub = item && /\)\s*$/.test(m[0]) ? SUB_ITEM.exec(text.slice(m.index + m[0].length))?.[1]?.toLowerCase() : undefined;
  return { clause, ...(item ? { item } : {}), id: item ? `${clause}(${item})${sub ? `(${sub})` : ''}` : clause };
}

// A matter named after the reference ("… say about political groups", not "… say about this").
const ABOUT = new RegExp(String.raw`\d\b.*\b(?:about|regarding|concerning|say on|says on|on the subject of)\s+(?:the\s+|a\s+|an\s+)?(?!(?:this|that|these|those|them|it)\b)[a-z]{3,}`, 'i');

/** Asking for what a number holds, whatever follows: "what's at 10.1", "whats in 3.3", "1.1 word for word". */
const ASKS_FOR_TEXT = /^\s*(?:what'?s|what is|whats)\s+(?:at|in|under)\s+(?:clause\s+|para(?:graph)?\s+|section\s+)?\d{1,2}(?:\.\d{1,2}){1,3}\b|\b\d{1,2}(?:\.\d{1,2}){1,3}\s*(?:\(\s*[a-z0-9]{1,4}\s*\)\s*)?(?:word for word|verbatim|in full)\b/i;

/**
 * True when the text is essentially a lookup ("2.4", "clause 3.1(e)", "what does 2.2.3 say?") rather
 * than a question that happens to contain a number.
 */
export function isLookup(text: string, ref: ClauseRef, councilWords: readonly string[] = []): boolean {
  const own = councilWords.filter((w) => /^[a-z]+$/.test(w));
  // "exact wording of 1.2 please, hexham one": the council's own name says which protocol, not what in it.
  const named = own.length ? text.toLowerCase().replace(new RegExp(String.raw`\b(?:${own.join('|')})\b`, 'g'), ' ') : text.toLowerCase();
  const rest = named
    .replace(/\d{1,2}(?:\.\d{1,2}){0,3}\s*(?:\(\s*[a-z0-9]{1,4}\s*\)\s*){0,2}/g, ' ')
    .replace(new RegExp(String.raw`\b${KEYWORD}(?=\s|$)`, 'gi'), ' ')
    .replace(/\b(?:what|does|do|say|says|show|me|the|of|in|read|look|up|open|please|pls|can|you|i|see|is|about|protocol|text|full|give|quote|tell|on|a|an|and|under|our|go|to|what's|whats|there|it|its|it's|exist|exists|have|has|we|got|exact|exactly|wording|words|verbatim|precise|again|one|just|actually|pull|bring|display|print|remind|quick|quickly|thanks|cheers|ta|ours|this|current|wordings|actual)\b/g, ' ')
    .replace(/[^a-z]+/g, ' ')
    .trim();
  if (!rest) return true;
  // "whats at 10.1 in the borough one? someone quoted it at me", "1.1 word for word if you've got it".
  if (ASKS_FOR_TEXT.test(text)) return true;
  // "what does section 3 say about groups" asks for the part of a section on a matter, not all of it.
  if (ABOUT.test(text)) return false;
  const left = rest.split(/\s+/).length;
  // "Honiton TC protocol, section 2.4 – what does it say?": a number named as a clause is a lookup.
  if (new RegExp(String.raw`\b${KEYWORD}\s*${ref.clause.replace(/\./g, '\\.')}\b`, 'i').test(text)) return left <= 4;
  // A short tail such as "2.4 again" is still a lookup.
  return left <= 2 && /[.(]/.test(ref.id);
}
