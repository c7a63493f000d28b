import { streamCategory } from '@ebp/shared-eventsourcing';
import { SERVICE_DESK_CONTEXT } from '../shared/context';

export const supervisionReportStreams = streamCategory(SERVICE_DESK_CONTEXT, 'supervision-report');

/** One stream per reported month, e.g. `service-desk.supervision-report.2026-03`. */
export const supervisionReportStream = (month: string): string => supervisionReportStreams.of(month);
