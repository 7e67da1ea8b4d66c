import { formatMeetingDate, noticeMessages, renderFieldErrors, renderNoticeText, renderProgress } from '../../src/notices/notice-messages';
import { aStoredNotice } from '../builders/notice-builders';

describe('notice messages', () => {
  it('renders the member-facing notice as plain text ending with the "I\'ve read this" prompt', () => {
    const text = renderNoticeText(
      aStoredNotice({
        group: 'Labour Group',
        meetingDate: '2026-10-05',
        officers: 'Monitoring Officer',
        advice: 'Use of resources <!channel>',
        information: '',
        filedBy: { platform: 'slack', userId: 'U1', name: 'Jo Clerk' },
        filedAt: new Date('2026-10-06T09:00:00Z'),
      }),
    );
    expect(text).toBe(
      [
        'Political group attendance notice',
        '',
        'An officer attended a meeting of the Labour Group on 5 October 2026.',
        'Officer(s) who attended: Monitoring Officer',
        '',
        'Advice given:',
        'Use of resources <!channel>',
        '',
        'Information provided:',
        'None.',
        '',
        'Filed by Jo Clerk on 6 October 2026.',
        '',
        `Please press "I've read this" once you have read this notice.`,
      ].join('\n'),
    );
  });

  it('names the filer by id when no name is known', () => {
    expect(renderNoticeText(aStoredNotice({ filedBy: { platform: 'teams', userId: '29:abc' } }))).toContain('Filed by 29:abc on');
  });

  it('formats meeting dates the British way', () => {
    expect(formatMeetingDate('2026-11-23')).toBe('23 November 2026');
    expect(formatMeetingDate('not a date')).toBe('not a date');
  });

  it('lists field errors under one heading, in form order', () => {
    expect(renderFieldErrors({ advice: 'Advice given is required.', group: 'Political group is required.' })).toBe(
      `${noticeMessages.fieldErrorsHeading}\n• Political group: Political group is required.\n• Advice given: Advice given is required.`,
    );
  });

  it('says how far delivery has got and why any failed', () => {
    expect(renderProgress({ total: 5, delivered: 5, failed: 0, pending: 0, failures: [], done: true, channels: { total: 0, delivered: 0 } })).toBe('Delivered to 5 of 5 members.');
    expect(renderProgress({ total: 5, delivered: 5, failed: 0, pending: 0, failures: [], done: true, channels: { total: 1, delivered: 1 } })).toBe(
      'Delivered to 5 of 5 members. Posted in the members channel.',
    );
    expect(renderProgress({ total: 5, delivered: 4, failed: 0, pending: 2, failures: [], done: false, channels: { total: 1, delivered: 0 } })).toMatch(
      /^Delivered to 4 of 5 members\. Not yet posted in the members channel\./,
    );
    expect(
      renderProgress({
        total: 5,
        delivered: 3,
        failed: 1,
        pending: 1,
        done: false,
        channels: { total: 0, delivered: 0 },
        failures: [
          { recipient: 'U2', platform: 'slack', error: 'user_not_found' },
          { recipient: '*', platform: 'teams', error: 'gave up after 8 attempts: timeout' },
        ],
      }),
    ).toBe(
      [
        'Delivered to 3 of 5 members.',
        'Still sending to 1.',
        '2 could not be delivered:',
        '• U2 (slack): user_not_found',
        '• the member list on teams: gave up after 8 attempts: timeout',
      ].join('\n'),
    );
    expect(renderProgress({ total: 0, delivered: 0, failed: 0, pending: 0, failures: [], done: false, channels: { total: 0, delivered: 0 } })).toBe(
      'Delivered to 0 of 0 members.\nStill reading the member list.',
    );
  });

  it('keeps the refusal wording for councillors', () => {
    expect(noticeMessages.refusal).toBe('Sorry, only officers can file political-group attendance notices. If you think you should be able to, please ask the Clerk.');
  });
});
