import type { DomainCommand } from '@ebp/shared-kernel';
import type { SupervisionFigures } from './supervision-figures';

export type SubmitSupervisionReport = DomainCommand<
  'SubmitSupervisionReport',
  {
    month: string;
    submittedBy: string;
    /** The caller's roles: only the business department reports (SD-9). */
    submitterRoles: readonly string[];
    /** The general manager the report is addressed to, from the staff directory. */
    generalManagerId: string;
    /** Computed by the application layer at submission; the event freezes them. */
    figures: SupervisionFigures;
    comments?: string | null;
  }
>;

export type SupervisionReportCommand = SubmitSupervisionReport;
