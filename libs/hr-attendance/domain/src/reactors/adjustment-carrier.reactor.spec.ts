import type { Decider, DomainEvent, EventMetadata, ReactionContext, RecordedEvent } from '@ebp/shared-eventsourcing';
import { recorded } from '@ebp/shared-eventsourcing/testing';
import type { Employee } from '../employee/employee.decider';
import { staffMonthOf, staffMonthStream } from '../shared/streams';
import { computePayslip } from '../staff-month/payslip';
import type { CarryAdjustment, StaffMonthCommand } from '../staff-month/staff-month.commands';
import { foldStaffMonth, staffMonthDecider } from '../staff-month/staff-month.decider';
import type { PayslipAdjustmentDue, PayslipIssued, StaffMonthEvent } from '../staff-month/staff-month.events';
import { adjustmentCarrierReactor } from './adjustment-carrier.reactor';

const STAFF = 'cs-li';
const NOW = '2026-04-08T10:00:05+08:00';

const EMPLOYEE: Employee = {
  status: 'employed',
  staffId: STAFF,
  name: 'Li Na',
  position: 'customer service agent',
  department: 'customer-service',
  managerId: 'mgr-wang',
  hireDate: '2025-06-02',
  probationEnds: '2025-09-01',
  leavingDate: null,
  leavingReason: null,
  salary: [{ effectiveFrom: '2025-06-02', baseSalaryFen: 600_000, eventId: 'ev-hire' }],
};

/** A ReactionContext that runs nothing: it records which decider, stream and command the reactor asked for. */
function fakeContext(now = NOW) {
  const executions: { decider: unknown; streamId: string; command: unknown }[] = [];
  const context: ReactionContext = {
    async execute<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, streamId: string, build: (now: string) => C): Promise<void> {
      executions.push({ decider, streamId, command: build(now) });
    },
  };
  return { context, executions };
}

const dueData = (data: Partial<PayslipAdjustmentDue['data']> = {}): PayslipAdjustmentDue['data'] => ({
  staffId: STAFF,
  month: '2026-03',
  adjustmentId: '2026-03/correction:corr-1/lateness',
  originMonth: '2026-03',
  originPayslipEventId: 'ev-payslip-2026-03',
  kind: 'lateness',
  amountFen: 30_000,
  explanation: 'lateness deductions of 2026-03 down by ¥300.00 after its payslip was issued',
  dueAt: '2026-04-08T10:00:00+08:00',
  ...data,
});
/** A PayslipAdjustmentDue as the store delivers it, on the stream of its month. */
const recordedDue = (eventId: string, data: Partial<PayslipAdjustmentDue['data']> = {}, metadata: Partial<EventMetadata> = {}): RecordedEvent<PayslipAdjustmentDue> => {
  const d = dueData(data);
  return recorded<PayslipAdjustmentDue>({ type: 'PayslipAdjustmentDue', data: d }, { eventId, streamId: staffMonthStream(d.month, STAFF), causationId: null, ...metadata });
};
const issued = (month: string): PayslipIssued => ({
  type: 'PayslipIssued',
  data: {
    staffId: STAFF,
    month,
    employee: EMPLOYEE,
    ...computePayslip(foldStaffMonth([]), EMPLOYEE, month, `${month}-28T23:00:00+08:00`),
    issuedBy: 'hr-zhao',
    issuedAt: NOW,
  },
});

/** What the reactor asks for in reaction to `event` (exactly one command, or none). */
async function reactTo(event: RecordedEvent): Promise<{ streamId: string; command: CarryAdjustment } | null> {
  const { context, executions } = fakeContext();
  await adjustmentCarrierReactor.react(event, context);
  expect(executions.length).toBeLessThanOrEqual(1);
  if (executions.length === 0) return null;
  expect(executions[0].decider).toBe(staffMonthDecider);
  return { streamId: executions[0].streamId, command: executions[0].command as CarryAdjustment };
}

const decideOn = (history: StaffMonthEvent[], command: StaffMonthCommand) => staffMonthDecider.decide(command, foldStaffMonth(history));

describe('adjustment carrier reactor (HR-6)', () => {
  it('HR-6 carries an adjustment due on a closed month to the next month’s stream, citing the due event', async () => {
    const reaction = await reactTo(recordedDue('ev-due-1'));
    expect(reaction).toEqual({
      streamId: 'hr-attendance.staff-month.2026-04.cs-li',
      command: {
        type: 'CarryAdjustment',
        data: {
          staffId: STAFF,
          month: '2026-04',
          adjustmentId: '2026-03/correction:corr-1/lateness',
          originMonth: '2026-03',
          originPayslipEventId: 'ev-payslip-2026-03',
          dueEventId: 'ev-due-1',
          kind: 'lateness',
          amountFen: 30_000,
          explanation: 'lateness deductions of 2026-03 down by ¥300.00 after its payslip was issued',
        },
        metadata: { now: NOW },
      },
    });
    expect(staffMonthOf(reaction!.streamId)).toEqual({ month: '2026-04', staffId: STAFF });
  });

  it('HR-6 December’s adjustment goes to January of the next year', async () => {
    const reaction = await reactTo(recordedDue('ev-due-dec', { month: '2026-12', originMonth: '2026-12', adjustmentId: '2026-12/pay:b-1/bonus', kind: 'bonus' }));
    expect(reaction?.streamId).toBe('hr-attendance.staff-month.2027-01.cs-li');
    expect(reaction?.command.data).toMatchObject({ month: '2027-01', originMonth: '2026-12', dueEventId: 'ev-due-dec' });
  });

  it('HR-6 on an open next month the command lands the adjustment as PayslipAdjustmentCarried', async () => {
    const { command } = (await reactTo(recordedDue('ev-due-1')))!;
    expect(decideOn([], command)).toEqual([
      {
        type: 'PayslipAdjustmentCarried',
        data: { ...command.data, carriedAt: NOW },
      },
    ]);
  });

  it('HR-6 on a closed next month the command passes the adjustment on as PayslipAdjustmentDue', async () => {
    const { command } = (await reactTo(recordedDue('ev-due-1')))!;
    expect(decideOn([issued('2026-04')], command)).toEqual([
      {
        type: 'PayslipAdjustmentDue',
        data: { ...dueData({ month: '2026-04', dueAt: NOW }), originDueEventId: 'ev-due-1' },
      },
    ]);
  });

  it('HR-6 an adjustment passed on across two closed months lands on the first open one, still citing the origin’s due event', async () => {
    // March's due → April (closed) passes on → May (closed) passes on → June (open) lands it.
    let event: RecordedEvent = recordedDue('ev-due-march');
    const closed: Record<string, StaffMonthEvent[]> = { '2026-04': [issued('2026-04')], '2026-05': [issued('2026-05')], '2026-06': [] };
    for (const month of ['2026-04', '2026-05']) {
      const { streamId, command } = (await reactTo(event))!;
      expect(streamId).toBe(staffMonthStream(month, STAFF));
      expect(command.data.dueEventId).toBe('ev-due-march');
      const [passedOn] = decideOn(closed[month], command);
      expect(passedOn).toMatchObject({ type: 'PayslipAdjustmentDue', data: { month, originMonth: '2026-03', originDueEventId: 'ev-due-march' } });
      // The runner records it caused by the event the reactor handled.
      event = recorded(passedOn, { eventId: `ev-due-${month}`, streamId, causationId: event.metadata.eventId });
    }
    const { streamId, command } = (await reactTo(event))!;
    expect(streamId).toBe('hr-attendance.staff-month.2026-06.cs-li');
    expect(decideOn(closed['2026-06'], command)).toEqual([
      { type: 'PayslipAdjustmentCarried', data: expect.objectContaining({ month: '2026-06', originMonth: '2026-03', dueEventId: 'ev-due-march', amountFen: 30_000 }) },
    ]);
  });

  it('HR-6 a passed-on due without the origin’s id (first hop) cites its causation, the origin’s due', async () => {
    const reaction = await reactTo(recordedDue('ev-due-april', { month: '2026-04' }, { causationId: 'ev-due-march' }));
    expect(reaction?.command.data).toMatchObject({ month: '2026-05', dueEventId: 'ev-due-march' });
  });

  it('HR-6 reacting twice to the same due asks for the same adjustment id, so the second is a no-op', async () => {
    const first = (await reactTo(recordedDue('ev-due-1')))!;
    const second = (await reactTo(recordedDue('ev-due-1')))!;
    expect(second).toEqual(first);
    const landed = decideOn([], first.command);
    expect(decideOn(landed, second.command)).toEqual([]);
  });

  it('HR-6 ignores every other event, and a PayslipAdjustmentDue outside the staff-month streams', async () => {
    const signedIn = recorded(
      { type: 'SignedIn', data: { staffId: STAFF, month: '2026-03', date: '2026-03-02', at: '2026-03-02T08:40:00+08:00', source: 'self', workingDay: true, minutesLate: 10, workStart: '08:30', graceMinutes: 0 } },
      { streamId: staffMonthStream('2026-03', STAFF) },
    );
    expect(await reactTo(signedIn)).toBeNull();
    expect(await reactTo(recordedDue('ev-due-1', {}, { streamId: 'hr-attendance.employee.cs-li' }))).toBeNull();
  });
});
