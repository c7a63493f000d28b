import type { DomainCommand } from '@ebp/shared-kernel';

/** A quality inspection (巡检) of a project; reference data (customer, department) comes from the app layer. */
export type RecordInspection = DomainCommand<
  'RecordInspection',
  {
    inspectionId: string;
    projectId: string;
    /** The project's customer, looked up from the project directory. */
    customerId: string;
    /** The project manager who inspected (the actor). */
    inspectorId: string;
    /** The inspector's department from the staff register; findings' tickets start there. */
    inspectorDepartment: string;
    inspectedAt: string;
    findings: readonly { description: string; severity: string }[];
  }
>;

export type InspectionCommand = RecordInspection;
