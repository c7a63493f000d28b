import {
  addDays,
  addMinutes,
  addMonths,
  daysInMonth,
  isCalendarDate,
  minutesBetween,
  shanghaiDate,
  shanghaiInstant,
} from './calendar-date';

describe('Asia/Shanghai calendar dates', () => {
  it('SD-9 reads instants as Asia/Shanghai dates', () => {
    expect(shanghaiDate('2026-03-01T17:30:00Z')).toBe('2026-03-02');
    expect(shanghaiDate('2026-03-02T08:00:00+08:00')).toBe('2026-03-02');
    expect(shanghaiInstant(Date.parse('2026-03-02T02:00:00Z'))).toBe('2026-03-02T10:00:00+08:00');
  });

  it('SD-15 recognises real calendar dates only', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-3-1')).toBe(false);
    expect(isCalendarDate('0000-02-29')).toBe(true); // year 0 is a leap year, not 1900
    expect(daysInMonth(1900, 2)).toBe(28);
  });

  it('SD-11 month arithmetic clamps to the last day of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
    expect(addMonths('2025-01-31', 2)).toBe('2025-03-31');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(() => addMonths('2026-3-15', 1)).toThrow(/not a calendar date/);
  });

  it('SD-8 adds days and minutes, and counts whole minutes between instants', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMinutes('2026-03-02T09:30:00+08:00', 45)).toBe('2026-03-02T10:15:00+08:00');
    expect(minutesBetween('2026-03-02T09:00:00+08:00', '2026-03-02T10:30:00+08:00')).toBe(90);
    expect(minutesBetween('2026-03-02T10:30:00+08:00', '2026-03-02T09:00:00+08:00')).toBe(0);
  });
});
