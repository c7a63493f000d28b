import { ProjectionRunner, handleCommand, loadState, type Actor, type Decider, type DomainEvent } from '@ebp/shared-eventsourcing';
import { InMemoryEventStore, InMemoryReadModelStore } from '@ebp/shared-eventsourcing/testing';
import {
  employeeDecider,
  employeeStream,
  payrollMonthDecider,
  payrollMonthStream,
  staffMonthDecider,
  staffMonthStream,
  workingDaysOf,
  type Employee,
  type HrActor,
  type StaffMonthCommand,
} from '@ebp/hr-attendance-domain';
import { hrAttendanceProjections } from './composition/hr-attendance.projections';
import { HrEmployeeReadQueries } from './employees/employee-records.queries';
import { HrEmployeeQueries } from './employees/employees.queries';
import { HrAttendanceQueries } from './attendance/attendance.queries';
import { HrPayrollQueries } from './payroll/payroll.queries';
import { HrExternalFactQueries } from './facts/external-facts.queries';

// A small company in March 2026 (22 working days), driven through the real deciders and projections.
const MONTH = '2026-03';
const DAYS = workingDaysOf(MONTH);
const MARCH_END = '2026-03-31T20:00:00+08:00';
const CLOSE_AT = '2026-04-01T10:00:00+08:00';
const AFTER_CLOSE = '2026-04-02T10:00:00+08:00';

const HR: Actor = { userId: 'hr-zhou', roles: ['hr-manager'] };
const MANAGER: Actor = { userId: 'cs-li-na', roles: ['customer-service'] };
const WANG: Actor = { userId: 'cs-wang', roles: ['customer-service'] };
const CHEN: Actor = { userId: 'cs-chen', roles: ['customer-service'] };
const HUANG: Actor = { userId: 'ts-huang', roles: ['technical-service'] };
const FINANCE: Actor = { userId: 'fin-qian', roles: ['finance'] };

const hrActor = (a: Actor): HrActor => ({ userId: a.userId, hrManager: a.roles.includes('hr-manager') });
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

class World {
  readonly events = new InMemoryEventStore();
  readonly store = new InMemoryReadModelStore();
  private readonly runner = new ProjectionRunner(this.store, hrAttendanceProjections);

  async run<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, streamId: string, command: C, now: string, actor: Actor = HR) {
    return handleCommand(this.events, decider, streamId, command, { now, actor });
  }

  async employee(staffId: string): Promise<Employee> {
    return (await loadState(this.events, employeeDecider, employeeStream(staffId))).state as Employee;
  }

  async hire(staffId: string, department: string, managerId: string | null, baseSalaryFen: number) {
    await this.run(
      employeeDecider,
      employeeStream(staffId),
      { type: 'HireEmployee', data: { staffId, name: `Name of ${staffId}`, position: 'staff', department, managerId, baseSalaryFen, hireDate: '2025-01-01', by: HR.userId }, metadata: { now: '2026-02-01T09:00:00+08:00' } },
      '2026-02-01T09:00:00+08:00',
    );
  }

  /** A staff-month command whose data gets the employment record loaded fresh, as the API does. */
  async month(staffId: string, command: (employee: Employee) => StaffMonthCommand, now = MARCH_END, month = MONTH) {
    const employee = await this.employee(staffId);
    return this.run(staffMonthDecider, staffMonthStream(month, staffId), command(employee), now);
  }

  async punch(staffId: string, date: string, signIn: string | null, signOut: string | null) {
    await this.month(staffId, (employee) => ({
      type: 'RecordPunch',
      data: { staffId, month: MONTH, employee, signInAt: signIn && at(date, signIn), signOutAt: signOut && at(date, signOut), source: 'punch-clock' },
      metadata: { now: MARCH_END },
    }));
  }

  async report(staffId: string, date: string) {
    await this.month(staffId, (employee) => ({
      type: 'SubmitDailyReport',
      data: { staffId, month: MONTH, employee, date, contacts: [{ customer: 'c-1', channel: 'phone', summary: 'follow-up' }], summary: 'all handled' },
      metadata: { now: at(date, '18:00') },
    }), at(date, '18:00'));
  }

  async sync() {
    await this.runner.catchUp(this.events);
  }

  /** HR-6: the payroll close as the API runs it: every payslip, then the month. */
  async close(now = CLOSE_AT) {
    const employed = await new HrEmployeeQueries(this.store).employedIn(MONTH);
    const payslips: { staffId: string; netFen: number }[] = [];
    for (const e of employed) {
      await this.month(e.staffId, (employee) => ({ type: 'IssuePayslip', data: { staffId: e.staffId, month: MONTH, employee, by: HR.userId }, metadata: { now } }), now);
      const { state } = await loadState(this.events, staffMonthDecider, staffMonthStream(MONTH, e.staffId));
      payslips.push({ staffId: e.staffId, netFen: state.payslip!.totals.netFen });
    }
    await this.run(payrollMonthDecider, payrollMonthStream(MONTH), { type: 'ClosePayrollMonth', data: { month: MONTH, payslips, by: HR.userId }, metadata: { now } }, now);
  }
}

async function march(): Promise<World> {
  const w = new World();
  await w.hire('hr-zhou', 'HR', null, 800_000);
  await w.hire('cs-li-na', 'Customer service', null, 900_000);
  await w.hire('cs-wang', 'Customer service', 'cs-li-na', 600_000);
  await w.hire('cs-chen', 'Customer service', 'cs-li-na', 500_000);
  await w.hire('ts-boss', 'Technical service', null, 1_000_000);
  await w.hire('ts-huang', 'Technical service', 'ts-boss', 700_000);

  // cs-wang: late on the first three working days (the third is the HR-3 violation), on time on two more; reports on two days.
  for (const date of DAYS.slice(0, 3)) await w.punch('cs-wang', date, '09:05', '17:45');
  for (const date of DAYS.slice(3, 5)) await w.punch('cs-wang', date, '08:20', '17:40');
  for (const date of DAYS.slice(0, 2)) await w.report('cs-wang', date);
  // cs-wang asks to correct the first late (field work); still pending.
  await w.month('cs-wang', (employee) => ({
    type: 'RequestCorrection',
    data: { staffId: 'cs-wang', month: MONTH, employee, correctionId: `${MONTH}.cs-wang.0000000c`, date: DAYS[0], kind: 'field-work', reason: 'visited a customer first', by: hrActor(WANG) },
    metadata: { now: MARCH_END },
  }));
  // cs-chen: one pending leave request, one approved.
  for (const [id, from, to] of [[`${MONTH}.cs-chen.0000000a`, DAYS[10], DAYS[11]], [`${MONTH}.cs-chen.0000000b`, DAYS[14], DAYS[14]]]) {
    await w.month('cs-chen', (employee) => ({
      type: 'RequestLeave',
      data: { staffId: 'cs-chen', month: MONTH, employee, requestId: id, from, to, kind: 'annual', reason: 'family' },
      metadata: { now: '2026-03-01T09:00:00+08:00' },
    }), '2026-03-01T09:00:00+08:00');
  }
  await w.month('cs-chen', (employee) => ({
    type: 'DecideLeave',
    data: { staffId: 'cs-chen', month: MONTH, employee, requestId: `${MONTH}.cs-chen.0000000b`, approve: true, by: hrActor(MANAGER) },
    metadata: { now: '2026-03-02T09:00:00+08:00' },
  }), '2026-03-02T09:00:00+08:00');
  // ts-huang: on time, reports filed.
  for (const date of DAYS.slice(0, 2)) {
    await w.punch('ts-huang', date, '08:10', '17:35');
    await w.report('ts-huang', date);
  }
  // HR-4: a sales colleague's complaint against cs-wang (¥50 moderate); a service-desk complaint about an unknown staff id.
  await w.run(staffMonthDecider, staffMonthStream(MONTH, 'cs-wang'), {
    type: 'RecordComplaintFine',
    data: { staffId: 'cs-wang', month: MONTH, fineId: 'hr-1', complainant: 'sales', source: 'hr', ticketId: null, integrationEventId: null, severity: 'moderate', finding: 'promised a <b>free</b> upgrade', upheldBy: 'hr-zhou', upheldAt: '2026-03-10T10:00:00+08:00', by: 'hr-zhou' },
    metadata: { now: MARCH_END },
  }, MARCH_END);
  await w.run(staffMonthDecider, staffMonthStream(MONTH, 'ghost-1'), {
    type: 'RecordComplaintFine',
    data: { staffId: 'ghost-1', month: MONTH, fineId: 'ie-1', complainant: 'customer', source: 'service-desk', ticketId: 't-9', integrationEventId: 'ie-1', severity: 'minor', finding: 'no callback', upheldBy: 'sd-sup', upheldAt: '2026-03-12T10:00:00+08:00', by: 'service-desk' },
    metadata: { now: MARCH_END },
  }, MARCH_END);
  // HR-7: the service desk's shirking finding on cs-wang; a 12-minute personal call by cs-chen (¥20 penalty).
  await w.run(staffMonthDecider, staffMonthStream(MONTH, 'cs-wang'), {
    type: 'RecordConduct',
    data: { staffId: 'cs-wang', month: MONTH, recordId: 'shirking-f-1', kind: 'shirking', occurredAt: '2026-03-11T15:00:00+08:00', description: 'passed ticket t-3 on', sanction: 'criticism', penaltyFen: null, source: 'service-desk', findingId: 'f-1', ticketId: 't-3', integrationEventId: 'ie-2', by: 'sd-sup' },
    metadata: { now: MARCH_END },
  }, MARCH_END);
  await w.run(staffMonthDecider, staffMonthStream(MONTH, 'cs-chen'), {
    type: 'RecordConduct',
    data: { staffId: 'cs-chen', month: MONTH, recordId: 'hr-c-1', kind: 'personal-call', occurredAt: '2026-03-05T10:00:00+08:00', description: 'long call', callMinutes: 12, penaltyFen: 2000, source: 'hr', by: 'cs-li-na' },
    metadata: { now: MARCH_END },
  }, MARCH_END);
  // HR-6: the manager's commission for cs-wang.
  await w.month('cs-wang', (employee) => ({
    type: 'EnterPayElement',
    data: { staffId: 'cs-wang', month: MONTH, employee, entryId: `${MONTH}.cs-wang.0000000e`, kind: 'commission', amountFen: 100_000, reason: 'two renewals', by: hrActor(MANAGER) },
    metadata: { now: MARCH_END },
  }));
  await w.sync();
  return w;
}

describe('HR query views and access rules', () => {
  let w: World;
  beforeEach(async () => {
    w = await march();
  });

  it('HR-1 employees: hr-manager lists everyone or a department, a manager their team, anyone else is refused', async () => {
    const q = new HrEmployeeReadQueries(w.store);
    const all = await q.list(HR, { skip: 0, limit: 50 });
    expect(all.items.map((e) => e.staffId)).toEqual(['cs-chen', 'cs-li-na', 'cs-wang', 'hr-zhou', 'ts-boss', 'ts-huang']);
    expect((await q.list(HR, { department: 'Technical service', skip: 0, limit: 50 })).items.map((e) => e.staffId)).toEqual(['ts-boss', 'ts-huang']);
    const team = await q.list(MANAGER, { skip: 0, limit: 1 });
    expect([team.total, team.items.map((e) => e.staffId)]).toEqual([2, ['cs-chen']]);
    await expect(q.list(WANG, { skip: 0, limit: 50 })).rejects.toMatchObject({ rule: 'HR-1', kind: 'forbidden' });
  });

  it('HR-1 an employment record (salary versions are personal data) is read by the person, their manager and hr-manager only', async () => {
    const q = new HrEmployeeReadQueries(w.store);
    for (const reader of [HR, MANAGER, WANG]) expect((await q.one(reader, 'cs-wang')).salary).toEqual([expect.objectContaining({ baseSalaryFen: 600_000, effectiveFrom: '2025-01-01' })]);
    for (const reader of [CHEN, HUANG, FINANCE]) await expect(q.one(reader, 'cs-wang')).rejects.toMatchObject({ rule: 'HR-1', kind: 'forbidden' });
    await expect(q.one(HR, 'nobody')).rejects.toMatchObject({ kind: 'not-found' });
    await expect(q.one(HR, 'bad id!')).rejects.toMatchObject({ kind: 'invalid', field: 'staffId' });
  });

  it('HR-2 attendance of a month as of now: every day judged, summary, leave and corrections; colleagues are refused', async () => {
    const q = new HrAttendanceQueries(w.store);
    const view = await q.staffAttendance(MANAGER, 'cs-wang', MONTH, MARCH_END);
    expect(view.days).toHaveLength(31);
    expect(view.days.filter((d) => d.lateOrdinal !== null).map((d) => [d.date, d.minutesLate, d.lateOrdinal])).toEqual([
      [DAYS[0], 35, 1],
      [DAYS[1], 35, 2],
      [DAYS[2], 35, 3],
    ]);
    expect(view.summary).toEqual({ workingDays: 22, workingDaysEmployed: 22, daysSignedIn: 5, lates: 3, absences: 17, leaveDays: 0, correctedDays: 0, missingReports: 3 });
    expect(view.corrections.map((c) => [c.correctionId, c.status])).toEqual([[`${MONTH}.cs-wang.0000000c`, 'requested']]);
    expect(view.violation).toMatchObject({ date: DAYS[2], lateCount: 3 });
    expect(view.person).toEqual({ staffId: 'cs-wang', name: 'Name of cs-wang', position: 'staff', department: 'Customer service', managerId: 'cs-li-na' });
    // As of the third day's morning, later days have not ended: nobody is absent on them yet.
    const early = await q.staffAttendance(WANG, 'cs-wang', MONTH, at(DAYS[2], '10:00'));
    expect(early.summary).toMatchObject({ absences: 0, lates: 3, missingReports: 0 });
    const chen = await q.staffAttendance(HR, 'cs-chen', MONTH, MARCH_END);
    expect(chen.summary.leaveDays).toBe(1);
    expect(chen.leaves.map((l) => l.status)).toEqual(['requested', 'approved']);
    await expect(q.staffAttendance(CHEN, 'cs-wang', MONTH, MARCH_END)).rejects.toMatchObject({ rule: 'HR-2', kind: 'forbidden' });
    await expect(q.staffAttendance(HR, 'cs-wang', '2026-13', MARCH_END)).rejects.toMatchObject({ kind: 'invalid', field: 'month' });
  });

  it('HR-2 attendance summaries per person: hr-manager everyone employed (or a department), a manager their team, staff refused', async () => {
    const q = new HrAttendanceQueries(w.store);
    expect((await q.summaries(HR, MONTH, MARCH_END)).items).toHaveLength(6);
    const team = await q.summaries(MANAGER, MONTH, MARCH_END);
    expect(team.items.map((r) => [r.staffId, r.summary.lates, r.violation])).toEqual([
      ['cs-chen', 0, false],
      ['cs-wang', 3, true],
    ]);
    expect((await q.summaries(HR, MONTH, MARCH_END, 'Technical service')).items.map((r) => r.staffId)).toEqual(['ts-boss', 'ts-huang']);
    await expect(q.summaries(WANG, MONTH, MARCH_END)).rejects.toMatchObject({ rule: 'HR-2', kind: 'forbidden' });
  });

  it('HR-3 violations: the staff months whose lates reached three, for hr-manager and the manager of the team', async () => {
    const q = new HrAttendanceQueries(w.store);
    const all = await q.violations(HR, MONTH);
    expect(all.items.map((v) => [v.staffId, v.date, v.lateCount, v.managerId])).toEqual([['cs-wang', DAYS[2], 3, 'cs-li-na']]);
    expect(all.items[0].eventId).toEqual(expect.any(String));
    expect((await q.violations(MANAGER, MONTH)).items).toHaveLength(1);
    expect((await q.violations({ userId: 'ts-boss', roles: ['technical-service'] }, MONTH)).items).toEqual([]);
    await expect(q.violations(WANG, MONTH)).rejects.toMatchObject({ rule: 'HR-3', kind: 'forbidden' });
  });

  it('HR-5 missing daily reports: working days that ended as of asOf without a report (absence and leave days need none)', async () => {
    const q = new HrAttendanceQueries(w.store);
    const team = await q.missingReports(MANAGER, MONTH, MARCH_END);
    expect(team.items.map((r) => [r.staffId, r.dates])).toEqual([['cs-wang', DAYS.slice(2, 5)]]);
    expect(team.missingReports).toBe(3);
    // As of the fourth day's noon only the third day has ended without a report.
    expect((await q.missingReports(HR, MONTH, at(DAYS[3], '12:00'))).items.map((r) => [r.staffId, r.dates])).toEqual([['cs-wang', [DAYS[2]]]]);
    await expect(q.missingReports(HUANG, MONTH, MARCH_END)).rejects.toMatchObject({ rule: 'HR-5', kind: 'forbidden' });
  });

  it('HR-2 requests to decide: your own, your team\'s as manager, everyone\'s as hr-manager; by status', async () => {
    const q = new HrAttendanceQueries(w.store);
    const page = { skip: 0, limit: 50 };
    expect((await q.leaveRequests(MANAGER, { status: 'requested', ...page })).items.map((l) => l.requestId)).toEqual([`${MONTH}.cs-chen.0000000a`]);
    expect((await q.leaveRequests(CHEN, page)).items.map((l) => l.status)).toEqual(['requested', 'approved']);
    expect((await q.leaveRequests(WANG, page)).items).toEqual([]);
    expect((await q.leaveRequests(HR, { status: 'approved', ...page })).items.map((l) => l.decidedBy)).toEqual(['cs-li-na']);
    await expect(q.leaveRequests(WANG, { staffId: 'cs-chen', ...page })).rejects.toMatchObject({ rule: 'HR-2', kind: 'forbidden' });
    const corrections = await q.corrections(MANAGER, { status: 'requested', ...page });
    expect(corrections.items.map((c) => [c.correctionId, c.date, c.requestedBy])).toEqual([[`${MONTH}.cs-wang.0000000c`, DAYS[0], 'cs-wang']]);
    expect((await q.corrections(HUANG, page)).total).toBe(0);
  });

  it('HR-7 conduct records with penalties, the service desk\'s findings included: self, manager, hr-manager', async () => {
    const q = new HrAttendanceQueries(w.store);
    expect((await q.conduct(WANG, {})).items.map((c) => [c.staffId, c.kind, c.source, c.findingId])).toEqual([['cs-wang', 'shirking', 'service-desk', 'f-1']]);
    expect((await q.conduct(MANAGER, { month: MONTH })).items.map((c) => [c.staffId, c.kind, c.penaltyFen])).toEqual([
      ['cs-chen', 'personal-call', 2000],
      ['cs-wang', 'shirking', null],
    ]);
    expect((await q.conduct(HR, { month: MONTH })).items.map((c) => c.staffId)).toEqual(['cs-chen', 'cs-wang']);
    expect((await q.conduct(HR, { staffId: 'ghost-1' })).items).toEqual([]);
    await expect(q.conduct(HR, {})).rejects.toMatchObject({ rule: 'HR-7', kind: 'invalid' });
    await expect(q.conduct(CHEN, { staffId: 'cs-wang' })).rejects.toMatchObject({ rule: 'HR-7', kind: 'forbidden' });
  });

  it('HR-6 an open month\'s payslip is a preview computed as of now, every line naming its events', async () => {
    const q = new HrPayrollQueries(w.store);
    const p = await q.payslip(WANG, 'cs-wang', MONTH, MARCH_END);
    expect([p.status, p.asOf, p.issuedAt]).toEqual(['open', MARCH_END, null]);
    expect(p.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['base', 600_000],
      ['lateness', -6000],
      ['lateness', -6000],
      ['lateness', -30_000],
      ['complaint-fine', -5000],
      ['commission', 100_000],
    ]);
    expect(p.lines.every((l) => l.eventIds.length > 0)).toBe(true);
    expect(p.totals).toEqual({ baseFen: 600_000, deductionsFen: -41_000 - 6000, additionsFen: 100_000, netFen: 653_000 });
    await expect(q.payslip(HR, 'nobody', MONTH, MARCH_END)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('HR-6 payslips are personal data: the person, their manager and hr-manager; not finance, not colleagues', async () => {
    const q = new HrPayrollQueries(w.store);
    for (const reader of [WANG, MANAGER, HR]) expect((await q.payslip(reader, 'cs-wang', MONTH, MARCH_END)).staffId).toBe('cs-wang');
    for (const reader of [FINANCE, CHEN, HUANG]) await expect(q.payslip(reader, 'cs-wang', MONTH, MARCH_END)).rejects.toMatchObject({ rule: 'HR-6', kind: 'forbidden' });
  });

  it('HR-6 payroll register totals net pay per department and overall; only hr-manager and finance read it', async () => {
    const q = new HrPayrollQueries(w.store);
    const open = await q.register(FINANCE, MONTH, MARCH_END);
    expect([open.status, open.items.length, open.items.every((i) => i.status === 'open')]).toEqual(['open', 6, true]);
    await w.close();
    await w.sync();
    const r = await q.register(HR, MONTH, AFTER_CLOSE);
    expect([r.status, r.closedBy, r.asOf, r.missingPayslips]).toEqual(['closed', 'hr-zhou', '2026-04-01T00:00:00+08:00', []]);
    expect(r.items.map((i) => [i.department, i.staffId, i.netFen])).toEqual([
      ['Customer service', 'cs-chen', 498_000],
      ['Customer service', 'cs-li-na', 900_000],
      ['Customer service', 'cs-wang', 653_000],
      ['HR', 'hr-zhou', 800_000],
      ['Technical service', 'ts-boss', 1_000_000],
      ['Technical service', 'ts-huang', 700_000],
    ]);
    expect(r.departments).toEqual([
      { department: 'Customer service', payslips: 3, baseFen: 2_000_000, deductionsFen: -49_000, additionsFen: 100_000, netFen: 2_051_000 },
      { department: 'HR', payslips: 1, baseFen: 800_000, deductionsFen: 0, additionsFen: 0, netFen: 800_000 },
      { department: 'Technical service', payslips: 2, baseFen: 1_700_000, deductionsFen: 0, additionsFen: 0, netFen: 1_700_000 },
    ]);
    expect(r.totals).toEqual({ payslips: 6, baseFen: 4_500_000, deductionsFen: -49_000, additionsFen: 100_000, netFen: 4_551_000 });
    for (const reader of [MANAGER, WANG]) await expect(q.register(reader, MONTH, AFTER_CLOSE)).rejects.toMatchObject({ rule: 'HR-6', kind: 'forbidden' });
  });

  it('HR-6 a closed payslip stays frozen; a later correction is a later adjustment saying where it was carried', async () => {
    await w.close();
    // After the close, the manager approves the correction of the first late: the difference is due, carried to April.
    await w.month('cs-wang', (employee) => ({
      type: 'DecideCorrection',
      data: { staffId: 'cs-wang', month: MONTH, employee, correctionId: `${MONTH}.cs-wang.0000000c`, approve: true, by: hrActor(MANAGER) },
      metadata: { now: AFTER_CLOSE },
    }), AFTER_CLOSE);
    await w.sync();
    const q = new HrPayrollQueries(w.store);
    const before = await q.payslip(WANG, 'cs-wang', MONTH, AFTER_CLOSE);
    expect(before.laterAdjustments).toEqual([expect.objectContaining({ kind: 'lateness', amountFen: 30_000, carriedTo: null })]);

    const { state } = await loadState(w.events, staffMonthDecider, staffMonthStream(MONTH, 'cs-wang'));
    const due = state.adjustmentsDue[0];
    await w.month('cs-wang', () => ({
      type: 'CarryAdjustment',
      data: { staffId: 'cs-wang', month: '2026-04', adjustmentId: due.adjustmentId, originMonth: MONTH, originPayslipEventId: due.originPayslipEventId, dueEventId: due.eventId!, kind: due.kind, amountFen: due.amountFen, explanation: due.explanation },
      metadata: { now: AFTER_CLOSE },
    }), AFTER_CLOSE, '2026-04');
    await w.sync();

    const closed = await q.payslip(WANG, 'cs-wang', MONTH, AFTER_CLOSE);
    expect([closed.status, closed.totals.netFen, closed.lines.filter((l) => l.kind === 'lateness').length]).toEqual(['closed', 653_000, 3]);
    expect(closed.payslipEventId).toEqual(expect.any(String));
    expect(closed.laterAdjustments).toEqual([expect.objectContaining({ kind: 'lateness', amountFen: 30_000, carriedTo: '2026-04', carriedEventId: expect.any(String), dueEventId: due.eventId })]);
    const april = await q.payslip(WANG, 'cs-wang', '2026-04', AFTER_CLOSE);
    expect(april.status).toBe('open');
    expect(april.lines.find((l) => l.kind === 'adjustment')).toMatchObject({ amountFen: 30_000, cites: { month: MONTH, payslipEventId: closed.payslipEventId } });
  });

  it('HR-4 unmatched facts: service-desk fines and conduct about staff ids HR has no record of, for hr-manager only', async () => {
    const q = new HrExternalFactQueries(w.store);
    const result = await q.unmatched(HR, { skip: 0, limit: 50 });
    expect(result.items.map((f) => [f.staffId, f.kind, f.ticketId, f.amountFen])).toEqual([['ghost-1', 'complaint-fine', 't-9', 1000]]);
    expect((await q.unmatched(HR, { month: '2026-02', skip: 0, limit: 50 })).total).toBe(0);
    // Once HR hires the staff id, its facts are matched.
    await w.hire('ghost-1', 'Customer service', 'cs-li-na', 500_000);
    await w.sync();
    expect((await q.unmatched(HR, { skip: 0, limit: 50 })).total).toBe(0);
    for (const reader of [MANAGER, FINANCE]) await expect(q.unmatched(reader, { skip: 0, limit: 50 })).rejects.toMatchObject({ rule: 'HR-4', kind: 'forbidden' });
  });
});
