import { streamCategory } from '@ebp/shared-eventsourcing';
import { SERVICE_DESK_CONTEXT } from '../shared/context';

export const weeklyReportStreams = streamCategory(SERVICE_DESK_CONTEXT, 'weekly-report');
export const dutyRosterStreams = streamCategory(SERVICE_DESK_CONTEXT, 'duty-roster');

/** One weekly report per staff member and ISO week, e.g. `service-desk.weekly-report.ts-wang.2026-W10`. */
export const weeklyReportStream = (staffId: string, isoWeek: string): string => weeklyReportStreams.of(`${staffId}.${isoWeek}`);
/** One holiday duty roster per calendar year, e.g. `service-desk.duty-roster.2026`. */
export const dutyRosterStream = (year: number): string => dutyRosterStreams.of(String(year));
