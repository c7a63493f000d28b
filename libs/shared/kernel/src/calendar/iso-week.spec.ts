import { DomainError } from '@ebp/shared-eventsourcing';
import { formatIsoWeek, isoWeekDates, isoWeekOf, isoWeeksInYear, isoWeekStart, parseIsoWeek } from './iso-week';

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
    expect(isoWeekDates(parseIsoWeek('2026-W10', 'SD-10'))).toEqual({ monday: '2026-03-02', sunday: '2026-03-08' });
    expect(isoWeekDates(parseIsoWeek('2026-W01', 'SD-10'))).toEqual({ monday: '2025-12-29', sunday: '2026-01-04' });
    expect(isoWeekDates(parseIsoWeek('2026-W53', 'SD-10'))).toEqual({ monday: '2026-12-28', sunday: '2027-01-03' });
    expect(isoWeekStart(parseIsoWeek('2026-W10', 'SD-10'))).toBe('2026-03-02T00:00:00+08:00');
  });

  it('SD-10 refuses malformed or non-existent weeks, naming the caller rule and field', () => {
    for (const bad of ['2026-10', '2026-W00', '2025-W53', '2026-W54', 'W10']) {
      expect(() => parseIsoWeek(bad, 'SD-10')).toThrow(DomainError);
    }
    try {
      parseIsoWeek('2026-W54', 'SD-10', 'fromWeek');
      throw new Error('accepted 2026-W54');
    } catch (error) {
      expect(error).toMatchObject({ rule: 'SD-10', kind: 'invalid', field: 'fromWeek' });
    }
  });
});
