import type { DomainEvent } from '@ebp/shared-eventsourcing';
import type { SupervisionFigures } from './supervision-figures';

export type SupervisionReportSubmitted = DomainEvent<
  'SupervisionReportSubmitted',
  {
    month: string;
    /** 1 for the first submission; a correction is the next version, earlier ones stay. */
    version: number;
    submittedBy: string;
    submittedAt: string;
    addressedTo: string;
    figures: SupervisionFigures;
    comments: string | null;
  }
>;

export type SupervisionReportEvent = SupervisionReportSubmitted;
