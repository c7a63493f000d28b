import { daysInMonth, shanghaiDate } from './calendar-date';

// A month is an Asia/Shanghai calendar month written `YYYY-MM`.
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isMonth(value: string): boolean {
  return typeof value === 'string' && MONTH.test(value);
}

function parts(month: string): [number, number] {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  return [Number(m[1]), Number(m[2])];
}

/** The Asia/Shanghai month an instant falls in: 2026-03-31T23:30+08:00 is March. */
export function shanghaiMonth(instant: string): string {
  return shanghaiDate(instant).slice(0, 7);
}

/** The month after `month` (2026-12 → 2027-01). */
export function nextMonth(month: string): string {
  const [year, mon] = parts(month);
  return mon === 12 ? `${pad(year + 1, 4)}-01` : `${pad(year, 4)}-${pad(mon + 1)}`;
}

/** The month before `month` (2026-01 → 2025-12). */
export function previousMonth(month: string): string {
  const [year, mon] = parts(month);
  return mon === 1 ? `${pad(year - 1, 4)}-12` : `${pad(year, 4)}-${pad(mon - 1)}`;
}

export function firstDayOf(month: string): string {
  parts(month);
  return `${month}-01`;
}

/** The month's last calendar date (YYYY-MM-DD). */
export function lastDayOf(month: string): string {
  const [year, mon] = parts(month);
  return `${month}-${pad(daysInMonth(year, mon))}`;
}

/** The instant the month starts: midnight Asia/Shanghai of its first day. */
export function monthStartInstant(month: string): string {
  return `${firstDayOf(month)}T00:00:00+08:00`;
}

/** The instant the month ends: midnight Asia/Shanghai starting the next month. */
export function monthEndInstant(month: string): string {
  return monthStartInstant(nextMonth(month));
}

/** Whether the month is over in Asia/Shanghai at `now`. */
export function monthHasEnded(month: string, now: string): boolean {
  return Date.parse(now) >= Date.parse(monthEndInstant(month));
}
