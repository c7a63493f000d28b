/**
 * Stream ids of this area. The ids put a dash inside the category name, so `categoryOf` yields
 * `service-desk.weekly` / `service-desk.duty`; projections match on these prefixes instead.
 */
export const WEEKLY_REPORT_STREAM_PREFIX = 'service-desk.weekly-report-';
export const DUTY_ROSTER_STREAM_PREFIX = 'service-desk.duty-roster-';

/** One weekly report per staff member and ISO week, e.g. `service-desk.weekly-report-ts-wang-2026-W10`. */
export const weeklyReportStream = (staffId: string, isoWeek: string): string => `${WEEKLY_REPORT_STREAM_PREFIX}${staffId}-${isoWeek}`;

/** One holiday duty roster per calendar year, e.g. `service-desk.duty-roster-2026`. */
export const dutyRosterStream = (year: number): string => `${DUTY_ROSTER_STREAM_PREFIX}${year}`;

export const isWeeklyReportStream = (streamId: string): boolean => streamId.startsWith(WEEKLY_REPORT_STREAM_PREFIX);
export const isDutyRosterStream = (streamId: string): boolean => streamId.startsWith(DUTY_ROSTER_STREAM_PREFIX);
