import { streamCategory } from '@ebp/shared-eventsourcing';
import { HR_CONTEXT } from './context';

export const employeeStreams = streamCategory(HR_CONTEXT, 'employee');
export const staffMonthStreams = streamCategory(HR_CONTEXT, 'staff-month');
export const payrollMonthStreams = streamCategory(HR_CONTEXT, 'payroll-month');

/** The employment record, e.g. `hr-attendance.employee.cs-li`. */
export const employeeStream = (staffId: string): string => employeeStreams.of(staffId);
/** Everything of one staff member's month that reaches the payslip, e.g. `hr-attendance.staff-month.2026-03.cs-li`. */
export const staffMonthStream = (month: string, staffId: string): string => staffMonthStreams.of(`${month}.${staffId}`);
/** The month's payroll close, e.g. `hr-attendance.payroll-month.2026-03`. */
export const payrollMonthStream = (month: string): string => payrollMonthStreams.of(month);

/** `{ month, staffId }` of a staff-month stream (the month never holds a dot), null for any other stream. */
export function staffMonthOf(streamId: string): { month: string; staffId: string } | null {
  const id = staffMonthStreams.idOf(streamId);
  if (!id) return null;
  const dot = id.indexOf('.');
  return dot < 0 ? null : { month: id.slice(0, dot), staffId: id.slice(dot + 1) };
}
