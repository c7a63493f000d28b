import type { Actor } from '@ebp/shared-eventsourcing';
import { InMemoryEventStore } from '@ebp/shared-eventsourcing/testing';
import type { CommandContext } from '@ebp/shared-nest';
import { staffMonthStream } from '@ebp/hr-attendance-domain';
import { ConductCommands } from '../conduct/conduct.commands';
import { EmployeesCommands } from '../employees/employees.commands';
import { PayCommands } from '../pay/pay.commands';
import { MONTH_ENTITY_ID_PATTERN } from '../shared/ids';
import { HrEmployees } from '../shared/hr-employees';
import { RequestsCommands } from './requests.commands';

const HR: Actor = { userId: 'hr-zhou', roles: ['hr-manager'] };
const LI: Actor = { userId: 'cs-li', roles: ['customer-service'] };
const BOSS: Actor = { userId: 'cs-boss', roles: ['customer-service'] };
const OTHER: Actor = { userId: 'cs-wang', roles: ['customer-service'] };
const as = (actor: Actor): CommandContext => ({ actor });

async function setUp() {
  const store = new InMemoryEventStore();
  const clock = { now: () => '2026-03-10T12:00:00+08:00' };
  const employees = new EmployeesCommands(store, clock);
  await employees.hire({ staffId: 'cs-boss', name: 'Boss', position: 'manager', department: 'customer-service', baseSalaryFen: 900000, hireDate: '2025-01-02' }, as(HR));
  for (const staffId of ['cs-li', 'cs-wang']) {
    await employees.hire({ staffId, name: staffId, position: 'agent', department: 'customer-service', managerId: 'cs-boss', baseSalaryFen: 600000, hireDate: '2026-01-05' }, as(HR));
  }
  const hr = new HrEmployees(store);
  return { store, requests: new RequestsCommands(store, clock, hr), conduct: new ConductCommands(store, clock, hr), pay: new PayCommands(store, clock, hr) };
}

describe('HR-2 leave and corrections, HR-6 pay elements, HR-7 conduct: who may act', () => {
  it('HR-2 a leave request gets an id naming its staff-month and a Location; only the manager decides it', async () => {
    const { store, requests } = await setUp();
    const reply = await requests.requestLeave({ from: '2026-03-16', to: '2026-03-17', kind: 'annual', reason: 'family' }, as(LI));
    expect(reply.id).toMatch(MONTH_ENTITY_ID_PATTERN);
    expect(reply.id.startsWith('2026-03.cs-li.')).toBe(true);
    expect(reply.location).toBe(`/hr-attendance/leave-requests/${reply.id}`);
    await expect(requests.decideLeave(reply.id, true, {}, as(OTHER))).rejects.toMatchObject({ rule: 'HR-2', kind: 'forbidden' });
    await expect(requests.decideLeave(reply.id, true, {}, as(LI))).rejects.toMatchObject({ rule: 'HR-2', kind: 'forbidden' });
    await expect(requests.decideLeave(reply.id, true, {}, as(HR))).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await requests.decideLeave(reply.id, true, {}, as(BOSS))).toMatchObject({ id: reply.id, events: ['LeaveApproved'] });
    expect((await store.readStream(staffMonthStream('2026-03', 'cs-li'))).map((e) => e.type)).toEqual(['LeaveRequested', 'LeaveApproved']);
  });

  it('HR-2 a leave request spans one calendar month (400 on to)', async () => {
    const { requests } = await setUp();
    await expect(requests.requestLeave({ from: '2026-03-30', to: '2026-04-01', kind: 'annual', reason: 'trip' }, as(LI))).rejects.toMatchObject({ rule: 'HR-2', kind: 'invalid', field: 'to' });
  });

  it('HR-2 deciding an id that is not one is 400; an unknown staff member or request is 404', async () => {
    const { requests } = await setUp();
    await expect(requests.decideLeave('nope', true, {}, as(BOSS))).rejects.toMatchObject({ kind: 'invalid', field: 'requestId' });
    await expect(requests.decideLeave('2026-03.cs-ghost.0123abcd', true, {}, as(BOSS))).rejects.toMatchObject({ kind: 'not-found' });
    await expect(requests.decideLeave('2026-03.cs-li.0123abcd', true, {}, as(BOSS))).rejects.toMatchObject({ kind: 'not-found' });
    await expect(requests.decideCorrection('2026-03.cs-li.0123abcd', false, {}, as(BOSS))).rejects.toMatchObject({ kind: 'not-found', field: 'correctionId' });
  });

  it('HR-2 a correction of an absence is requested by the staff member and decided by their manager', async () => {
    const { requests } = await setUp();
    const reply = await requests.requestCorrection({ date: '2026-03-09', kind: 'field-work', reason: 'at the customer' }, as(LI));
    expect(reply.location).toBe(`/hr-attendance/attendance-corrections/${reply.id}`);
    expect(await requests.decideCorrection(reply.id, true, {}, as(BOSS))).toMatchObject({ events: ['AttendanceCorrectionApproved'] });
  });

  it('HR-1 requests need an HR employment record (403 naming HR-1)', async () => {
    const { requests } = await setUp();
    await expect(requests.requestLeave({ from: '2026-03-16', to: '2026-03-16', kind: 'sick', reason: 'flu' }, as(HR))).rejects.toMatchObject({ rule: 'HR-1', kind: 'forbidden' });
  });

  it('HR-7 conduct is recorded by hr-manager or the staff member\'s manager, never by themselves or a colleague', async () => {
    const { conduct } = await setUp();
    const dto = { staffId: 'cs-li', kind: 'personal-call' as const, occurredAt: '2026-03-09T10:00:00+08:00', description: 'personal call', callMinutes: 12, penaltyFen: 2000 };
    await expect(conduct.recordConduct(dto, as(OTHER))).rejects.toMatchObject({ rule: 'HR-7', kind: 'forbidden' });
    await expect(conduct.recordConduct(dto, as(LI))).rejects.toMatchObject({ rule: 'HR-7', kind: 'forbidden' });
    expect(await conduct.recordConduct(dto, as(BOSS))).toMatchObject({ id: expect.stringMatching(/^hr-/), events: ['ConductRecorded'] });
    expect(await conduct.recordConduct(dto, as(HR))).toMatchObject({ events: ['ConductRecorded'] });
    await expect(conduct.recordConduct({ ...dto, staffId: 'cs-ghost' }, as(HR))).rejects.toMatchObject({ rule: 'HR-7', kind: 'not-found' });
    await expect(conduct.recordConduct({ ...dto, occurredAt: '2025-12-01T10:00:00+08:00' }, as(HR))).rejects.toMatchObject({ rule: 'HR-7', kind: 'rule', field: 'occurredAt' });
  });

  it('HR-4 a complaint needs the staff member\'s record (404) and lands on the month it was upheld in', async () => {
    const { store, conduct } = await setUp();
    await expect(conduct.recordComplaint({ staffId: 'cs-ghost', complainant: 'sales', severity: 'minor', finding: 'rude' }, as(HR))).rejects.toMatchObject({ rule: 'HR-4', kind: 'not-found' });
    const reply = await conduct.recordComplaint({ staffId: 'cs-li', complainant: 'sales', severity: 'moderate', finding: 'rude', upheldAt: '2026-02-20T10:00:00+08:00' }, as(HR));
    expect(reply).toMatchObject({ id: expect.stringMatching(/^hr-/), events: ['ComplaintFineRecorded'] });
    const [fine] = await store.readStream(staffMonthStream('2026-02', 'cs-li'));
    expect(fine.data).toMatchObject({ amountFen: 5000, source: 'hr', complainant: 'sales', upheldBy: 'hr-zhou' });
    await expect(conduct.recordComplaint({ staffId: 'cs-li', complainant: 'sales', severity: 'minor', finding: 'x', fineFen: 500 }, as(HR))).rejects.toMatchObject({ rule: 'HR-4', kind: 'rule' });
    await expect(conduct.recordComplaint({ staffId: 'cs-li', complainant: 'sales', severity: 'minor', finding: 'x', upheldAt: '2026-03-11T10:00:00+08:00' }, as(HR))).rejects.toMatchObject({ kind: 'invalid', field: 'upheldAt' });
  });

  it('HR-6 commission is entered by the manager for a month the staff member is employed in', async () => {
    const { pay } = await setUp();
    const dto = { staffId: 'cs-li', month: '2026-03', kind: 'commission' as const, amountFen: 50000, reason: 'Q1 deals' };
    await expect(pay.enterPayElement(dto, as(OTHER))).rejects.toMatchObject({ rule: 'HR-6', kind: 'forbidden' });
    expect(await pay.enterPayElement(dto, as(BOSS))).toMatchObject({ id: expect.stringMatching(/^2026-03\.cs-li\.[0-9a-f]{8}$/), events: ['PayElementEntered'] });
    await expect(pay.enterPayElement({ ...dto, month: '2025-12' }, as(BOSS))).rejects.toMatchObject({ rule: 'HR-6', kind: 'rule', field: 'month' });
  });
});
