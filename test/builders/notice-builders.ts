/** Test data for notices: what a clerk types, what the store holds, who files it. */
import { randomUUID } from 'node:crypto';
import type { NoticeInput } from '../../src/notices/notice-model';
import type { Filer } from '../../src/notices/notice-service';
import type { StoredNotice } from '../../src/store/store';

/** Form values as a clerk would submit them. */
export function aNotice(overrides: Partial<Record<keyof NoticeInput, unknown>> = {}): Record<string, unknown> {
  return {
    group: 'Liberal Democrat Group',
    meetingDate: '2026-11-23',
    officers: 'Chief Executive; Director of Finance',
    advice: 'The draft budget assumes a 2.99% council tax rise; reserves stand at £4.2m.',
    information: 'Copies of the medium-term financial plan slides.',
    ...overrides,
  };
}

/** A notice as the store holds it once filed. */
export function aStoredNotice(overrides: Partial<StoredNotice> = {}): StoredNotice {
  return {
    id: randomUUID(),
    council: 'model',
    group: 'Labour Group',
    meetingDate: '2026-10-05',
    officers: 'Monitoring Officer',
    advice: 'Members may not use council resources for party political purposes.',
    information: '',
    filedBy: { platform: 'slack', userId: 'U-CLERK', name: 'Clerk' },
    filedAt: new Date('2026-10-06T09:00:00Z'),
    ...overrides,
  };
}

/** An officer filing from Slack unless told otherwise. */
export function aFiler(overrides: Partial<Filer> = {}): Filer {
  return { platform: 'slack', userId: 'U-CLERK', name: 'Democratic Services Clerk', role: 'officer', ...overrides };
}
