import type { DomainCommand } from '@ebp/shared-kernel';

export interface StaffDetails {
  name: string;
  department: string;
  roles?: string[];
  /** Responsible manager of `department`: the default target of transfers into it (SD-3). */
  isDepartmentManager?: boolean;
}

export type RegisterStaffMember = DomainCommand<'RegisterStaffMember', StaffDetails & { staffId: string }>;
/** Replaces every detail; omitted `roles`/`isDepartmentManager` mean none/false. */
export type UpdateStaffMember = DomainCommand<'UpdateStaffMember', StaffDetails & { staffId: string }>;
export type MarkStaffAbsent = DomainCommand<'MarkStaffAbsent', { staffId: string; reason?: string | null }>;
export type MarkStaffPresent = DomainCommand<'MarkStaffPresent', { staffId: string }>;

export type StaffCommand = RegisterStaffMember | UpdateStaffMember | MarkStaffAbsent | MarkStaffPresent;
