/**
 * Side headings: a layout Word users make with a borderless table, where each section's heading sits in a
 * margin column beside the section's first paragraph (wrapped inside that column), the paragraph numbers
 * stand in a column of their own, and the text in a third. Read row by row, a heading's words would run
 * into its paragraphs' lines ("5. Concerns and 5.1 A member … Complaints Director"). Here each heading is
 * taken out of the rows and read as a line of its own, above the paragraph it stands beside.
 */
import { itemRows, SAME_LINE, type PdfItem, type PdfPage } from './pdf-text-items';

/** A paragraph number alone in its own run: "3.2", "3.2.", "12.10". */
const PARAGRAPH_NUMBER = /^\d{1,2}\.\d{1,2}\.?$/;
/** Paragraph numbers must stand at one x (within this many points) at least this often to make a column. */
const SAME_X = 2;
const NUMBER_COLUMN_MIN = 4;
/** The margin column ends at least this far (in points) left of the number column. */
const MARGIN_GAP = 2;
/** A side heading stands beside a paragraph number; at least this many must, for the layout to be side headings. */
const HEADINGS_MIN = 2;

export interface SideHeading {
  text: string;
  x: number;
  right: number;
  /** The baseline of its first line, which is its paragraph's first line. */
  y: number;
  size: number;
}

export interface SideHeadingPage {
  /** The page's items less its side headings. */
  items: PdfItem[];
  headings: SideHeading[];
}

/**
 * Takes side headings out of each page, when the document is laid out with them: a column of paragraph
 * numbers at one x, right of the page's left margin, and a margin column left of it whose text (holding
 * letters) starts on the same line as a paragraph number at least twice. Otherwise every page as it is.
 */
export function takeSideHeadings(pages: readonly PdfPage[]): SideHeadingPage[] | undefined {
  const numberX = numberColumn(pages);
  if (numberX === undefined) return undefined;
  const inMargin = (i: PdfItem) => i.x + i.width <= numberX - MARGIN_GAP && i.x < numberX - 20;
  const read = pages.map((page) => {
    const numbers = page.items.filter((i) => PARAGRAPH_NUMBER.test(i.str.trim()) && Math.abs(i.x - numberX) <= SAME_X);
    return { page, headings: headingBlocks(page.items.filter(inMargin), numbers) };
  });
  const beside = read.reduce((n, r) => n + r.headings.length, 0);
  if (beside < HEADINGS_MIN) return undefined;
  return read.map(({ page, headings }) => {
    const taken = new Set(headings.flatMap((h) => h.items));
    return {
      items: page.items.filter((i) => !taken.has(i)),
      headings: headings.map(({ items }) => ({
        text: items.map((i) => i.str.trim()).join(' ').replace(/\s+/g, ' '),
        x: Math.min(...items.map((i) => i.x)),
        right: Math.max(...items.map((i) => i.x + i.width)),
        y: items[0]!.y,
        size: items[0]!.size,
      })),
    };
  });
}

/** The x of a column of paragraph numbers standing right of the page's left margin, if the document has one. */
function numberColumn(pages: readonly PdfPage[]): number | undefined {
  const counts = new Map<number, number>();
  for (const page of pages) {
    for (const i of page.items) if (PARAGRAPH_NUMBER.test(i.str.trim())) counts.set(Math.round(i.x), (counts.get(Math.round(i.x)) ?? 0) + 1);
  }
  let best: [number, number] | undefined;
  for (const x of counts.keys()) {
    let n = 0;
    for (const [y, c] of counts) if (Math.abs(y - x) <= SAME_X) n += c;
    if (!best || n > best[1]) best = [x, n];
  }
  if (!best || best[1] < NUMBER_COLUMN_MIN) return undefined;
  const left = Math.min(...pages.flatMap((p) => p.items.map((i) => i.x)));
  return best[0] - left >= 40 ? best[0] : undefined;
}

/**
 * The margin column's blocks of lines that start beside a paragraph number and hold letters: each a side
 * heading. Its lines follow one another at the usual step; a gap, or the next heading's row, ends it.
 */
function headingBlocks(margin: readonly PdfItem[], numbers: readonly PdfItem[]): { items: PdfItem[] }[] {
  const besideNumber = (row: PdfItem[]) => numbers.some((n) => Math.abs(n.y - row[0]!.y) < SAME_LINE * row[0]!.size);
  const blocks: { items: PdfItem[] }[] = [];
  let block: PdfItem[] | undefined;
  let lastY = 0;
  for (const row of itemRows(margin)) {
    const size = row[0]!.size;
    if (besideNumber(row)) {
      block = [...row];
      blocks.push({ items: block });
    } else if (block && lastY - row[0]!.y <= 1.6 * size) {
      block.push(...row);
    } else {
      block = undefined;
    }
    lastY = row[0]!.y;
  }
  return blocks.filter((b) => b.items.some((i) => /\p{L}/u.test(i.str)));
}
