import type { DomainEvent } from '@ebp/shared-eventsourcing';

/** The details every registration and update carries in full. */
export interface StaffEventDetails {
  staffId: string;
  name: string;
  department: string;
  roles: string[];
  isDepartmentManager: boolean;
}

export type StaffMemberRegistered = DomainEvent<'StaffMemberRegistered', StaffEventDetails & { registeredAt: string }>;
export type StaffMemberUpdated = DomainEvent<'StaffMemberUpdated', StaffEventDetails & { updatedAt: string }>;
export type StaffMemberMarkedAbsent = DomainEvent<
  'StaffMemberMarkedAbsent',
  { staffId: string; reason: string | null; absentSince: string }
>;
export type StaffMemberMarkedPresent = DomainEvent<'StaffMemberMarkedPresent', { staffId: string; presentSince: string }>;

export type StaffEvent = StaffMemberRegistered | StaffMemberUpdated | StaffMemberMarkedAbsent | StaffMemberMarkedPresent;
