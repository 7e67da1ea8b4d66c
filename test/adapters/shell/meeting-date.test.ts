import { readMeetingDate } from '../../../adapters/shell/meeting-date';

describe('reading a meeting date as typed', () => {
  it.each([
    ['2026-11-12', '2026-11-12'],
    ['12 November 2026', '2026-11-12'],
    ['12th Nov 2026', '2026-11-12'],
    ['Thursday 12 November 2026', '2026-11-12'],
    ['November 12, 2026', '2026-11-12'],
    ['3 sept 2026', '2026-09-03'],
  ])('reads %s as %s', (typed, iso) => {
    expect(readMeetingDate(typed)).toEqual({ ok: true, iso });
  });

  it('refuses a date in figures that reads two ways, saying both', () => {
    const reading = readMeetingDate('12/11/2026');
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.message).toBe('"12/11/2026" could be 12 November or 11 December. Write the date like 23 November 2026 or 2026-11-23.');
  });

  it('refuses an unambiguous date in figures too, suggesting how to write it', () => {
    const reading = readMeetingDate('23/11/2026');
    expect(!reading.ok && reading.message).toBe('Please write the month in words or use YYYY-MM-DD (23 November 2026, or 2026-11-23).');
  });

  it('says when it cannot read a date at all', () => {
    const reading = readMeetingDate('next Tuesday');
    expect(!reading.ok && reading.message).toMatch(/could not read "next Tuesday" as a date/);
  });
});
