import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { Employee } from '../employee/employee.decider';
import type { MaybeRecorded } from '../shared/event-id';
import { attendanceSummary, attendanceDays, computePayslip } from './payslip';
import type { DecideCorrection, RecordPunch } from './staff-month.commands';
import { foldStaffMonth, staffMonthDecider } from './staff-month.decider';
import type { AttendanceCorrectionApproved, AttendanceCorrectionRequested, LatenessViolationRaised, PayslipLine, SignedIn, StaffMonthEvent } from './staff-month.events';

const spec = DeciderSpecification.for(staffMonthDecider);

const STAFF = 'cs-li';
const MANAGER = 'mgr-wang';
const MONTH = '2026-03';
const MONTH_END = '2026-04-01T00:00:00+08:00';
/** Base ¥6,000.00: 1% = 6,000 fen, 5% = 30,000 fen. */
const BASE = 600_000;

const employee = (over: Partial<Employee> = {}): Employee => ({
  status: 'employed',
  staffId: STAFF,
  name: 'Li Na',
  position: 'customer service agent',
  department: 'customer-service',
  managerId: MANAGER,
  hireDate: '2025-06-02',
  probationEnds: '2025-09-01',
  leavingDate: null,
  leavingReason: null,
  salary: [{ effectiveFrom: '2025-06-02', baseSalaryFen: BASE, eventId: 'ev-hire' }],
  ...over,
});
const EMPLOYEE = employee();

const at = (date: string, time: string): string => `${date}T${time}+08:00`;

/** Working days of March 2026 used for the late arrivals, in order. */
const LATE_DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];

const punch = (date: string, time: string, who = EMPLOYEE): RecordPunch => ({
  type: 'RecordPunch',
  data: { staffId: STAFF, month: MONTH, employee: who, signInAt: at(date, time), signOutAt: null, source: 'self' },
  metadata: { now: at(date, time) },
});
const approveCorrection = (date: string): DecideCorrection => ({
  type: 'DecideCorrection',
  data: { staffId: STAFF, month: MONTH, employee: EMPLOYEE, correctionId: `corr-${date}`, approve: true, by: { userId: MANAGER, hrManager: false } },
  metadata: { now: at(date, '19:00:00') },
});

const signIn = (date: string, time: string, minutesLate: number, workingDay = true): MaybeRecorded<SignedIn> => ({
  type: 'SignedIn',
  data: { staffId: STAFF, month: MONTH, date, at: at(date, time), source: 'self', workingDay, minutesLate, workStart: '08:30', graceMinutes: 0 },
  metadata: { eventId: `sign-in-${date}` },
});
/** A late sign-in at 08:40 (10 minutes late), recorded with the event id `late-<date>`. */
const lateOn = (date: string): MaybeRecorded<SignedIn> => ({ ...signIn(date, '08:40:00', 10), metadata: { eventId: `late-${date}` } });
const lates = (count: number): MaybeRecorded<SignedIn>[] => LATE_DAYS.slice(0, count).map((d) => lateOn(d));
const violation = (date: string, lateCount = 3): LatenessViolationRaised => ({
  type: 'LatenessViolationRaised',
  data: { staffId: STAFF, month: MONTH, date, lateCount, managerId: MANAGER, raisedAt: at(date, '08:40:00') },
});
const correctionRequested = (date: string): AttendanceCorrectionRequested => ({
  type: 'AttendanceCorrectionRequested',
  data: { staffId: STAFF, month: MONTH, correctionId: `corr-${date}`, date, kind: 'forgotten-punch', reason: 'badge reader was down', requestedBy: STAFF, requestedAt: at(date, '18:00:00') },
});
const correctionApproved = (date: string): AttendanceCorrectionApproved => ({
  type: 'AttendanceCorrectionApproved',
  data: { staffId: STAFF, month: MONTH, correctionId: `corr-${date}`, date, cleared: ['late'], approvedBy: MANAGER, approvedAt: at(date, '19:00:00') },
});

const latenessLines = (events: StaffMonthEvent[], who = EMPLOYEE): PayslipLine[] =>
  computePayslip(foldStaffMonth(events), who, MONTH, MONTH_END).lines.filter((l) => l.kind === 'lateness');

describe('staff month: lateness deductions (HR-3)', () => {
  it.each([
    ['1st', -6_000, 1],
    ['2nd', -6_000, 2],
    ['3rd', -30_000, 3],
    ['4th', -30_000, 4],
    ['5th', -30_000, 5],
  ])('HR-3 the %s late arrival of the month is a lateness line of %d fen (base ¥6,000)', (ordinal, amountFen, count) => {
    const line = latenessLines(lates(count)).at(-1)!;
    expect(line).toMatchObject({ kind: 'lateness', rule: 'HR-3', amountFen, date: LATE_DAYS[count - 1], eventIds: [`late-${LATE_DAYS[count - 1]}`] });
    expect(line.description).toContain(`${ordinal} late arrival of the month on ${LATE_DAYS[count - 1]}`);
  });

  it('HR-3 four late arrivals cost 1% + 1% + 5% + 5% of the base: 72,000 fen', () => {
    const lines = latenessLines(lates(4));
    expect(lines.map((l) => l.amountFen)).toEqual([-6_000, -6_000, -30_000, -30_000]);
    expect(lines[0].description).toBe('1st late arrival of the month on 2026-03-02 (signed in 08:40, 10 min late): 1% of ¥6,000.00');
    expect(lines[2].description).toBe('3rd late arrival of the month on 2026-03-04 (signed in 08:40, 10 min late): 5% of ¥6,000.00');
    const payslip = computePayslip(foldStaffMonth(lates(4)), EMPLOYEE, MONTH, MONTH_END);
    expect(payslip.totals).toEqual({ baseFen: BASE, deductionsFen: -72_000, additionsFen: 0, netFen: BASE - 72_000 });
    expect(payslip.attendance.lates).toBe(4);
  });

  it('HR-3 rounds each deduction to the fen (base 6,123.45: 1% = 61.23, 5% = 306.17)', () => {
    const odd = employee({ salary: [{ effectiveFrom: '2025-06-02', baseSalaryFen: 612_345, eventId: 'ev-hire' }] });
    expect(latenessLines(lates(3), odd).map((l) => l.amountFen)).toEqual([-6_123, -6_123, -30_617]);
  });

  it('HR-3 a deduction is a share of the base in force on the day of the late arrival', () => {
    const raised = employee({
      salary: [
        { effectiveFrom: '2025-06-02', baseSalaryFen: BASE, eventId: 'ev-hire' },
        { effectiveFrom: '2026-03-04', baseSalaryFen: 700_000, eventId: 'ev-raise' },
      ],
    });
    expect(latenessLines(lates(3), raised).map((l) => l.amountFen)).toEqual([-6_000, -6_000, -35_000]);
  });

  it('HR-3 an on-time sign-in, or one on a rest day, is no late arrival and costs nothing', () => {
    expect(latenessLines([signIn('2026-03-09', '08:29:00', 0), signIn('2026-03-07', '10:00:00', 0, false)])).toEqual([]);
  });

  it('HR-3 reaching the third late arrival raises a violation for the manager', () => {
    spec
      .given(lates(2))
      .when(punch('2026-03-04', '08:40:00'))
      .then([
        { type: 'SignedIn', data: lateOn('2026-03-04').data },
        { type: 'LatenessViolationRaised', data: { staffId: STAFF, month: MONTH, date: '2026-03-04', lateCount: 3, managerId: MANAGER, raisedAt: at('2026-03-04', '08:40:00') } },
      ]);
  });

  it('HR-3 no violation at the second late arrival or for an on-time sign-in', () => {
    spec.given(lates(1)).when(punch('2026-03-03', '08:40:00')).then([{ type: 'SignedIn', data: lateOn('2026-03-03').data }]);
    spec.given(lates(2)).when(punch('2026-03-04', '08:30:00')).then([{ type: 'SignedIn', data: signIn('2026-03-04', '08:30:00', 0).data }]);
  });

  it('HR-3 the violation is raised only once a month: the 4th late arrival raises none', () => {
    const state = spec
      .given([...lates(3), violation('2026-03-04')])
      .when(punch('2026-03-05', '08:40:00'))
      .then([{ type: 'SignedIn', data: lateOn('2026-03-05').data }]);
    expect(state.violation).toMatchObject({ date: '2026-03-04', lateCount: 3 });
  });

  it('HR-3 a cleared late arrival renumbers the rest: 4 lates with the 1st cleared cost 1% + 1% + 5%', () => {
    const events = [...lates(4), violation('2026-03-04'), correctionRequested('2026-03-02'), correctionApproved('2026-03-02')];
    const lines = latenessLines(events);
    expect(lines.map((l) => [l.date, l.amountFen])).toEqual([
      ['2026-03-03', -6_000],
      ['2026-03-04', -6_000],
      ['2026-03-05', -30_000],
    ]);
    expect(lines[2].description).toContain('3rd late arrival');
    expect(attendanceSummary(attendanceDays(foldStaffMonth(events), EMPLOYEE, MONTH, MONTH_END))).toMatchObject({ lates: 3, correctedDays: 1 });
  });

  it('HR-3 a late cleared before the third keeps the count below the violation', () => {
    spec
      .given([...lates(2), correctionRequested('2026-03-02'), correctionApproved('2026-03-02')])
      .when(punch('2026-03-04', '08:40:00'))
      .then([{ type: 'SignedIn', data: lateOn('2026-03-04').data }]);
  });

  it('HR-3 approving the correction of a late arrival records what it cleared', () => {
    spec.given([...lates(3), correctionRequested('2026-03-03')]).when(approveCorrection('2026-03-03')).then([correctionApproved('2026-03-03')]);
  });
});
