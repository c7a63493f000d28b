import type { DomainEvent } from '@ebp/shared-eventsourcing';

/** HR-1: the employment record. Salaries are personal data: they never leave HR's own streams and views. */
export type EmployeeHired = DomainEvent<
  'EmployeeHired',
  {
    staffId: string;
    name: string;
    position: string;
    department: string;
    /** Staff id of the line manager (approves leave and corrections, enters commission and bonus), null for none. */
    managerId: string | null;
    /** Monthly base salary in fen. */
    baseSalaryFen: number;
    /** First day of employment (YYYY-MM-DD). */
    hireDate: string;
    /** Last day of probation (YYYY-MM-DD), from the probation policy in force on the hire date. */
    probationEnds: string;
    hiredBy: string;
    hiredAt: string;
  }
>;
export type EmployeeDetailsChanged = DomainEvent<
  'EmployeeDetailsChanged',
  { staffId: string; name: string; position: string; department: string; managerId: string | null; changedBy: string; changedAt: string }
>;
/** A new monthly base from a date on; earlier days keep the base then in force. */
export type BaseSalaryChanged = DomainEvent<
  'BaseSalaryChanged',
  { staffId: string; baseSalaryFen: number; effectiveFrom: string; reason: string; changedBy: string; changedAt: string }
>;
export type EmployeeLeft = DomainEvent<'EmployeeLeft', { staffId: string; leavingDate: string; reason: string | null; recordedBy: string; recordedAt: string }>;

export type EmployeeEvent = EmployeeHired | EmployeeDetailsChanged | BaseSalaryChanged | EmployeeLeft;
