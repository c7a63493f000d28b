import type { DomainEvent } from '@ebp/shared-eventsourcing';

/** SD-14: the first employee informed reports the fault; the signer and manager in charge are notified. */
export type FaultReported = DomainEvent<
  'FaultReported',
  {
    faultId: string;
    reportedBy: string;
    reportedAt: string;
    occurredAt: string;
    location: string;
    symptoms: string;
    contingencyPlan: string;
    customerId: string;
    projectId: string | null;
    /** The project's business signer (业务签单人员), when the fault concerns a project that has one. */
    businessSignerId: string | null;
    managerInChargeId: string;
    /** Staff ids notified on report: the business signer (if any) and the manager in charge. */
    notified: string[];
  }
>;

export type FaultAcknowledged = DomainEvent<'FaultAcknowledged', { faultId: string; acknowledgedBy: string; acknowledgedAt: string }>;

/** SD-14: the manager in charge informs top leadership (the general manager). */
export type FaultEscalatedToLeadership = DomainEvent<
  'FaultEscalatedToLeadership',
  { faultId: string; escalatedBy: string; escalatedAt: string; generalManagerId: string; note: string | null }
>;

export type FaultProgressRecorded = DomainEvent<
  'FaultProgressRecorded',
  { faultId: string; recordedBy: string; recordedAt: string; note: string }
>;

export type FaultResolved = DomainEvent<
  'FaultResolved',
  {
    faultId: string;
    resolvedBy: string;
    resolvedAt: string;
    /** SD-14 Policy: last Asia/Shanghai date the analysis report is due (policy version in force on the resolution date). */
    analysisDueOn: string;
  }
>;

export type FaultAnalysisFiled = DomainEvent<
  'FaultAnalysisFiled',
  {
    faultId: string;
    filedBy: string;
    filedAt: string;
    impact: string;
    handling: string;
    rootCause: string;
    correctiveMeasures: string;
    preventiveMeasures: string;
    /** Recipients the report was delivered to: the customer and the business department. */
    deliveredTo: string[];
    /** Filed after its due date. */
    late: boolean;
  }
>;

export type FaultClosed = DomainEvent<'FaultClosed', { faultId: string; closedBy: string; closedAt: string; customerId: string; projectId: string | null }>;

export type FaultEvent =
  | FaultReported
  | FaultAcknowledged
  | FaultEscalatedToLeadership
  | FaultProgressRecorded
  | FaultResolved
  | FaultAnalysisFiled
  | FaultClosed;
