import type { Projection, RecordedEvent } from '@ebp/shared-eventsourcing';
import { weeklyReportStreams, type WeeklyReportEvent } from '@ebp/service-desk-domain';

export const WEEKLY_REPORTS_COLLECTION = 'sd_weekly_reports';

export interface WeeklyReportVersionView {
  version: number;
  submittedAt: string;
  late: boolean;
  serviceSituation: string;
  customerFeedback: string;
}

/** SD-10: one document per staff member and ISO week, every submitted version kept. */
export interface WeeklyReportView {
  staffId: string;
  week: string;
  deadline: string;
  /** From the first submission; revisions do not change it. */
  status: 'on-time' | 'late';
  firstSubmittedAt: string;
  lastSubmittedAt: string;
  versions: WeeklyReportVersionView[];
}

export function evolveWeeklyReportView(doc: WeeklyReportView | null, event: WeeklyReportEvent): WeeklyReportView | null {
  const d = event.data;
  const version: WeeklyReportVersionView = {
    version: d.version,
    submittedAt: d.submittedAt,
    late: d.late,
    serviceSituation: d.serviceSituation,
    customerFeedback: d.customerFeedback,
  };
  if (!doc) {
    return {
      staffId: d.staffId,
      week: d.week,
      deadline: d.deadline,
      status: d.late ? 'late' : 'on-time',
      firstSubmittedAt: d.submittedAt,
      lastSubmittedAt: d.submittedAt,
      versions: [version],
    };
  }
  return { ...doc, lastSubmittedAt: d.submittedAt, versions: [...doc.versions, version] };
}

export const weeklyReportProjection: Projection<WeeklyReportView> = {
  name: 'service-desk-weekly-reports',
  collection: WEEKLY_REPORTS_COLLECTION,
  indexes: ['week', 'staffId'],
  documentId: (event) => {
    if (!weeklyReportStreams.owns(event.metadata.streamId) || event.type !== 'WeeklyReportSubmitted') return null;
    const d = event.data as { staffId: string; week: string };
    return `${d.week}:${d.staffId}`;
  },
  evolve: (doc, event: RecordedEvent) => evolveWeeklyReportView(doc, { type: 'WeeklyReportSubmitted', data: event.data } as WeeklyReportEvent),
};
