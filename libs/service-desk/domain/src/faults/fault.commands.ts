import type { DomainCommand } from '@ebp/shared-kernel';
import type { ServiceDeskPolicies } from '../shared/service-desk.policy';

/** Who issues a command, as the application layer found them on the staff register. */
export interface FaultActor {
  staffId: string;
  roles: readonly string[];
  department?: string | null;
  isDepartmentManager?: boolean;
}

export type ReportFault = DomainCommand<
  'ReportFault',
  {
    faultId: string;
    reportedBy: string;
    occurredAt: string;
    location: string;
    symptoms: string;
    contingencyPlan: string;
    customerId: string;
    projectId?: string | null;
    /** From the project directory; null when there is no project or it has no signer. */
    businessSignerId?: string | null;
    /** A registered staff member, checked by the application layer. */
    managerInChargeId: string;
  }
>;

export type AcknowledgeFault = DomainCommand<'AcknowledgeFault', { faultId: string; actor: FaultActor }>;

export type EscalateToLeadership = DomainCommand<
  'EscalateToLeadership',
  { faultId: string; actor: FaultActor; generalManagerId: string; note?: string | null }
>;

export type RecordFaultProgress = DomainCommand<'RecordFaultProgress', { faultId: string; actor: FaultActor; note: string }>;

export type ResolveFault = DomainCommand<
  'ResolveFault',
  {
    faultId: string;
    actor: FaultActor;
    /** When the fault ended; defaults to `metadata.now`. */
    resolvedAt?: string;
    /** Defaults to DEFAULT_POLICIES. */
    policies?: Pick<ServiceDeskPolicies, 'faultAnalysisDue'>;
  }
>;

export type FileFaultAnalysis = DomainCommand<
  'FileFaultAnalysis',
  {
    faultId: string;
    actor: FaultActor;
    impact: string;
    handling: string;
    rootCause: string;
    correctiveMeasures: string;
    preventiveMeasures: string;
    /** The business department the report is delivered to, besides the customer. */
    businessDepartment?: string;
  }
>;

export type CloseFault = DomainCommand<'CloseFault', { faultId: string; actor: FaultActor }>;

export type FaultCommand =
  | ReportFault
  | AcknowledgeFault
  | EscalateToLeadership
  | RecordFaultProgress
  | ResolveFault
  | FileFaultAnalysis
  | CloseFault;
