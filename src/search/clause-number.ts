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
// An item after its clause: "3.1(e)", "3.1 e", or named by a word ("4.3 bit c", "2.2 item (iv)").
const ITEM_WORD = String.raw`(?:bit|part|item|point|letter|sub-?para(?:graph)?|limb)`;
const ITEM = String.raw`(?:\s*\(\s*([a-z]{1,4}|\d{1,2})\s*\)|\s*([a-z])\b(?!\s*[a-z])|\s+${ITEM_WORD}\s+\(?([a-z]|[ivx]{2,4})\)?(?![a-z]))?`;

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

/** A clause number as a regular-expression pattern matching it literally ("2.4" -> "2\\.4"). */
const asPattern = (clause: string): string => clause.replace(/\./g, '\\.');

const SUB_ITEM = /^\s*\(\s*([a-z]{1,4}|\d{1,2})\s*\)/i;

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const SPOKEN_WORD = `(?:${NUMBER_WORDS.join('|')})`;
const SPOKEN_NUMBER = new RegExp(String.raw`\b${SPOKEN_WORD}(?:\s+point\s+${SPOKEN_WORD}){1,3}\b`, 'gi');

/**
 * A clause number said aloud, as in a meeting or by voice typing ("clause two point four", "three point one e"),
 * written in digits ("clause 2.4"). Only numbers joined by "point": "two of the clerks" is left alone.
 */
export function spokenClauseNumbers(text: string): string {
  return text.replace(SPOKEN_NUMBER, (said) =>
    said
      .toLowerCase()
      .split(/\s+point\s+/)
      .map((w) => String(NUMBER_WORDS.indexOf(w)))
      .join('.'),
  );
}

/** Finds the first clause reference in the text, if any. */
export function findClauseRef(text: string): ClauseRef | undefined {
  const m = BARE.exec(text) ?? BRACKETED.exec(text) ?? KEYWORDED.exec(text) ?? DOTTED.exec(text) ?? ITEMED.exec(text) ?? ASKED.exec(text);
  if (!m) return undefined;
  const clause = m[1]!;
  const rawItem = (m[2] ?? m[3] ?? m[4])?.toLowerCase();
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
  // "4.3 bit c in plain english?": an item named by its number and letter is asked for itself.
  if (ref.item && new RegExp(String.raw`${asPattern(ref.clause)}\s+${ITEM_WORD}\s`, 'i').test(text)) return true;
  // "whats at 10.1 in the borough one? someone quoted it at me", "1.1 word for word if you've got it".
  if (ASKS_FOR_TEXT.test(text)) return true;
  // "what does section 3 say about groups" asks for the part of a section on a matter, not all of it.
  if (ABOUT.test(text)) return false;
  const left = rest.split(/\s+/).length;
  // "Honiton TC protocol, section 2.4 – what does it say?": a number named as a clause is a lookup.
  if (new RegExp(String.raw`\b${KEYWORD}\s*${asPattern(ref.clause)}\b`, 'i').test(text)) return left <= 4;
  // A short tail such as "2.4 again" is still a lookup.
  return left <= 2 && /[.(]/.test(ref.id);
}

/** Words after a dotted number that make it an amount, a time or a measure, not a clause ("7.30pm", "2.5 miles"). */
const MEASURE_AFTER = /^\s*(?:am\b|pm\b|a\.m|p\.m|%|per\s*cent|percent|hours?\b|hrs?\b|mins?\b|minutes?\b|miles?\b|mph\b|km\b|kms\b|metres?\b|meters?\b|m\b|k\b|million|mn\b|bn\b|billion|kg\b|tonnes?\b|acres?\b|hectares?\b|ha\b|x\b|times\b|days?\b|weeks?\b|months?\b|years?\b|yrs?\b|pounds?\b|p\b|ft\b|feet\b|inch|stars?\b|out of|of the vote|°)/i;
/** Words before a dotted number that make it an amount or a version ("£2.50", "version 2.1", "roughly 1.5"). */
const MEASURE_BEFORE = /(?:[£$€]|\b(?:version|v|approx|approximately|around|roughly|nearly|almost)\s*)$/i;
/** Before a time of day ("at 7.30", "from 9.15"), where the minutes have two digits. */
const TIME_BEFORE = /\b(?:at|from|until|till|before|after|by|between|and|to)\s*$/i;

/** The dotted number is an amount, a time, a version or a measure ("£2.50", "at 7.30", "2.5 miles"), not a clause. */
export function isMeasure(text: string, ref: ClauseRef): boolean {
  if (!ref.clause.includes('.')) return false;
  if (/^0/.test(ref.clause)) return true;
  const at = new RegExp(String.raw`(?<!\d|\d\.)${asPattern(ref.clause)}(?!\d|\.\d)`).exec(text);
  // Only inside a longer number: a date ("12.05.2026") or a figure.
  if (!at) return true;
  const before = text.slice(0, at.index);
  const after = text.slice(at.index + at[0].length);
  const clock = /^\d{1,2}\.\d{2}$/.test(ref.clause) && (TIME_BEFORE.test(before) || /^\d{1,2}\.(?:00|15|30|45)$/.test(ref.clause));
  return clock || MEASURE_BEFORE.test(before) || MEASURE_AFTER.test(after);
}

/** The words that name a clause by its number ("clause 13", "para 4", "s.7"); not "part 2" (a confidential item) or "no. 3". */
const CLAUSE_WORD = String.raw`(?:clauses?|cl\.?|paras?\.?|paragraphs?|sections?|sec\.?|s\.|§)`;

/**
 * True when the text names a clause by number plainly enough that the number itself is what is asked
 * about ("does ours have a 13.4?", "stick 9.3 up on screen", "model 1.2 - does it point anywhere else?"):
 * a keyword before it ("clause 13"), or a dotted number that is not an amount, a time, a date or a measure.
 */
export function namesClause(text: string, ref: ClauseRef): boolean {
  if (new RegExp(String.raw`(?<!['’])\b${CLAUSE_WORD}\s*\(?${asPattern(ref.clause)}(?!\d|\.\d|st\b|nd\b|rd\b|th\b)`, 'i').test(text)) return true;
  return ref.clause.includes('.') && !isMeasure(text, ref);
}
