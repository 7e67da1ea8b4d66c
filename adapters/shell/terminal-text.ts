/**
 * Plain text laid out for a terminal: wrapped at word boundaries to the window's width, with a
 * prefix (such as the quote bar) on every line, and styles that are empty strings unless the
 * output is a colour terminal. Styles are applied after wrapping, so escape codes never count
 * towards a line's width.
 */

export const DEFAULT_WIDTH = 80;
/** Narrower than this, wrapping would leave a word or two a line; lay out for this width instead. */
const MIN_WIDTH = 40;

/** A list marker at the start of a line ("a) ", "(iv) ", "1. ", "• "): wrapped lines hang under its text. */
const LIST_MARKER = /^(\s*(?:\(?[a-z]{1,4}\)|\(?\d{1,3}[.)]|[•*-])\s+)/i;

export interface Layout {
  width: number;
  color: boolean;
}

/** The width to lay out for, from a stream's `columns` when it is a terminal. */
export function widthOf(output: { columns?: number }): number {
  const columns = output.columns;
  return Math.max(MIN_WIDTH, typeof columns === 'number' && columns > 0 ? columns : DEFAULT_WIDTH);
}

/**
 * Wraps `text` to `width` columns including `prefix`, breaking only between words; a word longer
 * than a line (a URL) gets a line of its own rather than being split. Line breaks in `text` are kept.
 */
export function wrap(text: string, width: number, prefix = ''): string[] {
  const room = Math.max(10, width - prefix.length);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const hang = ' '.repeat(LIST_MARKER.exec(paragraph)?.[1]?.length ?? 0);
    const words = paragraph.trim().split(/\s+/).filter(Boolean);
    const lead = paragraph.match(/^\s*/)?.[0] ?? '';
    if (words.length === 0) {
      out.push(prefix.trimEnd());
      continue;
    }
    let line = lead + words[0];
    for (const word of words.slice(1)) {
      if (line.length + 1 + word.length <= room) line += ` ${word}`;
      else {
        out.push(prefix + line);
        line = hang + word;
      }
    }
    out.push(prefix + line);
  }
  return out;
}

export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  accent(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/** Bold, dim and an accent colour on a colour terminal; plain text otherwise. */
export function stylesFor(color: boolean): Styles {
  if (!color) return { bold: (t) => t, dim: (t) => t, accent: (t) => t };
  return { bold: ansi(1, 22), dim: ansi(2, 22), accent: ansi(36, 39) };
}
