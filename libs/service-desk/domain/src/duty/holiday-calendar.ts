import { holidaysBetween } from '../calendar';

// `holidaysBetween` also lists ordinary weekends; those carry the weekday as their name.
const WEEKDAY_NAMES: ReadonlySet<string> = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

export interface StatutoryHoliday {
  date: string;
  name: string;
}

/** SD-15: statutory-holiday days (New Year, Spring Festival, …) between two dates, inclusive; make-up workdays excluded. */
export function statutoryHolidaysBetween(from: string, to: string): StatutoryHoliday[] {
  return holidaysBetween(from, to).filter((day) => day.name !== '' && !WEEKDAY_NAMES.has(day.name));
}

/** The statutory holiday a date belongs to, or null. */
export function statutoryHolidayOn(date: string): StatutoryHoliday | null {
  return statutoryHolidaysBetween(date, date)[0] ?? null;
}
