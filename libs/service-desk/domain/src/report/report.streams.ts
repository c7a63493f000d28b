/**
 * Stream ids of SD-9. The month (`YYYY-MM`) and the category both hold dashes, so `categoryOf`
 * would yield `service-desk.supervision`; match on this prefix instead.
 */
export const SUPERVISION_REPORT_STREAM_PREFIX = 'service-desk.supervision-report-';

/** One stream per reported month, e.g. `service-desk.supervision-report-2026-03`. */
export const supervisionReportStream = (month: string): string => `${SUPERVISION_REPORT_STREAM_PREFIX}${month}`;

export const isSupervisionReportStream = (streamId: string): boolean => streamId.startsWith(SUPERVISION_REPORT_STREAM_PREFIX);
