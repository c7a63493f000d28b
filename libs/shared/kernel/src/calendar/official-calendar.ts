import { getDayDetail, getHolidaysInRange, isWorkday } from 'chinese-days';
import calendarData from 'chinese-days/dist/chinese-days.json';
import { addDays, isCalendarDate } from './calendar-date';

// The official Chinese calendar (holidays and 调休 make-up workdays) from the `chinese-days`
// package pinned in package.json; dates are Asia/Shanghai calendar dates (YYYY-MM-DD).

/** The whole years the pinned package has official arrangements for. */
export interface CalendarCoverage {
  firstYear: number;
  lastYear: number;
  /** `<firstYear>-01-01` */
  from: string;
  /** `<lastYear>-12-31` */
  to: string;
}

/** Derived from the package's own data, so upgrading the package widens it with no code change. */
function coverageOf(data: Record<string, Record<string, string>>): CalendarCoverage {
  const years = Object.values(data).flatMap((days) => Object.keys(days).map((date) => Number(date.slice(0, 4))));
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  return { firstYear, lastYear, from: `${firstYear}-01-01`, to: `${lastYear}-12-31` };
}

export const CALENDAR_COVERAGE: CalendarCoverage = coverageOf(calendarData);

/** A date the pinned calendar has no arrangements for: its holidays are not known yet (or any more). */
export class CalendarUnknownError extends Error {
  constructor(
    readonly date: string,
    readonly covered: CalendarCoverage = CALENDAR_COVERAGE,
  ) {
    super(`the official calendar of ${date} is not known: the pinned chinese-days covers ${covered.from} to ${covered.to}`);
    this.name = 'CalendarUnknownError';
  }
}

export function isOnOfficialCalendar(date: string): boolean {
  const year = Number(String(date).slice(0, 4));
  return year >= CALENDAR_COVERAGE.firstYear && year <= CALENDAR_COVERAGE.lastYear;
}

/** Outside the covered years the package would call every weekday a working day; refuse instead. */
function covered(date: string): string {
  if (!isOnOfficialCalendar(date)) throw new CalendarUnknownError(date);
  return date;
}

// The package answers from its data on every call; a pinned calendar never changes, so remember it
// (covered calendar dates only, so the maps stay bounded whatever callers pass).
const workingDays = new Map<string, boolean>();
const holidays = new Map<string, StatutoryHoliday | null>();

/** Working day per the official calendar: weekdays that are not holidays, plus make-up Saturdays/Sundays. */
export function isWorkingDay(date: string): boolean {
  let known = workingDays.get(date);
  if (known === undefined) {
    known = isWorkday(covered(date));
    if (isCalendarDate(date)) workingDays.set(date, known);
  }
  return known;
}

/** The statutory-holiday days (法定节假日 and the rest days joined to them) between two dates, inclusive. */
export function holidaysBetween(from: string, to: string): { date: string; name: string }[] {
  return getHolidaysInRange(covered(from), covered(to), false).map((date) => ({ date, name: holidayName(date) }));
}

/** English name of the holiday a date belongs to (`Spring Festival`, or the weekday on a weekend), '' on a working day. */
export function holidayName(date: string): string {
  const detail = getDayDetail(covered(date));
  return detail.work ? '' : (detail.name.split(',')[0] ?? '');
}

/** The date `n` working days after `date` (the day itself not counted). */
export function addWorkingDays(date: string, n: number): string {
  let day = covered(date);
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

// A rest day the package names by its weekday is an ordinary weekend, not a statutory holiday.
const WEEKDAY_NAMES: ReadonlySet<string> = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

export interface StatutoryHoliday {
  date: string;
  name: string;
}

/** Statutory-holiday days (New Year, Spring Festival, …) between two dates, inclusive; weekends and make-up workdays excluded. */
export function statutoryHolidaysBetween(from: string, to: string): StatutoryHoliday[] {
  return holidaysBetween(from, to).filter((day) => day.name !== '' && !WEEKDAY_NAMES.has(day.name));
}

/** The statutory holiday a date belongs to, or null. */
export function statutoryHolidayOn(date: string): StatutoryHoliday | null {
  let known = holidays.get(date);
  if (known === undefined) {
    known = statutoryHolidaysBetween(date, date)[0] ?? null;
    if (isCalendarDate(date)) holidays.set(date, known);
  }
  return known;
}
