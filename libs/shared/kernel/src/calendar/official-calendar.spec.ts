import { getDayDetail, isWorkday } from 'chinese-days';
import {
  addWorkingDays,
  CALENDAR_COVERAGE,
  CalendarUnknownError,
  holidayName,
  holidaysBetween,
  isOnOfficialCalendar,
  isWorkingDay,
  statutoryHolidayOn,
  statutoryHolidaysBetween,
} from './official-calendar';

// Years relative to the package's coverage, so the suite survives a package upgrade.
const { firstYear, lastYear } = CALENDAR_COVERAGE;
const afterCoverage = `${lastYear + 1}-03-02`;

function refusal(lookUp: () => unknown): CalendarUnknownError {
  try {
    lookUp();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarUnknownError);
    return error as CalendarUnknownError;
  }
  throw new Error('expected CalendarUnknownError, but the look-up answered');
}

describe('official Chinese calendar', () => {
  it('SD-15 knows the 2026 Spring Festival holiday and its make-up workday', () => {
    const days = holidaysBetween('2026-02-14', '2026-02-24').map((d) => d.date);
    expect(days[0]).toBe('2026-02-15');
    expect(days).toContain('2026-02-17');
    expect(days[days.length - 1]).toBe('2026-02-23');
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休 make-up workday
    expect(isWorkingDay('2026-02-17')).toBe(false);
    expect(isWorkingDay('2026-02-24')).toBe(true);
    expect(holidayName('2026-02-17')).toBe('Spring Festival');
  });

  it('SD-14 counts working days over the National Day holiday', () => {
    // 2026-09-30 (Wed) + 3 working days skips 1–7 October: 8 (Thu), 9 (Fri), 10 (Sat, make-up workday).
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('SD-15 lists Spring Festival 2026 (15–23 Feb) as statutory holidays, not the 14 Feb make-up workday or plain weekends', () => {
    const days = statutoryHolidaysBetween('2026-02-01', '2026-02-28');
    expect(days.map((d) => d.date)).toEqual(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']);
    expect(days.every((d) => d.name === 'Spring Festival')).toBe(true);
    expect(statutoryHolidaysBetween('2026-01-01', '2026-01-04').map((d) => d.name)).toEqual(["New Year's Day", "New Year's Day", "New Year's Day"]);
    expect(statutoryHolidaysBetween('2026-05-01', '2026-05-01')[0]?.name).toBe('Labour Day');
    expect(statutoryHolidayOn('2026-10-01')?.name).toBe('National Day');
    expect(statutoryHolidayOn('2026-03-07')).toBeNull();
    expect(statutoryHolidayOn('2026-02-14')).toBeNull();
  });

  it('SD-14 SD-15 derives the covered years from the package data, and they hold real arrangements', () => {
    expect(firstYear).toBeLessThanOrEqual(2026);
    expect(lastYear).toBeGreaterThanOrEqual(2026);
    // The data and the package's functions agree on the last covered year's New Year's Day.
    expect(getDayDetail(`${lastYear}-01-01`).work).toBe(false);
    expect(isOnOfficialCalendar(`${lastYear}-12-31`)).toBe(true);
    expect(isOnOfficialCalendar(`${lastYear + 1}-01-01`)).toBe(false);
    expect(isOnOfficialCalendar(`${firstYear - 1}-12-31`)).toBe(false);
    expect(isOnOfficialCalendar('not a date')).toBe(false);
  });

  it('SD-14 SD-15 never treats a date after the covered years as an ordinary weekday', () => {
    // The package itself would answer "working day" for a weekday it knows nothing about.
    expect(isWorkday(afterCoverage)).toBe(true);
    const error = refusal(() => isWorkingDay(afterCoverage));
    expect(error.date).toBe(afterCoverage);
    expect(error.covered).toEqual(CALENDAR_COVERAGE);
    expect(error.message).toContain(afterCoverage);
    expect(error.message).toContain(`${lastYear}-12-31`);
    refusal(() => holidayName(afterCoverage));
    refusal(() => holidaysBetween(`${lastYear}-12-01`, afterCoverage));
    refusal(() => statutoryHolidayOn(`${lastYear + 1}-01-01`));
    refusal(() => statutoryHolidaysBetween(`${lastYear + 1}-01-01`, `${lastYear + 1}-12-31`));
  });

  it('SD-14 refuses counting working days that run past the covered years', () => {
    const error = refusal(() => addWorkingDays(`${lastYear}-12-30`, 5));
    expect(error.date.startsWith(String(lastYear + 1))).toBe(true);
  });

  it('SD-14 SD-15 refuses dates before the covered years too', () => {
    refusal(() => isWorkingDay(`${firstYear - 1}-06-02`));
  });
});
