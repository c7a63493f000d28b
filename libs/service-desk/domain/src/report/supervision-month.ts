import { shanghaiDate } from '../calendar';

// A reporting month is an Asia/Shanghai calendar month written `YYYY-MM`.
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isSupervisionMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The Asia/Shanghai month (YYYY-MM) an instant falls in: 2026-03-31T23:30+08:00 is March. */
export function shanghaiMonth(instant: string): string {
  return shanghaiDate(instant).slice(0, 7);
}

function parts(month: string): [number, number] {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  return [Number(m[1]), Number(m[2])];
}

/** The month after `month` (2026-12 → 2027-01). */
export function nextMonth(month: string): string {
  const [year, mon] = parts(month);
  return mon === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${String(year).padStart(4, '0')}-${String(mon + 1).padStart(2, '0')}`;
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

/** The month's last calendar date (YYYY-MM-DD). */
export function lastDayOf(month: string): string {
  const [year, mon] = parts(month);
  return `${month}-${String(new Date(Date.UTC(year, mon, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The instant the month ends: midnight Asia/Shanghai starting the next month. */
export function monthEndInstant(month: string): string {
  return `${firstDayOf(nextMonth(month))}T00:00:00+08:00`;
}

/** SD-9: a month can be reported once it is over in Asia/Shanghai. */
export function monthHasEnded(month: string, now: string): boolean {
  return Date.parse(now) >= Date.parse(monthEndInstant(month));
}
