import { inForce, type PolicyHistory } from '../policies';

/** SD-16 **Policy**: a project is inspected (巡检) at least every this many calendar months. */
export const INSPECTION_INTERVAL: PolicyHistory<{ months: number }> = [{ effectiveFrom: '2000-01-01', value: { months: 3 } }];

/** The same day `months` later; clamped to the month's last day (2026-11-30 + 3 → 2027-02-28). */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** SD-16: the next inspection is due one interval (version in force on the last inspection's date) later. */
export function nextInspectionDue(lastInspectionDate: string, history: PolicyHistory<{ months: number }> = INSPECTION_INTERVAL): string {
  return addCalendarMonths(lastInspectionDate, inForce(history, lastInspectionDate).months);
}
