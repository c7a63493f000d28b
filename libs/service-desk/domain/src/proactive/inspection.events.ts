import type { DomainEvent } from '@ebp/shared-eventsourcing';

export const FINDING_SEVERITIES = ['low', 'medium', 'high'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export interface InspectionFinding {
  description: string;
  severity: FindingSeverity;
}

export type InspectionRecorded = DomainEvent<
  'InspectionRecorded',
  {
    inspectionId: string;
    projectId: string;
    customerId: string;
    inspectorId: string;
    inspectorDepartment: string;
    inspectedAt: string;
    recordedAt: string;
    findings: InspectionFinding[];
  }
>;

export type InspectionEvent = InspectionRecorded;
