import { integrationEnvelope, streamCategory, type IntegrationEvent, type IntegrationMapping, type RecordedEvent } from '@ebp/shared-eventsourcing';

/**
 * HR's published language (docs/asyncapi/hr-attendance.yaml), on `hr-attendance.integration.v1`.
 * HR owns the employment record: the service desk's staff directory follows these events
 * (docs/rules/hr-attendance.md, "HR and the service desk"). Salaries, attendance details, fines
 * and payslips are personal data and are never published. Versioned: a breaking change ships as
 * `.v2` beside `.v1`.
 */
export const HR_ATTENDANCE_SOURCE = 'hr-attendance' as const;

export type HrIntegrationEventEnvelope<T extends string, D> = IntegrationEvent<T, D> & { source: typeof HR_ATTENDANCE_SOURCE };

export interface EmployeeHiredV1Data {
  /** The staff id every context uses for this person (the subject). */
  staffId: string;
  name: string;
  position: string;
  department: string;
  /** Staff id of the line manager, null for none. */
  managerId: string | null;
  /** First day of employment, YYYY-MM-DD. */
  hireDate: string;
}

export interface EmployeeDetailsChangedV1Data {
  staffId: string;
  name: string;
  position: string;
  department: string;
  managerId: string | null;
}

export interface EmployeeLeftV1Data {
  staffId: string;
  /** Last day of employment, YYYY-MM-DD. */
  leavingDate: string;
}

/** HR-3: the month's lates reached the violation count; for the manager's follow-up. */
export interface LatenessViolationRaisedV1Data {
  staffId: string;
  /** YYYY-MM */
  month: string;
  /** Day of the late arrival that reached the count. */
  date: string;
  lateCount: number;
  managerId: string | null;
}

/** HR-6: every payslip of the month is issued and frozen. */
export interface PayrollMonthClosedV1Data {
  /** YYYY-MM */
  month: string;
  payslipCount: number;
  closedAt: string;
}

export type EmployeeHiredV1 = HrIntegrationEventEnvelope<'hr-attendance.employee-hired.v1', EmployeeHiredV1Data>;
export type EmployeeDetailsChangedV1 = HrIntegrationEventEnvelope<'hr-attendance.employee-details-changed.v1', EmployeeDetailsChangedV1Data>;
export type EmployeeLeftV1 = HrIntegrationEventEnvelope<'hr-attendance.employee-left.v1', EmployeeLeftV1Data>;
export type LatenessViolationRaisedV1 = HrIntegrationEventEnvelope<'hr-attendance.lateness-violation-raised.v1', LatenessViolationRaisedV1Data>;
export type PayrollMonthClosedV1 = HrIntegrationEventEnvelope<'hr-attendance.payroll-month-closed.v1', PayrollMonthClosedV1Data>;

export type PublishedHrEvent = EmployeeHiredV1 | EmployeeDetailsChangedV1 | EmployeeLeftV1 | LatenessViolationRaisedV1 | PayrollMonthClosedV1;

export const PUBLISHED_HR_EVENT_TYPES: readonly PublishedHrEvent['type'][] = [
  'hr-attendance.employee-hired.v1',
  'hr-attendance.employee-details-changed.v1',
  'hr-attendance.employee-left.v1',
  'hr-attendance.lateness-violation-raised.v1',
  'hr-attendance.payroll-month-closed.v1',
];

/** The domain events the mapping reads, as the contracts see them (the domain's compat spec checks assignability). */
export type HrSourceEvent =
  | { type: 'EmployeeHired'; data: EmployeeHiredV1Data }
  | { type: 'EmployeeDetailsChanged'; data: EmployeeDetailsChangedV1Data }
  | { type: 'EmployeeLeft'; data: EmployeeLeftV1Data }
  | { type: 'LatenessViolationRaised'; data: LatenessViolationRaisedV1Data }
  | { type: 'PayrollMonthClosed'; data: { month: string; payslipCount: number; closedAt: string } };

const employees = streamCategory(HR_ATTENDANCE_SOURCE, 'employee');
const staffMonths = streamCategory(HR_ATTENDANCE_SOURCE, 'staff-month');
const payrollMonths = streamCategory(HR_ATTENDANCE_SOURCE, 'payroll-month');

/**
 * Any recorded HR domain event to the integration event it publishes, or null. Fields are copied
 * one by one, so a new domain field (a salary above all) never leaks into v1.
 */
export const toPublishedHrEvent = ((event: RecordedEvent): PublishedHrEvent | null => {
  const stream = event.metadata.streamId;
  const e = event as unknown as HrSourceEvent;
  if (employees.owns(stream)) {
    switch (e.type) {
      case 'EmployeeHired': {
        const d = e.data;
        return integrationEnvelope(HR_ATTENDANCE_SOURCE, 'hr-attendance.employee-hired.v1', event, d.staffId, {
          staffId: d.staffId,
          name: d.name,
          position: d.position,
          department: d.department,
          managerId: d.managerId,
          hireDate: d.hireDate,
        });
      }
      case 'EmployeeDetailsChanged': {
        const d = e.data;
        return integrationEnvelope(HR_ATTENDANCE_SOURCE, 'hr-attendance.employee-details-changed.v1', event, d.staffId, {
          staffId: d.staffId,
          name: d.name,
          position: d.position,
          department: d.department,
          managerId: d.managerId,
        });
      }
      case 'EmployeeLeft':
        return integrationEnvelope(HR_ATTENDANCE_SOURCE, 'hr-attendance.employee-left.v1', event, e.data.staffId, { staffId: e.data.staffId, leavingDate: e.data.leavingDate });
      default:
        return null;
    }
  }
  if (staffMonths.owns(stream) && e.type === 'LatenessViolationRaised') {
    const d = e.data;
    return integrationEnvelope(HR_ATTENDANCE_SOURCE, 'hr-attendance.lateness-violation-raised.v1', event, d.staffId, {
      staffId: d.staffId,
      month: d.month,
      date: d.date,
      lateCount: d.lateCount,
      managerId: d.managerId,
    });
  }
  if (payrollMonths.owns(stream) && e.type === 'PayrollMonthClosed') {
    const d = e.data;
    return integrationEnvelope(HR_ATTENDANCE_SOURCE, 'hr-attendance.payroll-month-closed.v1', event, d.month, { month: d.month, payslipCount: d.payslipCount, closedAt: d.closedAt });
  }
  return null;
}) satisfies IntegrationMapping;
