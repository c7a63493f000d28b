import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { Employee } from '../employee/employee.decider';
import type { MaybeRecorded } from '../shared/event-id';
import { computePayslip, workingDaysOf } from './payslip';
import type { EnterPayElement, HrActor, IssuePayslip, RecordComplaintFine, RecordConduct } from './staff-month.commands';
import { foldStaffMonth, staffMonthDecider } from './staff-month.decider';
import type { ComplaintFineRecorded, ConductRecorded, PayElementEntered, PayslipIssued, SignedIn, StaffMonthEvent } from './staff-month.events';

const spec = DeciderSpecification.for(staffMonthDecider);

const STAFF = 'cs-li';
const MANAGER = 'mgr-wang';
const MANAGER_ACTOR: HrActor = { userId: MANAGER, hrManager: false };
const MONTH = '2026-03';
const MONTH_END = '2026-04-01T00:00:00+08:00';
const DURING = '2026-03-20T10:00:00+08:00';
/** Base ¥6,000.00; March 2026 has 22 working days. */
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

const recorded = <E extends StaffMonthEvent>(eventId: string, event: E): MaybeRecorded<E> => ({ ...event, metadata: { eventId } });

// Builders: commands
const recordFine = (data: Partial<RecordComplaintFine['data']> = {}, now = DURING): RecordComplaintFine => ({
  type: 'RecordComplaintFine',
  data: {
    staffId: STAFF,
    month: MONTH,
    fineId: 'fine-1',
    complainant: 'customer',
    source: 'hr',
    ticketId: 't-42',
    integrationEventId: null,
    severity: 'moderate',
    finding: 'rude on the phone',
    upheldBy: 'sup-zhou',
    upheldAt: '2026-03-18T15:00:00+08:00',
    by: 'hr-zhao',
    ...data,
  },
  metadata: { now },
});
const recordConduct = (data: Partial<RecordConduct['data']> = {}, now = DURING): RecordConduct => ({
  type: 'RecordConduct',
  data: {
    staffId: STAFF,
    month: MONTH,
    recordId: 'cond-1',
    kind: 'personal-call',
    occurredAt: '2026-03-19T10:15:00+08:00',
    description: 'personal call at the service desk',
    callMinutes: 4,
    sanction: 'warning',
    penaltyFen: null,
    source: 'hr',
    by: MANAGER,
    ...data,
  },
  metadata: { now },
});
const enterPay = (kind: 'commission' | 'bonus', amountFen: number, by: HrActor = MANAGER_ACTOR, entryId = `${kind}-1`): EnterPayElement => ({
  type: 'EnterPayElement',
  data: { staffId: STAFF, month: MONTH, employee: EMPLOYEE, entryId, kind, amountFen, reason: kind === 'commission' ? 'renewals sold' : 'customer praise', by },
  metadata: { now: DURING },
});
const issue = (now = MONTH_END, who = EMPLOYEE): IssuePayslip => ({ type: 'IssuePayslip', data: { staffId: STAFF, month: MONTH, employee: who, by: 'hr-zhao' }, metadata: { now } });

// Builders: events
const fineRecorded = (amountFen: number, data: Partial<ComplaintFineRecorded['data']> = {}): ComplaintFineRecorded => ({
  type: 'ComplaintFineRecorded',
  data: {
    staffId: STAFF,
    month: MONTH,
    fineId: 'fine-1',
    complainant: 'customer',
    source: 'hr',
    ticketId: 't-42',
    integrationEventId: null,
    severity: 'moderate',
    amountFen,
    finding: 'rude on the phone',
    upheldBy: 'sup-zhou',
    upheldAt: '2026-03-18T15:00:00+08:00',
    recordedBy: 'hr-zhao',
    recordedAt: DURING,
    ...data,
  },
});
const conductRecorded = (data: Partial<ConductRecorded['data']> = {}): ConductRecorded => ({
  type: 'ConductRecorded',
  data: {
    staffId: STAFF,
    month: MONTH,
    recordId: 'cond-1',
    kind: 'personal-call',
    occurredAt: '2026-03-19T10:15:00+08:00',
    description: 'personal call at the service desk',
    callMinutes: 4,
    sanction: 'warning',
    penaltyFen: null,
    source: 'hr',
    findingId: null,
    ticketId: null,
    integrationEventId: null,
    recordedBy: MANAGER,
    recordedAt: DURING,
    ...data,
  },
});
const payEntered = (kind: 'commission' | 'bonus', amountFen: number): PayElementEntered => ({
  type: 'PayElementEntered',
  data: {
    staffId: STAFF,
    month: MONTH,
    entryId: `${kind}-1`,
    kind,
    amountFen,
    reason: kind === 'commission' ? 'renewals sold' : 'customer praise',
    enteredBy: MANAGER,
    enteredAt: DURING,
  },
});
const lateSignIn: SignedIn = {
  type: 'SignedIn',
  data: { staffId: STAFF, month: MONTH, date: '2026-03-02', at: '2026-03-02T08:50:00+08:00', source: 'self', workingDay: true, minutesLate: 20, workStart: '08:30', graceMinutes: 0 },
};

const payslipOf = (events: StaffMonthEvent[], who = EMPLOYEE) => computePayslip(foldStaffMonth(events), who, MONTH, MONTH_END);

describe('staff month: the payslip (HR-4, HR-6, HR-7)', () => {
  describe('complaint fines', () => {
    it.each([
      ['minor', 1_000],
      ['moderate', 5_000],
      ['serious', 20_000],
    ] as const)('HR-4 an upheld %s complaint carries the policy fine of %d fen', (severity, amountFen) => {
      spec.when(recordFine({ severity })).then([fineRecorded(amountFen, { severity })]);
    });

    it('HR-4 an explicit fine of at least 10 CNY (1,000 fen) is accepted', () => {
      spec.when(recordFine({ fineFen: 1_000 })).then([fineRecorded(1_000)]);
      spec.when(recordFine({ fineFen: 12_345 })).then([fineRecorded(12_345)]);
    });

    it('HR-4 refuses a fine below 10 CNY (999 fen), naming HR-4', () => {
      const error = spec.when(recordFine({ fineFen: 999 })).thenThrows('HR-4');
      expect(error).toMatchObject({ kind: 'rule', field: 'fineFen' });
      expect(error.message).toContain('¥10.00');
    });

    it('HR-4 refuses a fine that is not a positive whole number of fen', () => {
      expect(spec.when(recordFine({ fineFen: 0 })).thenThrows('HR-4').kind).toBe('invalid');
      expect(spec.when(recordFine({ fineFen: 1_500.5 })).thenThrows('HR-4').kind).toBe('invalid');
    });

    it('HR-4 a fine recorded again under the same id changes nothing', () => {
      spec.given([fineRecorded(5_000)]).when(recordFine()).then([]);
      spec.given([fineRecorded(5_000)]).when(recordFine({ severity: 'serious' })).then([]);
    });

    it('HR-4 refuses a complaint upheld outside the stream month (Shanghai time)', () => {
      expect(spec.when(recordFine({ upheldAt: '2026-03-31T16:30:00Z' })).thenThrows('HR-4').field).toBe('upheldAt');
    });

    it('HR-4 a month without upheld complaints pays exactly the base', () => {
      const payslip = payslipOf([]);
      expect(payslip.lines).toEqual([
        { kind: 'base', amountFen: BASE, description: 'Monthly base salary ¥6,000.00', rule: 'HR-6', date: null, eventIds: ['ev-hire'], cites: null },
      ]);
      expect(payslip.totals).toEqual({ baseFen: BASE, deductionsFen: 0, additionsFen: 0, netFen: BASE });
    });

    it('HR-4 each fine is its own deduction line naming the complaint', () => {
      const line = payslipOf([recorded('ev-fine', fineRecorded(5_000, { complainant: 'sales' }))]).lines.find((l) => l.kind === 'complaint-fine');
      expect(line).toEqual({
        kind: 'complaint-fine',
        amountFen: -5_000,
        description: 'Complaint upheld 2026-03-18 (from a sales colleague, moderate, ticket t-42): rude on the phone',
        rule: 'HR-4',
        date: '2026-03-18',
        eventIds: ['ev-fine'],
        cites: null,
      });
    });
  });

  describe('conduct records', () => {
    it('HR-7 refuses a personal call of 3 minutes (not over the limit), naming HR-7', () => {
      expect(spec.when(recordConduct({ callMinutes: 3 })).thenThrows('HR-7')).toMatchObject({ kind: 'rule', field: 'callMinutes' });
    });

    it('HR-7 records a personal call of 4 minutes', () => {
      spec.when(recordConduct({ callMinutes: 4 })).then([conductRecorded()]);
    });

    it('HR-7 a personal call needs its length', () => {
      expect(spec.when(recordConduct({ callMinutes: null })).thenThrows('HR-7').kind).toBe('invalid');
    });

    it.each(['unrelated-browsing', 'games', 'customer-dispute'] as const)('HR-7 records %s (no call length)', (kind) => {
      spec.when(recordConduct({ kind, callMinutes: 12 })).then([conductRecorded({ kind, callMinutes: null })]);
    });

    it('HR-7 a conduct record with a penalty amount is a deduction line; one without is not', () => {
      const penalised = recorded('ev-call', conductRecorded({ penaltyFen: 5_000 }));
      const warned = recorded('ev-games', conductRecorded({ recordId: 'cond-2', kind: 'games', callMinutes: null, sanction: null, penaltyFen: null }));
      const lines = payslipOf([penalised, warned]).lines.filter((l) => l.kind === 'conduct-penalty');
      expect(lines).toEqual([
        {
          kind: 'conduct-penalty',
          amountFen: -5_000,
          description: 'Conduct: personal-call (4 min) on 2026-03-19, warning: personal call at the service desk',
          rule: 'HR-7',
          date: '2026-03-19',
          eventIds: ['ev-call'],
          cites: null,
        },
      ]);
    });

    it('HR-7 the penalty is recorded with the conduct; a repeat of the record changes nothing', () => {
      spec.when(recordConduct({ penaltyFen: 5_000 })).then([conductRecorded({ penaltyFen: 5_000 })]);
      spec.given([conductRecorded()]).when(recordConduct({ penaltyFen: 5_000 })).then([]);
    });

    it('HR-7 refuses a conduct record dated in the future', () => {
      expect(spec.when(recordConduct({ occurredAt: '2026-03-21T10:00:00+08:00' })).thenThrows('HR-7').field).toBe('occurredAt');
    });
  });

  describe('commission and bonus', () => {
    it('HR-6 the manager enters commission and bonus', () => {
      spec.when(enterPay('commission', 80_000)).then([payEntered('commission', 80_000)]);
      spec.when(enterPay('bonus', 20_000)).then([payEntered('bonus', 20_000)]);
    });

    it('HR-6 only the line manager enters commission or bonus (403 forbidden)', () => {
      expect(spec.when(enterPay('bonus', 20_000, { userId: STAFF, hrManager: false })).thenThrows('HR-6').kind).toBe('forbidden');
      expect(spec.when(enterPay('bonus', 20_000, { userId: 'cs-chen', hrManager: false })).thenThrows('HR-6').kind).toBe('forbidden');
      expect(spec.when(enterPay('commission', 80_000, { userId: 'hr-zhao', hrManager: true })).thenThrows('HR-6').kind).toBe('forbidden');
    });

    it('HR-6 refuses an amount that is not positive, and a second entry under the same id', () => {
      expect(spec.when(enterPay('bonus', 0)).thenThrows('HR-6').kind).toBe('invalid');
      expect(spec.given([payEntered('bonus', 20_000)]).when(enterPay('bonus', 20_000)).thenThrows('HR-6').kind).toBe('conflict');
    });
  });

  describe('the payslip', () => {
    it('HR-6 net = base − lateness − fines − conduct penalties + commission + bonus, each line naming its events', () => {
      const events = [
        recorded('ev-late', lateSignIn),
        recorded('ev-fine', fineRecorded(5_000)),
        recorded('ev-call', conductRecorded({ penaltyFen: 5_000 })),
        recorded('ev-commission', payEntered('commission', 80_000)),
        recorded('ev-bonus', payEntered('bonus', 20_000)),
      ];
      const { lines, totals } = payslipOf(events);
      expect(lines.map((l) => [l.kind, l.amountFen, l.eventIds])).toEqual([
        ['base', 600_000, ['ev-hire']],
        ['lateness', -6_000, ['ev-late']],
        ['complaint-fine', -5_000, ['ev-fine']],
        ['conduct-penalty', -5_000, ['ev-call']],
        ['commission', 80_000, ['ev-commission']],
        ['bonus', 20_000, ['ev-bonus']],
      ]);
      expect(lines.find((l) => l.kind === 'commission')!.description).toBe('Commission entered by mgr-wang: renewals sold');
      expect(totals).toEqual({ baseFen: 600_000, deductionsFen: -16_000, additionsFen: 100_000, netFen: 684_000 });
    });

    it('HR-6 someone hired mid-month gets the base × working days employed / working days (12 of 22 → 3,272.73)', () => {
      expect(workingDaysOf(MONTH)).toHaveLength(22);
      const joiner = employee({ hireDate: '2026-03-16', salary: [{ effectiveFrom: '2026-03-16', baseSalaryFen: BASE, eventId: 'ev-hire' }] });
      const { lines, totals, attendance } = payslipOf([], joiner);
      expect(lines).toEqual([
        {
          kind: 'base',
          amountFen: 327_273,
          description: 'Base ¥6,000.00 × 12/22 working days (2026-03-16 – 2026-03-31)',
          rule: 'HR-6',
          date: null,
          eventIds: ['ev-hire'],
          cites: null,
        },
      ]);
      expect(totals.netFen).toBe(327_273);
      expect(attendance).toMatchObject({ workingDays: 22, workingDaysEmployed: 12 });
    });

    it('HR-6 proration counts the make-up workday: hired 2026-02-24, 5 of February’s 16 working days → 1,875.00', () => {
      const joiner = employee({ hireDate: '2026-02-24', salary: [{ effectiveFrom: '2026-02-24', baseSalaryFen: BASE, eventId: 'ev-hire' }] });
      const { lines } = computePayslip(foldStaffMonth([]), joiner, '2026-02', '2026-03-01T00:00:00+08:00');
      expect(lines.map((l) => [l.amountFen, l.description])).toEqual([[187_500, 'Base ¥6,000.00 × 5/16 working days (2026-02-24 – 2026-02-28)']]);
    });

    it('HR-6 someone leaving mid-month gets the base for the working days up to the leaving date (10 of 22 → 2,727.27)', () => {
      const leaver = employee({ leavingDate: '2026-03-13' });
      expect(payslipOf([], leaver).lines.map((l) => l.amountFen)).toEqual([272_727]);
    });

    it('HR-6 a salary change mid-month splits the base into one prorated line per salary version', () => {
      const raised = employee({
        salary: [
          { effectiveFrom: '2025-06-02', baseSalaryFen: BASE, eventId: 'ev-hire' },
          { effectiveFrom: '2026-03-16', baseSalaryFen: 700_000, eventId: 'ev-raise' },
        ],
      });
      expect(payslipOf([], raised).lines.map((l) => [l.amountFen, l.eventIds])).toEqual([
        [272_727, ['ev-hire']],
        [381_818, ['ev-raise']],
      ]);
    });

    it('HR-6 refuses to issue the payslip before the month has ended', () => {
      const error = spec.given([lateSignIn]).when(issue('2026-03-31T23:59:59+08:00')).thenThrows('HR-6');
      expect(error).toMatchObject({ kind: 'rule', field: 'month' });
    });

    it('HR-6 issuing freezes the payslip computed at the end of the month', () => {
      const events = [recorded('ev-late', lateSignIn), recorded('ev-fine', fineRecorded(5_000))];
      const expected = payslipOf(events);
      const state = spec
        .given(events)
        .when(issue('2026-04-02T09:00:00+08:00'))
        .then([{ type: 'PayslipIssued', data: { staffId: STAFF, month: MONTH, employee: EMPLOYEE, ...expected, issuedBy: 'hr-zhao', issuedAt: '2026-04-02T09:00:00+08:00' } }]);
      expect(expected.totals.netFen).toBe(BASE - 6_000 - 5_000);
      expect(expected.attendance).toMatchObject({ workingDays: 22, daysSignedIn: 1, lates: 1, absences: 21, missingReports: 1 });
      expect(state.payslip).toMatchObject({ lines: expected.lines, totals: expected.totals });
    });

    it('HR-6 issuing an issued payslip again records nothing', () => {
      const issued: PayslipIssued = {
        type: 'PayslipIssued',
        data: { staffId: STAFF, month: MONTH, employee: EMPLOYEE, ...payslipOf([]), issuedBy: 'hr-zhao', issuedAt: MONTH_END },
      };
      spec.given([issued]).when(issue('2026-04-03T09:00:00+08:00')).then([]);
    });
  });
});
