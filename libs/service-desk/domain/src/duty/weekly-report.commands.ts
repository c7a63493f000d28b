import type { DomainCommand } from '@ebp/shared-kernel';

/**
 * SD-10: a technical-service staff member's weekly summary. Submitting again is a **revision**:
 * every version is kept; on-time/late compliance is decided by the first submission.
 */
export type SubmitWeeklyReport = DomainCommand<
  'SubmitWeeklyReport',
  {
    /** The staff member the report is for. */
    staffId: string;
    /** ISO week, e.g. `2026-W10`. */
    week: string;
    serviceSituation: string;
    customerFeedback: string;
    /** The caller; must be the staff member themself. */
    authorId: string;
  }
>;

export type WeeklyReportCommand = SubmitWeeklyReport;
