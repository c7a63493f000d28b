import { addWorkingDays, holidaysBetween, isWorkingDay, shanghaiDate } from './calendar';
import { DEFAULT_POLICIES, inForce } from './policies';

describe('official calendar and policies', () => {
  it('SD-15 knows the 2026 Spring Festival holiday and its make-up workday', () => {
    const days = holidaysBetween('2026-02-14', '2026-02-24').map((d) => d.date);
    expect(days[0]).toBe('2026-02-15');
    expect(days).toContain('2026-02-17');
    expect(days[days.length - 1]).toBe('2026-02-23');
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休 make-up workday
    expect(isWorkingDay('2026-02-17')).toBe(false);
    expect(isWorkingDay('2026-02-24')).toBe(true);
  });

  it('SD-14 counts working days over the National Day holiday', () => {
    // 2026-09-30 (Wed) + 3 working days skips 1–7 October: 8 (Thu), 9 (Fri), 10 (Sat, make-up workday).
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('reads instants as Asia/Shanghai dates', () => {
    expect(shanghaiDate('2026-03-01T17:30:00Z')).toBe('2026-03-02');
    expect(shanghaiDate('2026-03-02T08:00:00+08:00')).toBe('2026-03-02');
  });

  it('SD-10 uses the policy version in force on the date asked about', () => {
    const history = [
      ...DEFAULT_POLICIES.weeklyReportDeadline,
      { effectiveFrom: '2026-07-01', value: { isoWeekday: 5, time: '12:00' } },
    ];
    expect(inForce(history, '2026-06-30').time).toBe('14:00');
    expect(inForce(history, '2026-07-01').time).toBe('12:00');
    expect(() => inForce(history, '1999-12-31')).toThrow(/no policy version/);
  });
});
