import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { Employee } from '../employee/employee.decider';
import { attendanceDays, attendanceSummary, type AttendanceDay } from './payslip';
import type { DecideCorrection, DecideLeave, HrActor, RecordPunch, RequestCorrection, RequestLeave, SubmitDailyReport } from './staff-month.commands';
import { foldStaffMonth, staffMonthDecider } from './staff-month.decider';
import type {
  AttendanceCorrectionApproved,
  AttendanceCorrectionRequested,
  DailyReportSubmitted,
  LeaveApproved,
  LeaveRejected,
  LeaveRequested,
  PunchSource,
  SignedIn,
  SignedOut,
  StaffMonthEvent,
} from './staff-month.events';

const spec = DeciderSpecification.for(staffMonthDecider);

const STAFF = 'cs-li';
const MANAGER = 'mgr-wang';
const MANAGER_ACTOR: HrActor = { userId: MANAGER, hrManager: false };
const HR_MANAGER: HrActor = { userId: 'hr-zhao', hrManager: true };
const SELF: HrActor = { userId: STAFF, hrManager: false };

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
  salary: [{ effectiveFrom: '2025-06-02', baseSalaryFen: 600_000, eventId: 'ev-hire' }],
  ...over,
});
const EMPLOYEE = employee();

/** An instant on a Shanghai wall clock. */
const at = (date: string, time: string): string => `${date}T${time}+08:00`;
const monthOf = (date: string): string => date.slice(0, 7);

// Builders: commands
const punch = (
  signInAt: string | null,
  { signOutAt = null, now, month, who = EMPLOYEE }: { signOutAt?: string | null; now?: string; month?: string; who?: Employee } = {},
): RecordPunch => {
  const date = (signInAt ?? signOutAt)!.slice(0, 10);
  return {
    type: 'RecordPunch',
    data: { staffId: STAFF, month: month ?? monthOf(date), employee: who, signInAt, signOutAt, source: 'punch-clock' },
    metadata: { now: now ?? at(date, '23:00:00') },
  };
};
const requestLeave = (from: string, to: string, requestId = 'leave-1'): RequestLeave => ({
  type: 'RequestLeave',
  data: { staffId: STAFF, month: monthOf(from), employee: EMPLOYEE, requestId, from, to, kind: 'annual', reason: 'family visit' },
  metadata: { now: at(from, '08:00:00') },
});
const decideLeave = (month: string, approve: boolean, by: HrActor = MANAGER_ACTOR, who = EMPLOYEE): DecideLeave => ({
  type: 'DecideLeave',
  data: { staffId: STAFF, month, employee: who, requestId: 'leave-1', approve, reason: approve ? null : 'busy week', by },
  metadata: { now: `${month}-02T10:00:00+08:00` },
});
const requestCorrection = (date: string, by: HrActor = SELF, correctionId = 'corr-1'): RequestCorrection => ({
  type: 'RequestCorrection',
  data: { staffId: STAFF, month: monthOf(date), employee: EMPLOYEE, correctionId, date, kind: 'field-work', reason: 'on site at the water works', by },
  metadata: { now: at(date, '18:00:00') },
});
const decideCorrection = (date: string, approve: boolean, by: HrActor = MANAGER_ACTOR, who = EMPLOYEE): DecideCorrection => ({
  type: 'DecideCorrection',
  data: { staffId: STAFF, month: monthOf(date), employee: who, correctionId: 'corr-1', approve, reason: approve ? null : 'no field work scheduled', by },
  metadata: { now: at(date, '19:00:00') },
});
const submitReport = (date: string, now = at(date, '17:45:00')): SubmitDailyReport => ({
  type: 'SubmitDailyReport',
  data: {
    staffId: STAFF,
    month: monthOf(date),
    employee: EMPLOYEE,
    date,
    contacts: [
      { customer: 'water-works', channel: 'phone', summary: 'SCADA alarm explained' },
      { customer: 'city-gas', channel: 'email', summary: 'invoice copy sent' },
    ],
    summary: 'two customer contacts',
  },
  metadata: { now },
});

// Builders: events
const signedIn = (date: string, time: string, minutesLate: number, workingDay = true, source: PunchSource = 'punch-clock'): SignedIn => ({
  type: 'SignedIn',
  data: { staffId: STAFF, month: monthOf(date), date, at: at(date, time), source, workingDay, minutesLate, workStart: '08:30', graceMinutes: 0 },
});
/** The same sign-in, written as a UTC instant. */
const signedInAtUtc = (date: string, utc: string, minutesLate = 0): SignedIn => {
  const event = signedIn(date, '00:00:00', minutesLate);
  return { ...event, data: { ...event.data, at: utc } };
};
const signedOut = (date: string, time: string): SignedOut => ({
  type: 'SignedOut',
  data: { staffId: STAFF, month: monthOf(date), date, at: at(date, time), source: 'punch-clock' },
});
const leaveRequested = (from: string, to: string, workingDays: string[]): LeaveRequested => ({
  type: 'LeaveRequested',
  data: { staffId: STAFF, month: monthOf(from), requestId: 'leave-1', from, to, workingDays, kind: 'annual', reason: 'family visit', requestedAt: at(from, '08:00:00') },
});
const leaveApproved = (month: string): LeaveApproved => ({
  type: 'LeaveApproved',
  data: { staffId: STAFF, month, requestId: 'leave-1', approvedBy: MANAGER, approvedAt: `${month}-02T10:00:00+08:00` },
});
const leaveRejected = (month: string): LeaveRejected => ({
  type: 'LeaveRejected',
  data: { staffId: STAFF, month, requestId: 'leave-1', rejectedBy: MANAGER, reason: 'busy week', rejectedAt: `${month}-02T10:00:00+08:00` },
});
const correctionRequested = (date: string): AttendanceCorrectionRequested => ({
  type: 'AttendanceCorrectionRequested',
  data: {
    staffId: STAFF,
    month: monthOf(date),
    correctionId: 'corr-1',
    date,
    kind: 'field-work',
    reason: 'on site at the water works',
    requestedBy: STAFF,
    requestedAt: at(date, '18:00:00'),
  },
});
const correctionApproved = (date: string, cleared: ('late' | 'absence')[], approvedBy = MANAGER): AttendanceCorrectionApproved => ({
  type: 'AttendanceCorrectionApproved',
  data: { staffId: STAFF, month: monthOf(date), correctionId: 'corr-1', date, cleared, approvedBy, approvedAt: at(date, '19:00:00') },
});
const reportSubmitted = (date: string): DailyReportSubmitted => ({
  type: 'DailyReportSubmitted',
  data: {
    staffId: STAFF,
    month: monthOf(date),
    date,
    contacts: [
      { customer: 'water-works', channel: 'phone', summary: 'SCADA alarm explained' },
      { customer: 'city-gas', channel: 'email', summary: 'invoice copy sent' },
    ],
    summary: 'two customer contacts',
    submittedAt: at(date, '17:45:00'),
  },
});

/** How HR-2 / HR-5 judge one day of the month after the events, at `asOf`. */
const dayAfter = (events: StaffMonthEvent[], date: string, asOf: string, who = EMPLOYEE): AttendanceDay =>
  attendanceDays(foldStaffMonth(events), who, monthOf(date), asOf).find((d) => d.date === date)!;

describe('staff month: attendance (HR-2) and daily reports (HR-5)', () => {
  describe('late arrivals', () => {
    it('HR-2 a sign-in at 08:30:00 is on time', () => {
      spec.when(punch(at('2026-03-02', '08:30:00'))).then([signedIn('2026-03-02', '08:30:00', 0)]);
    });

    it('HR-2 a sign-in at 08:30:01 is a late arrival', () => {
      const state = spec.when(punch(at('2026-03-02', '08:30:01'))).then([signedIn('2026-03-02', '08:30:01', 1)]);
      expect(attendanceDays(state, EMPLOYEE, '2026-03', at('2026-03-02', '23:00:00'))[1]).toMatchObject({ date: '2026-03-02', minutesLate: 1, lateOrdinal: 1 });
    });

    it('HR-2 minutes late count from 08:30: a sign-in at 09:05 is 35 minutes late', () => {
      spec.when(punch(at('2026-03-03', '09:05:00'))).then([signedIn('2026-03-03', '09:05:00', 35)]);
    });

    it('HR-2 a sign-in on a statutory holiday (Spring Festival 2026-02-16) is not late', () => {
      const state = spec.when(punch(at('2026-02-16', '10:00:00'))).then([signedIn('2026-02-16', '10:00:00', 0, false)]);
      const day = attendanceDays(state, EMPLOYEE, '2026-02', at('2026-02-16', '23:00:00')).find((d) => d.date === '2026-02-16')!;
      expect(day).toMatchObject({ workingDay: false, holiday: 'Spring Festival', minutesLate: null, lateOrdinal: null, absent: false, reportMissing: false });
    });

    it('HR-2 an ordinary Saturday is not a working day: a sign-in there is not late', () => {
      spec.when(punch(at('2026-03-07', '11:00:00'))).then([signedIn('2026-03-07', '11:00:00', 0, false)]);
    });

    it('HR-2 a make-up workday (调休 Saturday 2026-02-14) is a working day: a sign-in after 08:30 there is late', () => {
      const state = spec.when(punch(at('2026-02-14', '08:45:00'))).then([signedIn('2026-02-14', '08:45:00', 15, true)]);
      const day = attendanceDays(state, EMPLOYEE, '2026-02', at('2026-02-14', '23:00:00')).find((d) => d.date === '2026-02-14')!;
      expect(day).toMatchObject({ workingDay: true, makeUpWorkday: true, holiday: null, minutesLate: 15, lateOrdinal: 1 });
    });
  });

  describe('absences', () => {
    it('HR-2 a working day without sign-in is an absence only once its working hours ended (17:30)', () => {
      expect(dayAfter([], '2026-03-04', at('2026-03-04', '17:29:59'))).toMatchObject({ ended: false, absent: false });
      expect(dayAfter([], '2026-03-04', at('2026-03-04', '17:30:00'))).toMatchObject({ ended: true, absent: true });
    });

    it('HR-2 no sign-in on a make-up workday (2026-02-28) is an absence; an ordinary Saturday (2026-02-07) and a holiday (2026-02-17) are not', () => {
      const days = attendanceDays(foldStaffMonth([]), EMPLOYEE, '2026-02', '2026-03-01T00:00:00+08:00');
      const day = (date: string) => days.find((d) => d.date === date)!;
      expect(day('2026-02-28')).toMatchObject({ workingDay: true, makeUpWorkday: true, absent: true });
      expect(day('2026-02-14')).toMatchObject({ workingDay: true, makeUpWorkday: true, absent: true });
      expect(day('2026-02-07')).toMatchObject({ workingDay: false, makeUpWorkday: false, absent: false });
      expect(day('2026-02-17')).toMatchObject({ workingDay: false, holiday: 'Spring Festival', absent: false });
      expect(attendanceSummary(days)).toMatchObject({ workingDays: 16, workingDaysEmployed: 16, absences: 16 });
    });

    it('HR-2 a signed-in day is no absence, even without a sign-out', () => {
      expect(dayAfter([signedIn('2026-03-04', '08:10:00', 0)], '2026-03-04', at('2026-03-05', '09:00:00'))).toMatchObject({ absent: false, signOutAt: null });
    });

    it('HR-2 a day before the hire date or after the leaving date is no absence', () => {
      const who = employee({ hireDate: '2026-03-16', leavingDate: '2026-03-27' });
      const end = '2026-04-01T00:00:00+08:00';
      expect(dayAfter([], '2026-03-13', end, who)).toMatchObject({ employed: false, absent: false });
      expect(dayAfter([], '2026-03-16', end, who)).toMatchObject({ employed: true, absent: true });
      expect(dayAfter([], '2026-03-30', end, who)).toMatchObject({ employed: false, absent: false });
    });
  });

  describe('leave', () => {
    const requested = leaveRequested('2026-03-06', '2026-03-09', ['2026-03-06', '2026-03-09']);
    const evening = at('2026-03-09', '20:00:00');

    it('HR-2 a leave request covers only the working days of its range', () => {
      spec.when(requestLeave('2026-03-06', '2026-03-09')).then([requested]);
    });

    it('HR-2 refuses a leave request with no working day in it', () => {
      expect(spec.when(requestLeave('2026-03-07', '2026-03-08')).thenThrows('HR-2').kind).toBe('rule');
    });

    it('HR-2 refuses a leave request overlapping one not rejected', () => {
      expect(spec.given([requested]).when(requestLeave('2026-03-09', '2026-03-10', 'leave-2')).thenThrows('HR-2').kind).toBe('conflict');
    });

    it('HR-2 approved leave prevents the absence on its working days', () => {
      const state = spec.given([requested]).when(decideLeave('2026-03', true)).then([leaveApproved('2026-03')]);
      const day = attendanceDays(state, EMPLOYEE, '2026-03', evening).find((d) => d.date === '2026-03-09')!;
      expect(day).toMatchObject({ absent: false, leave: { requestId: 'leave-1', kind: 'annual' }, reportMissing: false });
    });

    it('HR-2 a sign-in on a day of approved leave is not a late arrival (the day is not a working day for them)', () => {
      const day = dayAfter([requested, leaveApproved('2026-03'), signedIn('2026-03-09', '10:15:00', 105)], '2026-03-09', evening);
      expect(day).toMatchObject({ minutesLate: null, lateOrdinal: null, absent: false, leave: { requestId: 'leave-1' } });
    });

    it('HR-2 a leave only requested, or rejected, does not prevent the absence', () => {
      expect(dayAfter([requested], '2026-03-09', evening)).toMatchObject({ absent: true, leave: null });
      const state = spec.given([requested]).when(decideLeave('2026-03', false)).then([leaveRejected('2026-03')]);
      expect(attendanceDays(state, EMPLOYEE, '2026-03', evening).find((d) => d.date === '2026-03-09')).toMatchObject({ absent: true, leave: null });
    });

    it('HR-2 only the line manager decides leave: the staff member themselves and HR are refused (403)', () => {
      expect(spec.given([requested]).when(decideLeave('2026-03', true, SELF)).thenThrows('HR-2').kind).toBe('forbidden');
      expect(spec.given([requested]).when(decideLeave('2026-03', true, HR_MANAGER)).thenThrows('HR-2').kind).toBe('forbidden');
    });

    it('HR-2 approving an approved leave again records nothing', () => {
      spec.given([requested, leaveApproved('2026-03')]).when(decideLeave('2026-03', true)).then([]);
    });
  });

  describe('corrections', () => {
    const late = signedIn('2026-03-05', '09:10:00', 40);

    it('HR-2 the staff member requests a correction of a late arrival', () => {
      spec.given([late]).when(requestCorrection('2026-03-05')).then([correctionRequested('2026-03-05')]);
    });

    it('HR-2 an approved correction clears a late arrival and keeps who approved it and why', () => {
      const state = spec.given([late, correctionRequested('2026-03-05')]).when(decideCorrection('2026-03-05', true)).then([correctionApproved('2026-03-05', ['late'])]);
      const day = attendanceDays(state, EMPLOYEE, '2026-03', at('2026-03-05', '20:00:00')).find((d) => d.date === '2026-03-05')!;
      expect(day).toMatchObject({
        minutesLate: null,
        lateOrdinal: null,
        absent: false,
        correction: { correctionId: 'corr-1', kind: 'field-work', reason: 'on site at the water works', approvedBy: MANAGER },
      });
      expect(state.corrections[0]).toMatchObject({ status: 'approved', decidedBy: MANAGER, requestedBy: STAFF, cleared: ['late'] });
    });

    it('HR-2 an approved correction clears an absence', () => {
      const evening = at('2026-03-05', '18:00:00');
      expect(dayAfter([], '2026-03-05', evening).absent).toBe(true);
      const state = spec.given([correctionRequested('2026-03-05')]).when(decideCorrection('2026-03-05', true)).then([correctionApproved('2026-03-05', ['absence'])]);
      expect(attendanceDays(state, EMPLOYEE, '2026-03', evening).find((d) => d.date === '2026-03-05')).toMatchObject({ absent: false, correction: { approvedBy: MANAGER } });
    });

    it('HR-2 a rejected correction leaves the late arrival standing', () => {
      const state = spec
        .given([late, correctionRequested('2026-03-05')])
        .when(decideCorrection('2026-03-05', false))
        .then([
          {
            type: 'AttendanceCorrectionRejected',
            data: { staffId: STAFF, month: '2026-03', correctionId: 'corr-1', date: '2026-03-05', rejectedBy: MANAGER, reason: 'no field work scheduled', rejectedAt: at('2026-03-05', '19:00:00') },
          },
        ]);
      expect(attendanceDays(state, EMPLOYEE, '2026-03', at('2026-03-05', '20:00:00')).find((d) => d.date === '2026-03-05')).toMatchObject({ minutesLate: 40, correction: null });
    });

    it('HR-2 only the line manager may approve a correction (403 forbidden)', () => {
      const given = spec.given([late, correctionRequested('2026-03-05')]);
      expect(given.when(decideCorrection('2026-03-05', true, SELF)).thenThrows('HR-2').kind).toBe('forbidden');
      expect(given.when(decideCorrection('2026-03-05', true, { userId: 'cs-chen', hrManager: false })).thenThrows('HR-2').kind).toBe('forbidden');
      expect(given.when(decideCorrection('2026-03-05', true, HR_MANAGER)).thenThrows('HR-2').kind).toBe('forbidden');
    });

    it('HR-2 HR stands in for the manager of someone without one', () => {
      const noManager = employee({ managerId: null });
      const given = spec.given([late, correctionRequested('2026-03-05')]);
      given.when(decideCorrection('2026-03-05', true, HR_MANAGER, noManager)).then([correctionApproved('2026-03-05', ['late'], 'hr-zhao')]);
      expect(given.when(decideCorrection('2026-03-05', true, { userId: 'cs-chen', hrManager: false }, noManager)).thenThrows('HR-2').kind).toBe('forbidden');
    });

    it('HR-2 a correction is requested by the staff member (or HR), not by a colleague', () => {
      expect(spec.given([late]).when(requestCorrection('2026-03-05', { userId: 'cs-chen', hrManager: false })).thenThrows('HR-2').kind).toBe('forbidden');
    });

    it('HR-2 refuses a correction for a day with neither a late arrival nor an absence', () => {
      expect(spec.given([signedIn('2026-03-05', '08:20:00', 0)]).when(requestCorrection('2026-03-05')).thenThrows('HR-2').kind).toBe('rule');
    });

    it('HR-2 refuses a correction for a non-working day and a second one for the same day', () => {
      expect(spec.when(requestCorrection('2026-03-07')).thenThrows('HR-2').field).toBe('date');
      expect(spec.given([late, correctionRequested('2026-03-05')]).when(requestCorrection('2026-03-05', SELF, 'corr-2')).thenThrows('HR-2').kind).toBe('conflict');
    });
  });

  describe('punches', () => {
    it('HR-2 the earliest sign-in of the day counts: an earlier punch replaces a later one', () => {
      const ownLateSignIn = signedIn('2026-03-05', '08:45:00', 15, true, 'self');
      const state = spec.given([ownLateSignIn]).when(punch(at('2026-03-05', '08:25:00'))).then([signedIn('2026-03-05', '08:25:00', 0)]);
      expect(attendanceDays(state, EMPLOYEE, '2026-03', at('2026-03-05', '23:00:00')).find((d) => d.date === '2026-03-05')).toMatchObject({
        signInAt: at('2026-03-05', '08:25:00'),
        minutesLate: null,
      });
    });

    it('HR-2 a later or repeated sign-in changes nothing, so an import can run twice', () => {
      spec.given([signedIn('2026-03-05', '08:25:00', 0)]).when(punch(at('2026-03-05', '08:50:00'))).then([]);
      spec.given([signedIn('2026-03-05', '08:25:00', 0)]).when(punch(at('2026-03-05', '08:25:00'))).then([]);
      const row = punch(at('2026-03-05', '08:25:00'), { signOutAt: at('2026-03-05', '17:40:00') });
      spec.given([signedIn('2026-03-05', '08:25:00', 0), signedOut('2026-03-05', '17:40:00')]).when(row).then([]);
    });

    it('HR-2 the latest sign-out of the day counts', () => {
      const given = spec.given([signedIn('2026-03-05', '08:25:00', 0), signedOut('2026-03-05', '17:40:00')]);
      given.when(punch(null, { signOutAt: at('2026-03-05', '18:05:00') })).then([signedOut('2026-03-05', '18:05:00')]);
      given.when(punch(null, { signOutAt: at('2026-03-05', '17:35:00') })).then([]);
    });

    it('HR-2 refuses a punch in the future, outside the stream month, or outside employment', () => {
      expect(spec.when(punch(at('2026-03-05', '08:25:00'), { now: at('2026-03-05', '08:24:59') })).thenThrows('HR-2').kind).toBe('invalid');
      expect(spec.when(punch(at('2026-03-05', '08:25:00'), { month: '2026-04' })).thenThrows('HR-2').field).toBe('date');
      expect(spec.when(punch(at('2026-03-05', '08:25:00'), { who: employee({ hireDate: '2026-03-09' }) })).thenThrows('HR-2').kind).toBe('rule');
    });

    it('HR-2 a punch is judged on the Shanghai clock: 00:30:00Z is 08:30 there (on time), 00:30:01Z is late', () => {
      spec.when(punch('2026-03-05T00:30:00Z')).then([signedInAtUtc('2026-03-05', '2026-03-05T00:30:00Z')]);
      spec.when(punch('2026-03-05T00:30:01Z')).then([signedInAtUtc('2026-03-05', '2026-03-05T00:30:01Z', 1)]);
    });
  });

  describe('daily reports', () => {
    it('HR-5 accepts one daily report per working day and refuses a second', () => {
      const state = spec.when(submitReport('2026-03-05')).then([reportSubmitted('2026-03-05')]);
      expect(state.days[0].report).toMatchObject({ contactCount: 2 });
      expect(spec.given([reportSubmitted('2026-03-05')]).when(submitReport('2026-03-05', at('2026-03-05', '18:30:00'))).thenThrows('HR-5').kind).toBe('conflict');
    });

    it('HR-5 refuses a report for a non-working day (weekend or statutory holiday)', () => {
      expect(spec.when(submitReport('2026-03-07')).thenThrows('HR-5').kind).toBe('rule');
      expect(spec.when(submitReport('2026-04-06')).thenThrows('HR-5').kind).toBe('rule');
    });

    it('HR-5 accepts a report for a make-up workday (2026-02-14)', () => {
      spec.when(submitReport('2026-02-14')).then([reportSubmitted('2026-02-14')]);
    });

    it('HR-5 refuses a report for a day still ahead and one with an incomplete contact', () => {
      expect(spec.when(submitReport('2026-03-06', at('2026-03-05', '18:00:00'))).thenThrows('HR-5').kind).toBe('invalid');
      const incomplete = submitReport('2026-03-05');
      incomplete.data.contacts = [{ customer: 'water-works', channel: ' ', summary: 'x' }];
      expect(spec.when(incomplete).thenThrows('HR-5').field).toBe('contacts[0].channel');
    });

    it('HR-5 flags a missing report only for working days that ended', () => {
      const events = [signedIn('2026-03-02', '08:20:00', 0), signedIn('2026-03-03', '08:20:00', 0), signedIn('2026-03-04', '08:20:00', 0), reportSubmitted('2026-03-03')];
      const days = attendanceDays(foldStaffMonth(events), EMPLOYEE, '2026-03', at('2026-03-04', '12:00:00'));
      const day = (date: string) => days.find((d) => d.date === date)!;
      expect(day('2026-03-02')).toMatchObject({ ended: true, reportSubmitted: false, reportMissing: true });
      expect(day('2026-03-03')).toMatchObject({ ended: true, reportSubmitted: true, reportMissing: false });
      expect(day('2026-03-04')).toMatchObject({ ended: false, reportMissing: false });
      expect(day('2026-03-01')).toMatchObject({ workingDay: false, reportMissing: false });
      expect(attendanceSummary(days)).toMatchObject({ missingReports: 1, daysSignedIn: 3, absences: 0 });
    });

    it('HR-5 a day on approved leave needs no report', () => {
      const events = [leaveRequested('2026-03-02', '2026-03-02', ['2026-03-02']), leaveApproved('2026-03')];
      expect(dayAfter(events, '2026-03-02', at('2026-03-03', '09:00:00'))).toMatchObject({ reportMissing: false, absent: false });
    });
  });
});
