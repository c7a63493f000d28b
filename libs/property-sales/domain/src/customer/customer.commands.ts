import type { DomainCommand } from '@ebp/shared-kernel';
import type { PsActor } from '../project/project.commands';

/**
 * Who acts for an agency: the token's subject and roles, and `agencyId` — the agency the command
 * names when the caller is a member of it (from the agency stream), else null.
 */
export interface AgencyActor extends PsActor {
  agencyId: string | null;
  /** Their role in that agency (AgencyMemberAdded / the registered supervisor), null when no member. */
  agencyRole?: 'salesperson' | 'agency-supervisor' | null;
}

/**
 * PS-2: the receiving salesperson registers a visitor at first reception. `agencyId` is the
 * salesperson's agency (the body names it; the application layer checks membership on the agency stream).
 */
export type RegisterCustomer = DomainCommand<
  'RegisterCustomer',
  { name: string; phone: string; idNumber?: string | null; projectId: string; agencyId: string; actor: AgencyActor }
>;

export type CustomerCommand = RegisterCustomer;
