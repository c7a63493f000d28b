import { parseIsoWeek } from '@ebp/shared-kernel';
import { weeklyReportDeadline, type WeeklyReportDeadlinePolicy } from './weekly-report-deadline.policy';

const week = (text: string) => parseIsoWeek(text, 'SD-10');

describe('weekly report deadline policy', () => {
  it('SD-10 deadline is Friday 14:00 Asia/Shanghai of that ISO week by default', () => {
    expect(weeklyReportDeadline(week('2026-W10'))).toBe('2026-03-06T14:00:00+08:00');
    expect(weeklyReportDeadline(week('2026-W01'))).toBe('2026-01-02T14:00:00+08:00');
  });

  it('SD-10 a policy version change mid-year applies to the weeks whose Friday falls on or after it', () => {
    const history: WeeklyReportDeadlinePolicy = [
      { effectiveFrom: '2000-01-01', value: { isoWeekday: 5, time: '14:00' } },
      { effectiveFrom: '2026-07-01', value: { isoWeekday: 4, time: '17:00' } },
    ];
    expect(weeklyReportDeadline(week('2026-W26'), history)).toBe('2026-06-26T14:00:00+08:00');
    expect(weeklyReportDeadline(week('2026-W27'), history)).toBe('2026-07-02T17:00:00+08:00');
    expect(weeklyReportDeadline(week('2026-W10'), history)).toBe('2026-03-06T14:00:00+08:00');
  });

  it('SD-10 refuses a malformed deadline policy', () => {
    const history: WeeklyReportDeadlinePolicy = [{ effectiveFrom: '2000-01-01', value: { isoWeekday: 8, time: '14:00' } }];
    expect(() => weeklyReportDeadline(week('2026-W10'), history)).toThrow(/invalid weekly report deadline policy/);
  });
});
