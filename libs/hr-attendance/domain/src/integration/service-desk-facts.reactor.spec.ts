import type { Decider, DomainEvent, IntegrationEvent, ReactionContext } from '@ebp/shared-eventsourcing';
import type { ComplaintUpheldV1, ShirkingFindingRecordedV1 } from '@ebp/service-desk-contracts';
import { hrAttendanceIntegrationReactors } from '../index';
import type { RecordComplaintFine, RecordConduct, StaffMonthCommand } from '../staff-month/staff-month.commands';
import { foldStaffMonth, staffMonthDecider } from '../staff-month/staff-month.decider';
import type { StaffMonthEvent } from '../staff-month/staff-month.events';
import { computePayslip } from '../staff-month/payslip';
import type { Employee } from '../employee/employee.decider';
import { complaintFineReactor, shirkingConductReactor } from './service-desk-facts.reactor';

const STAFF = 'cs-li';
const NOW = '2026-04-01T09:00:00+08:00';

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

/** A ReactionContext that runs nothing: it records which decider, stream and command a reactor asked for. */
function fakeContext(now = NOW) {
  const executions: { decider: unknown; streamId: string; command: unknown }[] = [];
  const context: ReactionContext = {
    async execute<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, streamId: string, build: (now: string) => C): Promise<void> {
      executions.push({ decider, streamId, command: build(now) });
    },
  };
  return { context, executions };
}

const envelope = { source: 'service-desk' as const, position: 41, occurredAt: '2026-03-31T16:30:00Z', correlationId: 'corr-9', causationId: null };

const complaintUpheld = (upheldAt: string, data: Partial<ComplaintUpheldV1['data']> = {}): ComplaintUpheldV1 => ({
  ...envelope,
  type: 'service-desk.complaint-upheld.v1',
  id: 'ie-complaint-1',
  subject: 't-42',
  streamId: 'service-desk.ticket.t-42',
  data: { ticketId: 't-42', customerId: 'water-works', staffId: STAFF, severity: 'moderate', finding: 'promised a callback, never called', upheldBy: 'sup-zhou', upheldAt, ...data },
});
const shirkingFound = (recordedAt: string): ShirkingFindingRecordedV1 => ({
  ...envelope,
  type: 'service-desk.shirking-finding-recorded.v1',
  id: 'ie-finding-1',
  subject: 'f-9',
  streamId: 'service-desk.shirking-finding.f-9',
  data: {
    findingId: 'f-9',
    ticketId: 't-42',
    customerId: 'water-works',
    staffId: STAFF,
    staffName: 'Li Na',
    staffDepartment: 'customer-service',
    kind: 'wrangling',
    sanction: 'criticism',
    description: 'argued with the technician instead of handing over',
    recordedBy: 'sup-zhou',
    recordedAt,
  },
});

async function reactTo<C extends StaffMonthCommand>(reactor: typeof complaintFineReactor, event: IntegrationEvent) {
  const { context, executions } = fakeContext();
  await reactor.react(event, context);
  for (const e of executions) expect(e.decider).toBe(staffMonthDecider);
  return executions.map((e) => ({ streamId: e.streamId, command: e.command as C }));
}

const decideOn = (history: StaffMonthEvent[], command: StaffMonthCommand) => staffMonthDecider.decide(command, foldStaffMonth(history));

describe('service desk facts (integration reactors)', () => {
  it('HR-4 both reactors consume the service desk’s published language and are registered', () => {
    expect(complaintFineReactor.from).toEqual(['service-desk']);
    expect(shirkingConductReactor.from).toEqual(['service-desk']);
    expect(hrAttendanceIntegrationReactors).toEqual(expect.arrayContaining([complaintFineReactor, shirkingConductReactor]));
  });

  describe('service-desk.complaint-upheld.v1', () => {
    it('HR-4 becomes a complaint fine on the staff month of upheldAt, with the integration event id as fine id', async () => {
      const reactions = await reactTo<RecordComplaintFine>(complaintFineReactor, complaintUpheld('2026-03-31T23:30:00+08:00'));
      expect(reactions).toEqual([
        {
          streamId: 'hr-attendance.staff-month.2026-03.cs-li',
          command: {
            type: 'RecordComplaintFine',
            data: {
              staffId: STAFF,
              month: '2026-03',
              fineId: 'ie-complaint-1',
              complainant: 'customer',
              source: 'service-desk',
              ticketId: 't-42',
              integrationEventId: 'ie-complaint-1',
              severity: 'moderate',
              finding: 'promised a callback, never called',
              upheldBy: 'sup-zhou',
              upheldAt: '2026-03-31T23:30:00+08:00',
              by: 'service-desk',
            },
            metadata: { now: NOW },
          },
        },
      ]);
    });

    it('HR-4 the month is the Shanghai month: upheld 2026-03-31T16:30Z (00:30 on 1 April in Shanghai) goes to April', async () => {
      const [reaction] = await reactTo<RecordComplaintFine>(complaintFineReactor, complaintUpheld('2026-03-31T16:30:00Z'));
      expect(reaction.streamId).toBe('hr-attendance.staff-month.2026-04.cs-li');
      expect(reaction.command.data.month).toBe('2026-04');
      expect(decideOn([], reaction.command)).toEqual([
        expect.objectContaining({ type: 'ComplaintFineRecorded', data: expect.objectContaining({ month: '2026-04', amountFen: 5_000, integrationEventId: 'ie-complaint-1' }) }),
      ]);
    });

    it('HR-4 the fine is the policy’s for the severity and a deduction on that month’s payslip', async () => {
      const [reaction] = await reactTo<RecordComplaintFine>(complaintFineReactor, complaintUpheld('2026-03-20T11:00:00+08:00', { severity: 'serious' }));
      const events = decideOn([], reaction.command);
      const { lines } = computePayslip(foldStaffMonth(events), EMPLOYEE, '2026-03', '2026-04-01T00:00:00+08:00');
      expect(lines.filter((l) => l.kind === 'complaint-fine').map((l) => [l.amountFen, l.rule, l.date])).toEqual([[-20_000, 'HR-4', '2026-03-20']]);
    });

    it('HR-4 a redelivered complaint changes nothing (the fine id is the integration event id)', async () => {
      const event = complaintUpheld('2026-03-20T11:00:00+08:00');
      const [first] = await reactTo<RecordComplaintFine>(complaintFineReactor, event);
      const [again] = await reactTo<RecordComplaintFine>(complaintFineReactor, event);
      expect(decideOn(decideOn([], first.command), again.command)).toEqual([]);
    });

    it('HR-4 ignores every other service desk event', async () => {
      expect(await reactTo(complaintFineReactor, shirkingFound('2026-03-20T11:00:00+08:00'))).toEqual([]);
      expect(await reactTo(complaintFineReactor, { ...complaintUpheld('2026-03-20T11:00:00+08:00'), type: 'service-desk.ticket-resolved.v1' })).toEqual([]);
    });
  });

  describe('service-desk.shirking-finding-recorded.v1', () => {
    it('HR-7 becomes a shirking conduct record with its sanction on the staff month of recordedAt', async () => {
      const reactions = await reactTo<RecordConduct>(shirkingConductReactor, shirkingFound('2026-03-20T11:00:00+08:00'));
      expect(reactions).toEqual([
        {
          streamId: 'hr-attendance.staff-month.2026-03.cs-li',
          command: {
            type: 'RecordConduct',
            data: {
              staffId: STAFF,
              month: '2026-03',
              recordId: 'shirking-f-9',
              kind: 'shirking',
              occurredAt: '2026-03-20T11:00:00+08:00',
              description: 'wrangling on ticket t-42: argued with the technician instead of handing over',
              sanction: 'criticism',
              penaltyFen: null,
              source: 'service-desk',
              findingId: 'f-9',
              ticketId: 't-42',
              integrationEventId: 'ie-finding-1',
              by: 'sup-zhou',
            },
            metadata: { now: NOW },
          },
        },
      ]);
    });

    it('HR-7 the month is the Shanghai month of recordedAt (2026-02-28T16:10Z is 1 March)', async () => {
      const [reaction] = await reactTo<RecordConduct>(shirkingConductReactor, shirkingFound('2026-02-28T16:10:00Z'));
      expect(reaction.streamId).toBe('hr-attendance.staff-month.2026-03.cs-li');
    });

    it('HR-7 the finding is recorded with its sanction and no amount, so it is no payslip line; a redelivery changes nothing', async () => {
      const [reaction] = await reactTo<RecordConduct>(shirkingConductReactor, shirkingFound('2026-03-20T11:00:00+08:00'));
      const events = decideOn([], reaction.command);
      expect(events).toEqual([
        expect.objectContaining({ type: 'ConductRecorded', data: expect.objectContaining({ kind: 'shirking', sanction: 'criticism', penaltyFen: null, findingId: 'f-9', recordedBy: 'sup-zhou' }) }),
      ]);
      const { lines } = computePayslip(foldStaffMonth(events), EMPLOYEE, '2026-03', '2026-04-01T00:00:00+08:00');
      expect(lines.map((l) => l.kind)).toEqual(['base']);
      expect(decideOn(events, reaction.command)).toEqual([]);
    });

    it('HR-7 ignores complaints', async () => {
      expect(await reactTo(shirkingConductReactor, complaintUpheld('2026-03-20T11:00:00+08:00'))).toEqual([]);
    });
  });
});
