import { DomainError } from '@ebp/shared-eventsourcing';
import { addDays } from './calendar-date';

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

export interface IsoWeek {
  isoYear: number;
  week: number;
}

/** 1 = Monday … 7 = Sunday of a calendar date. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The ISO week a calendar date (Asia/Shanghai) belongs to: the week of its Thursday. */
export function isoWeekOf(date: string): IsoWeek {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const isoYear = Number(thursday.slice(0, 4));
  const dayOfYear = (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${isoYear}-01-01T00:00:00Z`)) / 86_400_000;
  return { isoYear, week: Math.floor(dayOfYear / 7) + 1 };
}

export function formatIsoWeek({ isoYear, week }: IsoWeek): string {
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/** Number of ISO weeks in a year (52 or 53): the week of 28 December. */
export function isoWeeksInYear(isoYear: number): number {
  return isoWeekOf(`${isoYear}-12-28`).week;
}

/** Parses `2026-W10`; refuses malformed or non-existent weeks naming the caller's rule and field. */
export function parseIsoWeek(text: string, rule: string, field = 'week'): IsoWeek {
  const match = ISO_WEEK.exec(typeof text === 'string' ? text.trim() : '');
  const isoWeek = match ? { isoYear: Number(match[1]), week: Number(match[2]) } : null;
  if (!isoWeek || isoWeek.week < 1 || isoWeek.week > isoWeeksInYear(isoWeek.isoYear)) {
    throw new DomainError(rule, `${field} must be an ISO week like 2026-W10, got '${text}'`, 'invalid', field);
  }
  return isoWeek;
}

/** The calendar date of a weekday (1 = Monday … 7 = Sunday) in an ISO week. */
export function isoWeekDate({ isoYear, week }: IsoWeek, weekday: number): string {
  const jan4 = `${isoYear}-01-04`;
  const mondayOfWeek1 = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(mondayOfWeek1, (week - 1) * 7 + weekday - 1);
}

/** Monday and Sunday of an ISO week. */
export function isoWeekDates(isoWeek: IsoWeek): { monday: string; sunday: string } {
  return { monday: isoWeekDate(isoWeek, 1), sunday: isoWeekDate(isoWeek, 7) };
}

/** Midnight Asia/Shanghai at the start of the week's Monday. */
export function isoWeekStart(isoWeek: IsoWeek): string {
  return `${isoWeekDate(isoWeek, 1)}T00:00:00+08:00`;
}
