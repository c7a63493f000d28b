import type { DomainCommand } from '@ebp/shared-kernel';
import type { ShirkingKind, ShirkingSanction } from './shirking-finding.events';

/** The caller as the application layer knows them: token roles plus the staff directory. */
export interface SupervisorCandidate {
  staffId: string;
  roles: readonly string[];
  /** True when the staff directory records the caller as a department's responsible manager. */
  isDepartmentManager: boolean;
}

export type RecordShirkingFinding = DomainCommand<
  'RecordShirkingFinding',
  {
    findingId: string;
    supervisor: SupervisorCandidate;
    /** The ticket from the read model (the application layer refuses an unknown one). */
    ticket: { ticketId: string; customerId: string };
    /** The staff member from the directory. */
    staffMember: { staffId: string; name: string; department: string };
    kind: ShirkingKind;
    sanction: ShirkingSanction;
    description: string;
  }
>;

export type ShirkingFindingCommand = RecordShirkingFinding;
