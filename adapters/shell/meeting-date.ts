/**
 * Reads a meeting date as a clerk types it: ISO (2026-11-12) or in words (12 November 2026,
 * Thursday 12th Nov 2026, November 12, 2026). A date in figures with slashes or dots is refused at
 * once with the reason: 12/11/2026 is 12 November in the UK and 11 December in US software.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number) => String(n).padStart(2, '0');

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const index = MONTHS.findIndex((m) => m.startsWith(w) || (w === 'sept' && m === 'september'));
  return index >= 0 ? index + 1 : undefined;
}

function monthName(month: number): string {
  const name = MONTHS[month - 1] ?? '';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export type DateReading = { ok: true; iso: string } | { ok: false; message: string };

const FORMAT_HINT = 'Write the date like 23 November 2026 or 2026-11-23.';

/** ISO text for a date typed in words or as ISO, or a message saying what is wrong with it. */
export function readMeetingDate(input: string): DateReading {
  const text = input.trim().replace(/,/g, ' ').replace(/\s+/g, ' ');
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { ok: true, iso: text };

  const figures = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (figures) {
    const [a, b] = [Number(figures[1]), Number(figures[2])];
    const year = figures[3]!.length === 2 ? 2000 + Number(figures[3]) : Number(figures[3]);
    if (a <= 12 && b <= 12 && a !== b) {
      return {
        ok: false,
        message: `"${input.trim()}" could be ${a} ${monthName(b)} or ${b} ${monthName(a)}. ${FORMAT_HINT}`,
      };
    }
    const suggestion = b <= 12 ? ` (${a} ${monthName(b)} ${year}, or ${year}-${pad(b)}-${pad(a)})` : '';
    return { ok: false, message: `Please write the month in words or use YYYY-MM-DD${suggestion}.` };
  }

  const words = text.replace(/^(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)[a-z]*\.? /i, '');
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+\.?) (\d{4})$/i.exec(words);
  const monthFirst = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/i.exec(words);
  const [day, monthWord, year] = dayFirst
    ? [dayFirst[1], dayFirst[2], dayFirst[3]]
    : monthFirst
      ? [monthFirst[2], monthFirst[1], monthFirst[3]]
      : [];
  const month = monthWord ? monthNumber(monthWord) : undefined;
  if (day && month && year) return { ok: true, iso: `${year}-${pad(month)}-${pad(Number(day))}` };
  return { ok: false, message: `I could not read "${input.trim()}" as a date. ${FORMAT_HINT}` };
}
