import type { DomainCommand } from '@ebp/shared-kernel';

export interface EmployeeDetails {
  name: string;
  position: string;
  department: string;
  managerId?: string | null;
}

export type HireEmployee = DomainCommand<'HireEmployee', EmployeeDetails & { staffId: string; baseSalaryFen: number; hireDate: string; by: string }>;
/** Replaces name, position, department and manager. */
export type ChangeEmployeeDetails = DomainCommand<'ChangeEmployeeDetails', EmployeeDetails & { staffId: string; by: string }>;
export type ChangeBaseSalary = DomainCommand<'ChangeBaseSalary', { staffId: string; baseSalaryFen: number; effectiveFrom: string; reason: string; by: string }>;
export type RecordLeaving = DomainCommand<'RecordLeaving', { staffId: string; leavingDate: string; reason?: string | null; by: string }>;

export type EmployeeCommand = HireEmployee | ChangeEmployeeDetails | ChangeBaseSalary | RecordLeaving;
