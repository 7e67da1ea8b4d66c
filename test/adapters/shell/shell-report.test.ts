import { groupReport, reportText } from '../../../adapters/shell/shell-report';
import type { ReportRow } from '../../../src/store/store';

function aRow(overrides: Partial<ReportRow> = {}): ReportRow {
  return { kind: 'unanswered', council: 'model', question: 'recipe for lemon drizzle cake', clauseId: null, at: new Date('2026-11-20T10:00:00Z'), ...overrides };
}

describe('the officers report in the terminal', () => {
  it('groups the same question (case, spacing and closing punctuation aside) with a count, most asked first', () => {
    const lines = groupReport(
      [
        aRow({ question: 'Can I  park in the car park?', at: new Date('2026-11-25T10:00:00Z') }),
        aRow(),
        aRow({ question: 'Recipe for lemon drizzle cake?' }),
        aRow({ question: 'can I park in the car park' }),
        aRow({ question: 'RECIPE for lemon drizzle cake', at: new Date('2026-11-22T10:00:00Z') }),
      ],
      () => false,
    );
    expect(lines.map((l) => [l.count, l.question])).toEqual([
      [3, 'recipe for lemon drizzle cake'],
      [2, 'Can I  park in the car park?'],
    ]);
    expect(lines[0]!.last).toEqual(new Date('2026-11-22T10:00:00Z'));
  });

  it('keeps unanswered and not-helpful apart, and leaves out greetings', () => {
    const lines = groupReport(
      [aRow(), aRow({ kind: 'not-helpful', clauseId: '2.4' }), aRow({ question: 'hello' }), aRow({ question: 'Hello!' })],
      (q) => /^hello/i.test(q),
    );
    expect(lines.map((l) => l.kind)).toEqual(['unanswered', 'not-helpful']);
    const text = reportText(lines, 30, 'Model Council');
    expect(text).toMatch(/^2 unanswered or not-helpful questions for Model Council in the last 30 days/);
    expect(text).toContain('• 1× recipe for lemon drizzle cake (not helpful, clause 2.4; last 2026-11-20)');
    expect(text).not.toMatch(/hello/i);
  });

  it('says so when there is nothing to report', () => {
    expect(reportText([], 30, 'Model Council')).toBe('No unanswered or not-helpful questions for Model Council in the last 30 days.');
  });
});
