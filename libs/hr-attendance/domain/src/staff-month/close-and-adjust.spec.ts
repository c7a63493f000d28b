import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { Employee } from '../employee/employee.decider';
import type { MaybeRecorded } from '../shared/event-id';
import { computePayslip, moneyByKind } from './payslip';
import type { CarryAdjustment, DecideCorrection, EnterPayElement, RecordComplaintFine, RecordConduct, RecordPunch } from './staff-month.commands';
import { foldStaffMonth, staffMonthDecider } from './staff-month.decider';
import type {
  AttendanceCorrectionRequested,
  ComplaintFineRecorded,
  PayslipAdjustmentCarried,
  PayslipAdjustmentDue,
  PayslipIssued,
  SignedIn,
  StaffMonthEvent,
} from './staff-month.events';

const spec = DeciderSpecification.for(staffMonthDecider);

const STAFF = 'cs-li';
const MANAGER = 'mgr-wang';
const MARCH = '2026-03';
const APRIL = '2026-04';
const MARCH_END = '2026-04-01T00:00:00+08:00';
const APRIL_END = '2026-05-01T00:00:00+08:00';
/** When HR closed March and everything after it happens. */
const CLOSED_AT = '2026-04-02T09:00:00+08:00';
const AFTER_CLOSE = '2026-04-08T10:00:00+08:00';
/** Base ¥6,000.00: 1% = 6,000 fen, 5% = 30,000 fen. */
const BASE = 600_000;

const EMPLOYEE: Employee = {
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
};

const at = (date: string, time: string): string => `${date}T${time}+08:00`;
const recorded = <E extends StaffMonthEvent>(eventId: string, event: E): MaybeRecorded<E> => ({ ...event, metadata: { eventId } });

// Builders: events
const lateOn = (date: string): MaybeRecorded<SignedIn> =>
  recorded(`late-${date}`, {
    type: 'SignedIn',
    data: { staffId: STAFF, month: date.slice(0, 7), date, at: at(date, '08:40:00'), source: 'punch-clock', workingDay: true, minutesLate: 10, workStart: '08:30', graceMinutes: 0 },
  });
const FOUR_LATES = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'].map(lateOn);
const correctionRequested: AttendanceCorrectionRequested = {
  type: 'AttendanceCorrectionRequested',
  data: { staffId: STAFF, month: MARCH, correctionId: 'corr-1', date: '2026-03-04', kind: 'field-work', reason: 'on site at the water works', requestedBy: STAFF, requestedAt: at('2026-03-04', '18:00:00') },
};
/** The payslip of `month` issued over `events`, recorded as `ev-payslip-<month>`. */
const issued = (events: StaffMonthEvent[], month = MARCH): MaybeRecorded<PayslipIssued> =>
  recorded(`ev-payslip-${month}`, {
    type: 'PayslipIssued',
    data: {
      staffId: STAFF,
      month,
      employee: EMPLOYEE,
      ...computePayslip(foldStaffMonth(events), EMPLOYEE, month, month === MARCH ? MARCH_END : APRIL_END),
      issuedBy: 'hr-zhao',
      issuedAt: CLOSED_AT,
    },
  });
const fineRecorded: ComplaintFineRecorded = {
  type: 'ComplaintFineRecorded',
  data: {
    staffId: STAFF,
    month: MARCH,
    fineId: 'fine-1',
    complainant: 'customer',
    source: 'service-desk',
    ticketId: 't-42',
    integrationEventId: 'ie-7',
    severity: 'moderate',
    amountFen: 5_000,
    finding: 'rude on the phone',
    upheldBy: 'sup-zhou',
    upheldAt: '2026-03-31T17:00:00+08:00',
    recordedBy: 'service-desk',
    recordedAt: AFTER_CLOSE,
  },
};
const due = (data: Partial<PayslipAdjustmentDue['data']> = {}): PayslipAdjustmentDue => ({
  type: 'PayslipAdjustmentDue',
  data: {
    staffId: STAFF,
    month: MARCH,
    adjustmentId: '2026-03/correction:corr-1/lateness',
    originMonth: MARCH,
    originPayslipEventId: 'ev-payslip-2026-03',
    kind: 'lateness',
    amountFen: 30_000,
    explanation: 'lateness deductions of 2026-03 down by ¥300.00 after its payslip was issued: correction corr-1 for 2026-03-04 approved by mgr-wang',
    dueAt: AFTER_CLOSE,
    ...data,
  },
});

// Builders: commands
const approveCorrection = (): DecideCorrection => ({
  type: 'DecideCorrection',
  data: { staffId: STAFF, month: MARCH, employee: EMPLOYEE, correctionId: 'corr-1', approve: true, by: { userId: MANAGER, hrManager: false } },
  metadata: { now: AFTER_CLOSE },
});
const recordFine = (now = AFTER_CLOSE): RecordComplaintFine => ({
  type: 'RecordComplaintFine',
  data: {
    staffId: STAFF,
    month: MARCH,
    fineId: 'fine-1',
    complainant: 'customer',
    source: 'service-desk',
    ticketId: 't-42',
    integrationEventId: 'ie-7',
    severity: 'moderate',
    finding: 'rude on the phone',
    upheldBy: 'sup-zhou',
    upheldAt: '2026-03-31T17:00:00+08:00',
    by: 'service-desk',
  },
  metadata: { now },
});
const enterCommission = (): EnterPayElement => ({
  type: 'EnterPayElement',
  data: { staffId: STAFF, month: MARCH, employee: EMPLOYEE, entryId: 'comm-1', kind: 'commission', amountFen: 80_000, reason: 'renewals sold', by: { userId: MANAGER, hrManager: false } },
  metadata: { now: AFTER_CLOSE },
});
const importPunch = (date: string, time: string): RecordPunch => ({
  type: 'RecordPunch',
  data: { staffId: STAFF, month: MARCH, employee: EMPLOYEE, signInAt: at(date, time), signOutAt: null, source: 'punch-clock' },
  metadata: { now: AFTER_CLOSE },
});
const recordShirking = (): RecordConduct => ({
  type: 'RecordConduct',
  data: {
    staffId: STAFF,
    month: MARCH,
    recordId: 'shirking-f-1',
    kind: 'shirking',
    occurredAt: '2026-03-30T11:00:00+08:00',
    description: 'refused a transferred ticket',
    sanction: 'criticism',
    penaltyFen: null,
    source: 'service-desk',
    findingId: 'f-1',
    by: 'sup-zhou',
  },
  metadata: { now: AFTER_CLOSE },
});
const carry = (month: string, data: Partial<CarryAdjustment['data']> = {}): CarryAdjustment => ({
  type: 'CarryAdjustment',
  data: {
    staffId: STAFF,
    month,
    adjustmentId: '2026-03/correction:corr-1/lateness',
    originMonth: MARCH,
    originPayslipEventId: 'ev-payslip-2026-03',
    dueEventId: 'ev-due-1',
    kind: 'lateness',
    amountFen: 30_000,
    explanation: 'lateness deductions of 2026-03 down by ¥300.00 after its payslip was issued',
    ...data,
  },
  metadata: { now: '2026-04-08T10:00:01+08:00' },
});
const carried = (month: string): PayslipAdjustmentCarried => ({
  type: 'PayslipAdjustmentCarried',
  data: {
    staffId: STAFF,
    month,
    adjustmentId: '2026-03/correction:corr-1/lateness',
    originMonth: MARCH,
    originPayslipEventId: 'ev-payslip-2026-03',
    dueEventId: 'ev-due-1',
    kind: 'lateness',
    amountFen: 30_000,
    explanation: 'lateness deductions of 2026-03 down by ¥300.00 after its payslip was issued',
    carriedAt: '2026-04-08T10:00:01+08:00',
  },
});

describe('staff month: closing the month and adjusting later (HR-6)', () => {
  const closedWithFourLates = [...FOUR_LATES, correctionRequested, issued([...FOUR_LATES, correctionRequested])];

  it('HR-6 the issued payslip carries 4 lates at 1% + 1% + 5% + 5%', () => {
    const payslip = foldStaffMonth(closedWithFourLates).payslip!;
    expect(payslip.eventId).toBe('ev-payslip-2026-03');
    expect(payslip.lines.filter((l) => l.kind === 'lateness').map((l) => l.amountFen)).toEqual([-6_000, -6_000, -30_000, -30_000]);
    expect(payslip.totals.netFen).toBe(BASE - 72_000);
  });

  it('HR-6 a correction approved after issue clearing the 3rd of 4 lates refunds 5% of the base as an adjustment due; the issued lines stay', () => {
    const before = foldStaffMonth(closedWithFourLates).payslip!;
    const state = spec
      .given(closedWithFourLates)
      .when(approveCorrection())
      .then([
        {
          type: 'AttendanceCorrectionApproved',
          data: { staffId: STAFF, month: MARCH, correctionId: 'corr-1', date: '2026-03-04', cleared: ['late'], approvedBy: MANAGER, approvedAt: AFTER_CLOSE },
        },
        due(),
      ]);
    expect(state.payslip).toEqual(before);
    expect(state.payslip!.lines.filter((l) => l.kind === 'lateness').map((l) => l.amountFen)).toEqual([-6_000, -6_000, -30_000, -30_000]);
    expect(moneyByKind(state, EMPLOYEE, MARCH, MARCH_END).lateness).toBe(-42_000);
  });

  it('HR-6 a complaint upheld in a closed month is recorded there and its fine is due later', () => {
    const closed = [issued([])];
    spec
      .given(closed)
      .when(recordFine())
      .then([
        fineRecorded,
        due({
          adjustmentId: '2026-03/fine:fine-1/complaint-fine',
          originPayslipEventId: 'ev-payslip-2026-03',
          kind: 'complaint-fine',
          amountFen: -5_000,
          explanation: 'complaint fines of 2026-03 up by ¥50.00 after its payslip was issued: complaint upheld 2026-03-31 (ticket t-42)',
        }),
      ]);
  });

  it('HR-6 commission entered after issue is due as an addition, explained as commission going up', () => {
    spec
      .given([issued([])])
      .when(enterCommission())
      .then([
        {
          type: 'PayElementEntered',
          data: { staffId: STAFF, month: MARCH, entryId: 'comm-1', kind: 'commission', amountFen: 80_000, reason: 'renewals sold', enteredBy: MANAGER, enteredAt: AFTER_CLOSE },
        },
        due({
          adjustmentId: '2026-03/pay:comm-1/commission',
          kind: 'commission',
          amountFen: 80_000,
          explanation: 'commission of 2026-03 up by ¥800.00 after its payslip was issued: commission entered by mgr-wang: renewals sold',
        }),
      ]);
  });

  it('HR-6 a late sign-in imported after issue (the month’s 3rd) is due as a 5% deduction', () => {
    const twoLates = FOUR_LATES.slice(0, 2);
    spec
      .given([...twoLates, issued(twoLates)])
      .when(importPunch('2026-03-10', '08:40:00'))
      .then([
        { type: 'SignedIn', data: lateOn('2026-03-10').data },
        { type: 'LatenessViolationRaised', data: { staffId: STAFF, month: MARCH, date: '2026-03-10', lateCount: 3, managerId: MANAGER, raisedAt: AFTER_CLOSE } },
        due({
          adjustmentId: `2026-03/punch:${at('2026-03-10', '08:40:00')}//lateness`,
          amountFen: -30_000,
          explanation: 'lateness deductions of 2026-03 up by ¥300.00 after its payslip was issued: sign-in on 2026-03-10 at 08:40 recorded',
        }),
      ]);
  });

  it('HR-6 a fact after issue that moves no money (a conduct record without amount) is due nothing', () => {
    const state = spec.given([issued([])]).when(recordShirking()).then([
      {
        type: 'ConductRecorded',
        data: {
          staffId: STAFF,
          month: MARCH,
          recordId: 'shirking-f-1',
          kind: 'shirking',
          occurredAt: '2026-03-30T11:00:00+08:00',
          description: 'refused a transferred ticket',
          callMinutes: null,
          sanction: 'criticism',
          penaltyFen: null,
          source: 'service-desk',
          findingId: 'f-1',
          ticketId: null,
          integrationEventId: null,
          recordedBy: 'sup-zhou',
          recordedAt: AFTER_CLOSE,
        },
      },
    ]);
    expect(state.adjustmentsDue).toEqual([]);
  });

  it('HR-6 a fact before issue is no adjustment', () => {
    const beforeClose = '2026-03-31T18:00:00+08:00';
    spec.given(FOUR_LATES).when(recordFine(beforeClose)).then([{ ...fineRecorded, data: { ...fineRecorded.data, recordedAt: beforeClose } }]);
  });

  it('HR-6 retrying a fact already recorded after issue adds no second adjustment', () => {
    const afterFine = [issued([]), fineRecorded, due({ adjustmentId: '2026-03/fine:fine-1/complaint-fine', kind: 'complaint-fine', amountFen: -5_000 })];
    spec.given(afterFine).when(recordFine()).then([]);
  });

  describe('carrying adjustments', () => {
    it('HR-6 an adjustment carried to an open month lands there as a line citing the closed month', () => {
      const state = spec.when(carry(APRIL)).then([carried(APRIL)]);
      const april = foldStaffMonth([recorded('ev-carried', carried(APRIL))]);
      expect(state.adjustmentsCarried).toHaveLength(1);
      const { lines, totals } = computePayslip(april, EMPLOYEE, APRIL, APRIL_END);
      expect(lines).toEqual([
        expect.objectContaining({ kind: 'base', amountFen: BASE }),
        {
          kind: 'adjustment',
          amountFen: 30_000,
          description: 'Adjustment for 2026-03 (lateness): lateness deductions of 2026-03 down by ¥300.00 after its payslip was issued',
          rule: 'HR-6',
          date: null,
          eventIds: ['ev-carried', 'ev-due-1'],
          cites: { month: MARCH, payslipEventId: 'ev-payslip-2026-03', adjustmentId: '2026-03/correction:corr-1/lateness', dueEventId: 'ev-due-1' },
        },
      ]);
      expect(totals).toEqual({ baseFen: BASE, deductionsFen: 0, additionsFen: 30_000, netFen: BASE + 30_000 });
    });

    it('HR-6 a carried adjustment is not a fact of the month it lands on (it never adjusts that month again)', () => {
      expect(moneyByKind(foldStaffMonth([carried(APRIL)]), EMPLOYEE, APRIL, APRIL_END).lateness).toBe(0);
    });

    it('HR-6 carrying the same adjustment again records nothing', () => {
      spec.given([carried(APRIL)]).when(carry(APRIL)).then([]);
    });

    it('HR-6 a closed month cannot take a carried adjustment: it passes it on as due', () => {
      const aprilClosed = [issued([], APRIL)];
      const state = spec
        .given(aprilClosed)
        .when(carry(APRIL))
        .then([
          due({
            month: APRIL,
            explanation: 'lateness deductions of 2026-03 down by ¥300.00 after its payslip was issued',
            originDueEventId: 'ev-due-1',
            dueAt: '2026-04-08T10:00:01+08:00',
          }),
        ]);
      expect(state.adjustmentsCarried).toEqual([]);
      spec.given([...aprilClosed, recorded('ev-due-2', due({ month: APRIL, originDueEventId: 'ev-due-1' }))]).when(carry(APRIL)).then([]);
    });
  });
});
