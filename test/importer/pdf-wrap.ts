/** Test documents' line wrapping: a text cut into lines that fit a width in the document's current font, word by word, as Word does. */
export function wrapWords(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (doc.widthOfString(next) > width && line) [lines[lines.length], line] = [line, word];
    else line = next;
  }
  return [...lines, line];
}
