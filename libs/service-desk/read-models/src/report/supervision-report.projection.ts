import type { Projection, RecordedEvent } from '@ebp/shared-eventsourcing';
import { supervisionReportStreams, type SupervisionReportSubmitted } from '@ebp/service-desk-domain';

export const SUPERVISION_REPORTS_COLLECTION = 'sd_supervision_reports';

export type SubmittedSupervisionReport = SupervisionReportSubmitted['data'];

/** SD-9: every submitted version of a month's report, exactly as submitted (frozen figures). */
export interface SupervisionReportView {
  month: string;
  latestVersion: number;
  versions: SubmittedSupervisionReport[];
  updatedAt: string;
}

export function evolveSupervisionReportView(doc: SupervisionReportView | null, event: RecordedEvent): SupervisionReportView | null {
  if (event.type !== 'SupervisionReportSubmitted') return doc;
  const d = event.data as SubmittedSupervisionReport;
  return {
    month: d.month,
    latestVersion: d.version,
    versions: [...(doc?.versions ?? []).filter((v) => v.version !== d.version), d],
    updatedAt: event.metadata.occurredAt,
  };
}

export const supervisionReportProjection: Projection<SupervisionReportView> = {
  name: 'service-desk-supervision-reports',
  collection: SUPERVISION_REPORTS_COLLECTION,
  documentId: (event) =>
    supervisionReportStreams.owns(event.metadata.streamId) && event.type === 'SupervisionReportSubmitted'
      ? (event.data as SubmittedSupervisionReport).month
      : null,
  evolve: evolveSupervisionReportView,
};
