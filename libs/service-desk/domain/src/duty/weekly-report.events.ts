import type { DomainEvent } from '@ebp/shared-eventsourcing';

export type WeeklyReportSubmitted = DomainEvent<
  'WeeklyReportSubmitted',
  {
    staffId: string;
    week: string;
    /** 1 for the first submission; higher numbers are revisions. */
    version: number;
    serviceSituation: string;
    customerFeedback: string;
    submittedAt: string;
    /** The deadline of the policy version in force on that week's Friday. */
    deadline: string;
    late: boolean;
  }
>;

export type WeeklyReportEvent = WeeklyReportSubmitted;
