import type { Employee } from '@ebp/hr-attendance-domain';

/** Who a row is about, without the salary (personal data that only payslips and the record show). */
export interface HrPersonRef {
  staffId: string;
  name: string;
  position: string;
  department: string;
  managerId: string | null;
}

export const personOf = (e: Employee): HrPersonRef => ({ staffId: e.staffId, name: e.name, position: e.position, department: e.department, managerId: e.managerId });
