/** What a format reader hands the structure parser: the document's lines and what the reader left out. */
export interface DocumentText {
  /** Lines in reading order; blank strings separate paragraphs in hard-wrapped text. */
  lines: string[];
  /** Reviewer notes from reading: running lines removed, tables left out, the encoding read. */
  notes: string[];
  /** True when each line is a whole paragraph (Word, or a PDF whose wraps the reader joined). */
  unwrapped: boolean;
  format: 'PDF' | 'Word' | 'text';
}
