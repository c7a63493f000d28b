import { getDayDetail, getHolidaysInRange, isWorkday } from 'chinese-days';

// The official Chinese calendar (holidays and 调休 make-up workdays) from the maintained
// `chinese-days` package, pinned in package.json; dates are Asia/Shanghai calendar dates.
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: string): string {
  return new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Working day per the official calendar: weekdays that are not holidays, plus make-up Saturdays/Sundays. */
export function isWorkingDay(date: string): boolean {
  return isWorkday(date);
}

/** The statutory-holiday days (法定节假日 and the rest days joined to them) between two dates, inclusive. */
export function holidaysBetween(from: string, to: string): { date: string; name: string }[] {
  return getHolidaysInRange(from, to, false).map((date) => ({ date, name: holidayName(date) }));
}

/** English name of the holiday a date belongs to (`Spring Festival`), or '' on an ordinary day. */
export function holidayName(date: string): string {
  const detail = getDayDetail(date);
  return detail.work ? '' : (detail.name.split(',')[0] ?? '');
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The date `n` working days after `date` (the day itself not counted). */
export function addWorkingDays(date: string, n: number): string {
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}
