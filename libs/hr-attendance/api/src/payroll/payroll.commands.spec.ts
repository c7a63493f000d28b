import type { Actor, EventStore, Page, ReadModelStore } from '@ebp/shared-eventsourcing';
import { InMemoryEventStore } from '@ebp/shared-eventsourcing/testing';
import type { CommandContext } from '@ebp/shared-nest';
import { payrollMonthStream, staffMonthStream, type Employee } from '@ebp/hr-attendance-domain';
import { EmployeesCommands } from '../employees/employees.commands';
import { HrEmployees } from '../shared/hr-employees';
import { PayrollCommands } from './payroll.commands';

const HR: Actor = { userId: 'hr-zhou', roles: ['hr-manager'] };
const ctx: CommandContext = { actor: HR };

/** The employees view as the close reads it: every record in the event store (HrEmployeeQueries filters by month). */
function employeesView(store: EventStore, staffIds: string[]): ReadModelStore {
  const employees = new HrEmployees(store);
  return {
    find: async (): Promise<Page<Employee>> => {
      const items = (await Promise.all(staffIds.map((id) => employees.find(id)))).filter((e): e is Employee => e !== null);
      return { items, total: items.length };
    },
  } as unknown as ReadModelStore;
}

async function setUp(now: string, staffIds = ['cs-a', 'cs-b', 'cs-c']) {
  const store = new InMemoryEventStore();
  const clock = { now: () => now };
  const hire = (staffId: string, hireDate = '2026-01-05') =>
    new EmployeesCommands(store, clock).hire({ staffId, name: staffId, position: 'agent', department: 'customer-service', managerId: null, baseSalaryFen: 600000, hireDate }, ctx);
  for (const id of staffIds) await hire(id);
  const roster = [...staffIds];
  const payroll = new PayrollCommands(store, employeesView(store, roster), clock, new HrEmployees(store));
  return { store, payroll, roster, hire };
}

describe('HR-6 payroll close', () => {
  it('HR-6 close is refused before the month has ended, before any payslip is issued', async () => {
    const { store, payroll } = await setUp('2026-03-31T23:59:00+08:00');
    const head = await store.headPosition();
    await expect(payroll.close('2026-03', ctx)).rejects.toMatchObject({ rule: 'HR-6', kind: 'rule', field: 'month' });
    expect(await store.headPosition()).toBe(head);
    expect(await store.readStream(staffMonthStream('2026-03', 'cs-a'))).toEqual([]);
  });

  it('HR-6 close refuses a malformed month (400)', async () => {
    const { payroll } = await setUp('2026-04-01T09:00:00+08:00');
    await expect(payroll.close('2026-3', ctx)).rejects.toMatchObject({ rule: 'HR-6', kind: 'invalid', field: 'month' });
  });

  it('HR-6 close issues a payslip for everyone employed in the month, then closes it with their nets', async () => {
    const { store, payroll } = await setUp('2026-04-01T09:00:00+08:00');
    const reply = await payroll.close('2026-03', ctx);
    expect(reply).toEqual({ id: '2026-03', revision: 0, position: await store.headPosition(), events: ['PayslipIssued', 'PayrollMonthClosed'], payslips: 3 });
    const [closed] = await store.readStream(payrollMonthStream('2026-03'));
    expect(closed.data).toMatchObject({ month: '2026-03', payslipCount: 3, closedBy: 'hr-zhou' });
    const [payslip] = await store.readStream(staffMonthStream('2026-03', 'cs-b'));
    expect(payslip).toMatchObject({ type: 'PayslipIssued', data: { staffId: 'cs-b', month: '2026-03', issuedBy: 'hr-zhou' } });
    expect(payslip.metadata.correlationId).toBe(closed.metadata.correlationId);
  });

  it('HR-6 closing again is a no-op that still issues a missing payslip', async () => {
    const { store, payroll, roster, hire } = await setUp('2026-04-01T09:00:00+08:00');
    await payroll.close('2026-03', ctx);
    const head = await store.headPosition();
    expect(await payroll.close('2026-03', ctx)).toEqual({ id: '2026-03', revision: 0, position: 0, events: [], payslips: 3 });
    expect(await store.headPosition()).toBe(head);

    await hire('cs-late', '2026-03-20');
    roster.push('cs-late');
    const again = await payroll.close('2026-03', ctx);
    expect(again).toMatchObject({ id: '2026-03', revision: 0, events: ['PayslipIssued'], payslips: 4 });
    expect((await store.readStream(staffMonthStream('2026-03', 'cs-late'))).map((e) => e.type)).toEqual(['PayslipIssued']);
    expect(await store.readStream(payrollMonthStream('2026-03'))).toHaveLength(1);
  });

  it('HR-6 If-Match is the payroll month revision, checked before any payslip', async () => {
    const { store, payroll } = await setUp('2026-04-01T09:00:00+08:00');
    const head = await store.headPosition();
    await expect(payroll.close('2026-03', { actor: HR, ifMatch: 3 })).rejects.toMatchObject({ name: 'PreconditionFailedError' });
    expect(await store.headPosition()).toBe(head);
    expect(await payroll.close('2026-03', { actor: HR, ifMatch: -1 })).toMatchObject({ revision: 0 });
  });
});
