/** Counts paragraphs the way Word's multi-level numbering does, to prove a DOCX prints the ids expected.yaml holds. */

export interface NumberedParagraph {
  /** Word numbering level (0-based) of the 'clauses' list. */
  level: number;
  /** The clause id or item label the document must show for this paragraph. */
  expect: string;
}

function letters(n: number): string {
  return String.fromCharCode(96 + n);
}

function roman(n: number): string {
  const table: [number, string][] = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, numeral] of table) while (n >= value) { out += numeral; n -= value; }
  return out;
}

/** Throws when Word's counters (a level restarts after any higher level) would not print the expected id or label. */
export function checkWordNumbering(paragraphs: NumberedParagraph[], formats: string[], id: string): void {
  const counters: number[] = [];
  for (const p of paragraphs) {
    counters[p.level] = (counters[p.level] ?? 0) + 1;
    counters.length = p.level + 1;
    for (let i = 0; i < p.level; i++) counters[i] ??= 0;
    const n = counters[p.level]!;
    const format = formats[p.level];
    const printed = format === 'lowerLetter' ? letters(n) : format === 'lowerRoman' ? roman(n) : counters.join('.');
    if (printed !== p.expect) throw new Error(`${id}: Word numbering would print ${printed} where expected.yaml has ${p.expect}`);
  }
}
