import type { DomainCommand } from '@ebp/shared-kernel';

export type RegisterProject = DomainCommand<
  'RegisterProject',
  {
    projectId: string;
    name: string;
    customerId: string;
    /** The project's business signer (业务签单人员), notified of major faults (SD-14). */
    businessSignerId?: string | null;
  }
>;
/** The customer is fixed at registration; name and business signer may change. */
export type UpdateProject = DomainCommand<
  'UpdateProject',
  { projectId: string; name: string; businessSignerId?: string | null }
>;
export type ProjectCommand = RegisterProject | UpdateProject;
