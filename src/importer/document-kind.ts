/** Whether a document is a protocol at all: meeting minutes, agendas and spreadsheets saved as text are refused. */
import { IMPORT_MESSAGES as M, ImportError } from './import-error';

/** How many opening lines hold the document's title. */
const TITLE_LINES = 5;

/** Throws an ImportError naming what the document looks like, when it is plainly not a protocol. */
export function refuseNonProtocol(lines: readonly string[]): void {
  const text = lines.map((l) => l.trim()).filter((l) => l !== '');
  if (text.length === 0) throw new ImportError(M.empty());
  const opening = text.slice(0, TITLE_LINES).join('\n');
  const count = (re: RegExp) => text.filter((l) => re.test(l)).length;
  if (/^(?:draft )?minutes\b|\bminutes of the\b/im.test(opening) || count(/^(?:present|apologies|in attendance)\b/i) >= 2 || count(/^(?:minute\s+)?\d{2,4}\/\d{1,4}\b/i) >= 2) {
    throw new ImportError(M.notProtocol('the minutes of a meeting'));
  }
  if (/^agenda\b|\bagenda for the\b/im.test(opening)) throw new ImportError(M.notProtocol('a meeting agenda'));
  if (looksLikeCsv(text)) {
    throw new ImportError(M.notProtocol('a spreadsheet saved as text'));
  }
  const words = text.join(' ');
  if (!/\b(?:councillors?|members?)\b/i.test(words) || !/\b(?:officers?|clerk|employees?|staff)\b/i.test(words)) {
    throw new ImportError(M.notProtocol('a document about something else (it never speaks of councillors and officers)'));
  }
}

/**
 * Comma- or tab-separated rows: most lines split into the same number of cells (three or more), and many
 * hold a number as a cell. Wrapped prose has commas too, but not in the same count line after line.
 */
function looksLikeCsv(lines: readonly string[]): boolean {
  const cells = lines.map((l) => l.split(/,|\t/).length);
  const counts = new Map<number, number>();
  for (const n of cells) if (n >= 3) counts.set(n, (counts.get(n) ?? 0) + 1);
  const commonest = Math.max(0, ...counts.values());
  const numeric = lines.filter((l) => l.split(/,|\t/).some((c) => /^\s*[-£$€]?\d[\d.,/]*\s*$/.test(c))).length;
  return commonest >= lines.length * 0.6 && numeric >= lines.length * 0.3;
}
