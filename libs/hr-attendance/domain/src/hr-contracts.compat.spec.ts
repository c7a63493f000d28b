import { toPublishedHrEvent, type HrSourceEvent } from '@ebp/hr-attendance-contracts';
import { recorded } from '@ebp/shared-eventsourcing/testing';
import type { EmployeeEvent } from './employee/employee.events';
import type { PayrollMonthEvent } from './payroll/payroll-month.events';
import { employeeStream, payrollMonthStream, staffMonthStream } from './shared/streams';
import type { StaffMonthEvent } from './staff-month/staff-month.events';

// Compile-time: the published domain events stay readable by the contract's view of them.
const asSource = (event: Extract<EmployeeEvent | StaffMonthEvent | PayrollMonthEvent, { type: HrSourceEvent['type'] }>): HrSourceEvent => event;

const AT = '2026-03-02T09:00:00+08:00';
const meta = (streamId: string) => ({ streamId, eventId: 'e-1', position: 7, occurredAt: AT, correlationId: 'corr-1', causationId: null });

describe('HR published language', () => {
  const hired = asSource({
    type: 'EmployeeHired',
    data: {
      staffId: 'cs-li',
      name: 'Li Na',
      position: 'hotline agent',
      department: 'customer-service',
      managerId: 'cs-mgr',
      baseSalaryFen: 600_000,
      hireDate: '2026-03-02',
      probationEnds: '2026-06-01',
      hiredBy: 'hr-zhou',
      hiredAt: AT,
    },
  });

  it('HR-1 publishes a hire as hr-attendance.employee-hired.v1 without the salary', () => {
    const published = toPublishedHrEvent(recorded(hired, meta(employeeStream('cs-li'))));
    expect(published).toEqual({
      type: 'hr-attendance.employee-hired.v1',
      id: 'e-1',
      source: 'hr-attendance',
      subject: 'cs-li',
      streamId: 'hr-attendance.employee.cs-li',
      position: 7,
      occurredAt: AT,
      correlationId: 'corr-1',
      causationId: null,
      data: { staffId: 'cs-li', name: 'Li Na', position: 'hotline agent', department: 'customer-service', managerId: 'cs-mgr', hireDate: '2026-03-02' },
    });
    expect(JSON.stringify(published)).not.toContain('600000');
  });

  it('HR-3 publishes the lateness violation for the manager', () => {
    const violation = asSource({ type: 'LatenessViolationRaised', data: { staffId: 'cs-li', month: '2026-03', date: '2026-03-12', lateCount: 3, managerId: 'cs-mgr', raisedAt: AT } });
    expect(toPublishedHrEvent(recorded(violation, meta(staffMonthStream('2026-03', 'cs-li'))))).toMatchObject({
      type: 'hr-attendance.lateness-violation-raised.v1',
      subject: 'cs-li',
      data: { staffId: 'cs-li', month: '2026-03', date: '2026-03-12', lateCount: 3, managerId: 'cs-mgr' },
    });
  });

  it('HR-6 publishes the month close without amounts', () => {
    const closed = asSource({ type: 'PayrollMonthClosed', data: { month: '2026-03', payslipCount: 12, totalNetFen: 9_000_000, closedBy: 'hr-zhou', closedAt: AT } });
    expect(toPublishedHrEvent(recorded(closed, meta(payrollMonthStream('2026-03'))))).toMatchObject({
      type: 'hr-attendance.payroll-month-closed.v1',
      subject: '2026-03',
      data: { month: '2026-03', payslipCount: 12, closedAt: AT },
    });
    expect(toPublishedHrEvent(recorded(closed, meta(payrollMonthStream('2026-03'))))?.data).not.toHaveProperty('totalNetFen');
  });

  it('HR-6 publishes nothing of attendance, fines or payslips', () => {
    const signedIn = { type: 'SignedIn', data: { staffId: 'cs-li', month: '2026-03', date: '2026-03-02', at: AT, source: 'self', workingDay: true, minutesLate: 30, workStart: '08:30', graceMinutes: 0 } };
    expect(toPublishedHrEvent(recorded(signedIn, meta(staffMonthStream('2026-03', 'cs-li'))))).toBeNull();
    expect(toPublishedHrEvent(recorded({ type: 'BaseSalaryChanged', data: {} }, meta(employeeStream('cs-li'))))).toBeNull();
  });
});
