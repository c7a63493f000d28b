import {
  firstDayOf,
  isMonth,
  lastDayOf,
  monthEndInstant,
  monthHasEnded,
  monthStartInstant,
  nextMonth,
  previousMonth,
  shanghaiMonth,
} from './calendar-month';

describe('Asia/Shanghai months', () => {
  it('SD-9 months are Asia/Shanghai months: an event at 2026-03-31T23:30+08:00 belongs to March', () => {
    expect(shanghaiMonth('2026-03-31T23:30:00+08:00')).toBe('2026-03');
    expect(shanghaiMonth('2026-03-31T15:59:00Z')).toBe('2026-03');
    expect(shanghaiMonth('2026-03-31T16:00:00Z')).toBe('2026-04');
    expect(shanghaiMonth('2026-02-28T16:30:00Z')).toBe('2026-03');
  });

  it('SD-9 month arithmetic: first and last day, next and previous month, start and end instants, ended', () => {
    expect(firstDayOf('2026-02')).toBe('2026-02-01');
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-03')).toBe('2026-04');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
    expect(monthStartInstant('2026-03')).toBe('2026-03-01T00:00:00+08:00');
    expect(monthEndInstant('2026-03')).toBe('2026-04-01T00:00:00+08:00');
    expect(monthHasEnded('2026-03', '2026-03-31T23:59:59+08:00')).toBe(false);
    expect(monthHasEnded('2026-03', '2026-03-31T16:00:00Z')).toBe(true);
  });

  it('SD-9 a month is written YYYY-MM', () => {
    expect(isMonth('2026-03')).toBe(true);
    for (const bad of ['2026-3', '2026-13', '2026-00', '2026-03-01', '']) expect(isMonth(bad)).toBe(false);
    expect(() => nextMonth('2026-13')).toThrow(/not a month/);
    expect(() => firstDayOf('March')).toThrow(/not a month/);
  });
});
