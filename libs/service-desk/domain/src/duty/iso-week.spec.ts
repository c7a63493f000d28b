import { DomainError } from '@ebp/shared-eventsourcing';
import type { WeeklyReportDeadlinePolicy } from './iso-week';
import { formatIsoWeek, isoWeekDates, isoWeekOf, isoWeeksInYear, parseIsoWeek, weeklyReportDeadline } from './iso-week';

describe('ISO weeks (Asia/Shanghai calendar dates)', () => {
  it('SD-10 maps dates to ISO weeks across year boundaries', () => {
    expect(formatIsoWeek(isoWeekOf('2026-03-02'))).toBe('2026-W10');
    expect(formatIsoWeek(isoWeekOf('2026-03-08'))).toBe('2026-W10');
    expect(formatIsoWeek(isoWeekOf('2024-12-30'))).toBe('2025-W01');
    expect(formatIsoWeek(isoWeekOf('2027-01-01'))).toBe('2026-W53');
    expect(formatIsoWeek(isoWeekOf('2026-01-01'))).toBe('2026-W01');
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
  });

  it('SD-10 maps ISO weeks back to their Monday and Sunday', () => {
    expect(isoWeekDates(parseIsoWeek('2026-W10'))).toEqual({ monday: '2026-03-02', sunday: '2026-03-08' });
    expect(isoWeekDates(parseIsoWeek('2026-W01'))).toEqual({ monday: '2025-12-29', sunday: '2026-01-04' });
    expect(isoWeekDates(parseIsoWeek('2026-W53'))).toEqual({ monday: '2026-12-28', sunday: '2027-01-03' });
  });

  it('SD-10 refuses malformed or non-existent weeks', () => {
    for (const bad of ['2026-10', '2026-W00', '2025-W53', '2026-W54', 'W10']) {
      expect(() => parseIsoWeek(bad)).toThrow(DomainError);
    }
  });

  it('SD-10 deadline is Friday 14:00 Asia/Shanghai of that ISO week by default', () => {
    expect(weeklyReportDeadline(parseIsoWeek('2026-W10'))).toBe('2026-03-06T14:00:00+08:00');
    expect(weeklyReportDeadline(parseIsoWeek('2026-W01'))).toBe('2026-01-02T14:00:00+08:00');
  });

  it('SD-10 a policy version change mid-year applies to the weeks whose Friday falls on or after it', () => {
    const history: WeeklyReportDeadlinePolicy = [
      { effectiveFrom: '2000-01-01', value: { isoWeekday: 5, time: '14:00' } },
      { effectiveFrom: '2026-07-01', value: { isoWeekday: 4, time: '17:00' } },
    ];
    expect(weeklyReportDeadline(parseIsoWeek('2026-W26'), history)).toBe('2026-06-26T14:00:00+08:00');
    expect(weeklyReportDeadline(parseIsoWeek('2026-W27'), history)).toBe('2026-07-02T17:00:00+08:00');
    expect(weeklyReportDeadline(parseIsoWeek('2026-W10'), history)).toBe('2026-03-06T14:00:00+08:00');
  });
});
