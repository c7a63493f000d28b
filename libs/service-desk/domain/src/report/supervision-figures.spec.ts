import { median, minutesBetween, rate } from './supervision-figures';
import { lastDayOf, monthEndInstant, monthHasEnded, nextMonth, shanghaiMonth } from './supervision-month';

describe('SD-9 supervision figures', () => {
  it('SD-9 median of resolve durations: odd, even, empty', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 40, 20, 30])).toBe(25);
    expect(median([])).toBeNull();
  });

  it('SD-9 first-contact rate: part over whole, null with nothing resolved', () => {
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 4)).toBe(0);
    expect(rate(0, 0)).toBeNull();
  });

  it('SD-9 months are Asia/Shanghai months: an event at 2026-03-31T23:30+08:00 belongs to March', () => {
    expect(shanghaiMonth('2026-03-31T23:30:00+08:00')).toBe('2026-03');
    expect(shanghaiMonth('2026-03-31T15:59:00Z')).toBe('2026-03');
    expect(shanghaiMonth('2026-03-31T16:00:00Z')).toBe('2026-04');
    expect(shanghaiMonth('2026-02-28T16:30:00Z')).toBe('2026-03');
  });

  it('SD-9 month arithmetic: last day, next month, end instant, ended', () => {
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(monthEndInstant('2026-03')).toBe('2026-04-01T00:00:00+08:00');
    expect(monthHasEnded('2026-03', '2026-03-31T23:59:59+08:00')).toBe(false);
    expect(monthHasEnded('2026-03', '2026-03-31T16:00:00Z')).toBe(true);
  });

  it('SD-9 minutes between instants', () => {
    expect(minutesBetween('2026-03-02T09:00:00+08:00', '2026-03-02T10:30:00+08:00')).toBe(90);
  });
});
