import { ProjectionSpecification, recorded, resetRecorded } from '@ebp/shared-eventsourcing/testing';
import {
  employeeStream,
  initialStaffMonthState,
  payrollMonthStream,
  staffMonthStream,
  type ComplaintFineRecorded,
  type ConductRecorded,
  type EmployeeEvent,
  type StaffMonthEvent,
} from '@ebp/hr-attendance-domain';
import { hrExternalFactsProjection } from '../facts/external-facts.projection';
import { hrPayrollMonthsProjection } from '../payroll/payroll-month.projection';
import { hrAttendanceProjections } from '../composition/hr-attendance.projections';
import { hrCorrectionsProjection, hrLeaveRequestsProjection } from './requests.projection';
import { hrStaffMonthsProjection } from './staff-month.projection';

const MONTH = '2026-03';
const onMonth = (event: StaffMonthEvent, staffId = 'cs-wang', eventId?: string) => recorded(event, { streamId: staffMonthStream(MONTH, staffId), eventId });

const signedIn = (date: string, at: string, minutesLate: number): StaffMonthEvent => ({
  type: 'SignedIn',
  data: { staffId: 'cs-wang', month: MONTH, date, at, source: 'punch-clock', workingDay: true, minutesLate, workStart: '08:30', graceMinutes: 0 },
});

const fine = (staffId: string, source: 'service-desk' | 'hr', fineId: string): ComplaintFineRecorded => ({
  type: 'ComplaintFineRecorded',
  data: {
    staffId,
    month: MONTH,
    fineId,
    complainant: 'customer',
    source,
    ticketId: source === 'service-desk' ? 't-9' : null,
    integrationEventId: source === 'service-desk' ? 'ie-1' : null,
    severity: 'minor',
    amountFen: 1000,
    finding: 'rude on the phone',
    upheldBy: 'sd-sup',
    upheldAt: '2026-03-10T10:00:00+08:00',
    recordedBy: 'service-desk',
    recordedAt: '2026-03-10T10:00:01+08:00',
  },
});

const shirking = (staffId: string): ConductRecorded => ({
  type: 'ConductRecorded',
  data: {
    staffId,
    month: MONTH,
    recordId: 'shirking-f-1',
    kind: 'shirking',
    occurredAt: '2026-03-11T15:00:00+08:00',
    description: 'passed the ticket on twice',
    callMinutes: null,
    sanction: 'criticism',
    penaltyFen: null,
    source: 'service-desk',
    findingId: 'f-1',
    ticketId: 't-3',
    integrationEventId: 'ie-2',
    recordedBy: 'sd-sup',
    recordedAt: '2026-03-11T15:00:01+08:00',
  },
});

const hired = (staffId: string): EmployeeEvent => ({
  type: 'EmployeeHired',
  data: {
    staffId,
    name: 'Wang',
    position: 'agent',
    department: 'Customer service',
    managerId: 'cs-li-na',
    baseSalaryFen: 600_000,
    hireDate: '2025-01-01',
    probationEnds: '2025-03-31',
    hiredBy: 'hr-zhou',
    hiredAt: '2025-01-01T09:00:00+08:00',
  },
});

beforeEach(() => resetRecorded());

describe('HR read models', () => {
  it('HR-2 staff-month document is the aggregate state folded from its stream, each fact with its event id', () => {
    const docs = ProjectionSpecification.for(hrStaffMonthsProjection)
      .given([
        onMonth(signedIn('2026-03-02', '2026-03-02T01:05:00Z', 35), 'cs-wang', 'e-in-1'),
        onMonth({ type: 'SignedOut', data: { staffId: 'cs-wang', month: MONTH, date: '2026-03-02', at: '2026-03-02T09:40:00Z', source: 'punch-clock' } }, 'cs-wang', 'e-out-1'),
        onMonth(
          { type: 'DailyReportSubmitted', data: { staffId: 'cs-wang', month: MONTH, date: '2026-03-02', contacts: [{ customer: 'c-1', channel: 'phone', summary: 's' }], summary: 'ok', submittedAt: '2026-03-02T10:00:00Z' } },
          'cs-wang',
          'e-rep-1',
        ),
        recorded(signedIn('2026-03-02', '2026-03-02T01:05:00Z', 35), { streamId: 'service-desk.ticket.t-1' }),
      ])
      .then({});
    const doc = docs[`${MONTH}.cs-wang`]!;
    expect(doc).toMatchObject({ staffId: 'cs-wang', month: MONTH });
    expect(doc.days).toEqual([
      {
        date: '2026-03-02',
        signIn: { at: '2026-03-02T01:05:00Z', source: 'punch-clock', workingDay: true, minutesLate: 35, eventId: 'e-in-1' },
        signOut: { at: '2026-03-02T09:40:00Z', source: 'punch-clock', eventId: 'e-out-1' },
        report: { submittedAt: '2026-03-02T10:00:00Z', contactCount: 1, eventId: 'e-rep-1' },
      },
    ]);
    // Only staff-month streams: another context's stream never reaches the collection.
    expect(Object.keys(docs)).toEqual([`${MONTH}.cs-wang`]);
    expect(hrStaffMonthsProjection.indexes).toEqual(['month', 'staffId']);
    expect(initialStaffMonthState().staffId).toBeNull();
  });

  it('HR-2 leave requests and corrections: one document per request with a scalar status and the events behind it', () => {
    const docs = ProjectionSpecification.for(hrLeaveRequestsProjection)
      .given([
        onMonth(
          {
            type: 'LeaveRequested',
            data: { staffId: 'cs-wang', month: MONTH, requestId: 'L1', from: '2026-03-16', to: '2026-03-17', workingDays: ['2026-03-16', '2026-03-17'], kind: 'annual', reason: 'trip', requestedAt: '2026-03-01T09:00:00+08:00' },
          },
          'cs-wang',
          'e-l1',
        ),
        onMonth({ type: 'LeaveRejected', data: { staffId: 'cs-wang', month: MONTH, requestId: 'L1', rejectedBy: 'cs-li-na', reason: 'busy week', rejectedAt: '2026-03-02T09:00:00+08:00' } }, 'cs-wang', 'e-l1r'),
        onMonth(signedIn('2026-03-02', '2026-03-02T01:05:00Z', 35)),
      ])
      .then({});
    expect(docs['L1']).toMatchObject({ status: 'rejected', decidedBy: 'cs-li-na', decidedAt: '2026-03-02T09:00:00+08:00', decisionReason: 'busy week', eventIds: ['e-l1', 'e-l1r'] });

    const corrections = ProjectionSpecification.for(hrCorrectionsProjection)
      .given([
        onMonth(
          { type: 'AttendanceCorrectionRequested', data: { staffId: 'cs-wang', month: MONTH, correctionId: 'C1', date: '2026-03-02', kind: 'field-work', reason: 'client visit', requestedBy: 'cs-wang', requestedAt: '2026-03-02T12:00:00+08:00' } },
          'cs-wang',
          'e-c1',
        ),
        onMonth({ type: 'AttendanceCorrectionApproved', data: { staffId: 'cs-wang', month: MONTH, correctionId: 'C1', date: '2026-03-02', cleared: ['late'], approvedBy: 'cs-li-na', approvedAt: '2026-03-03T09:00:00+08:00' } }, 'cs-wang', 'e-c1a'),
      ])
      .then({});
    expect(corrections['C1']).toMatchObject({ status: 'approved', cleared: ['late'], decidedBy: 'cs-li-na', requestedAt: '2026-03-02T12:00:00+08:00', eventIds: ['e-c1', 'e-c1a'] });
  });

  it('HR-6 payroll month: a document only once the month is closed', () => {
    ProjectionSpecification.for(hrPayrollMonthsProjection)
      .given([
        recorded(
          { type: 'PayrollMonthClosed', data: { month: MONTH, payslipCount: 3, totalNetFen: 1_000_000, closedBy: 'hr-zhou', closedAt: '2026-04-01T10:00:00+08:00' } },
          { streamId: payrollMonthStream(MONTH) },
        ),
      ])
      .then({ [MONTH]: { status: 'closed', month: MONTH, closedAt: '2026-04-01T10:00:00+08:00', closedBy: 'hr-zhou', payslipCount: 3, totalNetFen: 1_000_000 }, '2026-04': null });
  });

  it('HR-4 / HR-7 external facts: service-desk fines and conduct kept per staff id, flagged by whether HR has a record; HR-entered facts ignored', () => {
    const docs = ProjectionSpecification.for(hrExternalFactsProjection)
      .given([
        onMonth(fine('ghost-1', 'service-desk', 'ie-1'), 'ghost-1', 'e-f1'),
        onMonth(fine('cs-wang', 'hr', 'hr-1'), 'cs-wang', 'e-f2'),
        recorded(hired('cs-wang'), { streamId: employeeStream('cs-wang') }),
        onMonth(shirking('cs-wang'), 'cs-wang', 'e-s1'),
        onMonth(shirking('ghost-1'), 'ghost-1', 'e-s2'),
      ])
      .then({});
    expect(docs['ghost-1']).toMatchObject({ staffId: 'ghost-1', hasEmploymentRecord: false, factCount: 2 });
    expect(docs['ghost-1']!.facts.map((f) => [f.kind, f.factId, f.ticketId, f.findingId, f.eventId, f.amountFen])).toEqual([
      ['complaint-fine', 'ie-1', 't-9', null, 'e-f1', 1000],
      ['conduct', 'shirking-f-1', 't-3', 'f-1', 'e-s2', null],
    ]);
    expect(docs['cs-wang']).toMatchObject({ hasEmploymentRecord: true, factCount: 1 });
    expect(docs['cs-wang']!.facts[0]).toMatchObject({ kind: 'conduct', eventId: 'e-s1', integrationEventId: 'ie-2' });
  });

  it('HR-1 every HR read model is registered once, each with its own collection', () => {
    const names = hrAttendanceProjections.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(hrAttendanceProjections.map((p) => p.collection).sort()).toEqual(
      ['hr_attendance_corrections', 'hr_employees', 'hr_external_facts', 'hr_leave_requests', 'hr_payroll_months', 'hr_staff_months'],
    );
  });
});
