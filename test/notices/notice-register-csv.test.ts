import { NoticeService } from '../../src/notices/notice-service';
import { csvCell, registerCsv } from '../../src/notices/notice-register-csv';
import { aFiler, aNotice, aStoredNotice } from '../builders/notice-builders';
import { logger, sqliteKit } from './notice-test-kit';

describe('register CSV', () => {
  it.each([
    ['=HYPERLINK("http://x.example","click")', `"'=HYPERLINK(""http://x.example"",""click"")"`],
    ['+44 1234', "'+44 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['plain, with comma', '"plain, with comma"'],
    ['line one\nline two', '"line one\nline two"'],
    ['she said "no"', '"she said ""no"""'],
    ['a = b', 'a = b'],
    ['', ''],
    [7, '7'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('has the agreed columns, CRLF line ends and one row per notice', () => {
    const notice = aStoredNotice({
      group: '=cmd|"/c calc"!A1',
      officers: 'Chief Executive, Monitoring Officer',
      advice: 'Line one\nLine two',
      information: '',
      filedBy: { platform: 'teams', userId: '29:abc', name: 'Jo Clerk' },
      filedAt: new Date('2026-10-06T09:00:00Z'),
    });
    const csv = registerCsv([{ notice, total: 40, delivered: 38, failed: 1, pending: 1, acknowledged: 12 }]);
    expect(csv).toBe(
      'filed_at,meeting_date,group,officers,advice,information,filed_by,delivered,total,acknowledged\r\n' +
        `2026-10-06T09:00:00.000Z,2026-10-05,"'=cmd|""/c calc""!A1","Chief Executive, Monitoring Officer","Line one\nLine two",,Jo Clerk (teams:29:abc),38,40,12\r\n`,
    );
  });

  it('is what NoticeService.exportCsv gives officers, newest first', async () => {
    const kit = await sqliteKit();
    try {
      const service = new NoticeService({ store: kit.store, couriers: [], logger, council: 'model', clock: kit.clock.now });
      await service.file(aNotice({ group: 'First' }), aFiler({ name: undefined, platform: 'shell', userId: 'local' }));
      kit.clock.advance(1000);
      await service.file(aNotice({ group: '-Second' }), aFiler());
      const lines = (await service.exportCsv('officer')).split('\r\n');
      expect(lines).toHaveLength(4);
      expect(lines[1]).toMatch(/^2026-11-23T10:00:01\.000Z,2026-11-23,'-Second,/);
      expect(lines[2]).toMatch(/^2026-11-23T10:00:00\.000Z,2026-11-23,First,.*,shell:local,0,0,0$/);
      expect(lines[3]).toBe('');
    } finally {
      await kit.dispose();
    }
  });
});
