import type { Actor } from '@ebp/shared-eventsourcing';
import { InMemoryEventStore } from '@ebp/shared-eventsourcing/testing';
import type { CommandContext } from '@ebp/shared-nest';
import { staffMonthStream } from '@ebp/hr-attendance-domain';
import { EmployeesCommands } from '../employees/employees.commands';
import { HrEmployees } from '../shared/hr-employees';
import { AttendanceCommands } from './attendance.commands';

const HR: Actor = { userId: 'hr-zhou', roles: ['hr-manager'] };
const ctxOf = (actor: Actor): CommandContext => ({ actor });

async function setUp(now = '2026-03-10T12:00:00+08:00') {
  const store = new InMemoryEventStore();
  const clock = { now: () => now };
  const employees = new EmployeesCommands(store, clock);
  const hire = (staffId: string, hireDate = '2026-01-05', managerId: string | null = 'cs-boss') =>
    employees.hire({ staffId, name: staffId, position: 'agent', department: 'customer-service', managerId, baseSalaryFen: 600000, hireDate }, ctxOf(HR));
  await hire('cs-boss', '2025-01-02', null);
  await hire('cs-li');
  await hire('cs-wang');
  await hire('cs-new', '2026-03-05');
  return { store, attendance: new AttendanceCommands(store, clock, new HrEmployees(store)) };
}

describe('HR-2 attendance commands', () => {
  it('HR-2 import applies the good rows, reports each bad row by its row number, and applies nothing from a bad row', async () => {
    const { store, attendance } = await setUp();
    const csv = [
      'staffId,date,signIn,signOut', // row 1
      'cs-li,2026-03-02,08:25,17:40', // 2 good
      'cs-li,2026-03-03,8.40,17:35', // 3 bad time: nothing of it applies, not even the sign-out
      '', // 4 blank
      'cs-ghost,2026-03-02,08:20,', // 5 unknown staff id
      'cs-new,2026-03-04,08:30,', // 6 before cs-new's hire date
      'cs-wang,2026-03-11,08:30,', // 7 tomorrow: the decider refuses it
      '"cs-wang",2026-03-02,,17:31', // 8 good, sign-out only
    ].join('\r\n');
    const result = await attendance.importPunches(csv, ctxOf(HR));
    expect(result).toEqual({
      rows: 6,
      applied: 2,
      unchanged: 0,
      failed: 4,
      errors: [
        { row: 3, staffId: 'cs-li', field: 'signIn', rule: 'HR-2', message: expect.any(String) },
        { row: 5, staffId: 'cs-ghost', field: 'staffId', rule: 'HR-1', message: 'staff member cs-ghost has no employment record' },
        { row: 6, staffId: 'cs-new', field: 'date', rule: 'HR-2', message: expect.stringContaining('not employed on 2026-03-04') },
        { row: 7, staffId: 'cs-wang', field: 'signIn', rule: 'HR-2', message: expect.stringContaining('in the future') },
      ],
      position: expect.any(Number),
    });
    expect(result.position).toBe(await store.headPosition());

    const li = await store.readStream(staffMonthStream('2026-03', 'cs-li'));
    expect(li.map((e) => [e.type, (e.data as { date: string }).date, (e.data as { source: string }).source])).toEqual([
      ['SignedIn', '2026-03-02', 'punch-clock'],
      ['SignedOut', '2026-03-02', 'punch-clock'],
    ]);
    expect((li[0].data as { at: string }).at).toBe('2026-03-02T08:25:00+08:00');
    expect((await store.readStream(staffMonthStream('2026-03', 'cs-wang'))).map((e) => e.type)).toEqual(['SignedOut']);
  });

  it('HR-2 re-importing the same file applies nothing: every good row is unchanged', async () => {
    const { store, attendance } = await setUp();
    const csv = 'staffId,date,signIn,signOut\ncs-li,2026-03-02,08:25,17:40\ncs-wang,2026-03-02,08:41,\n';
    expect(await attendance.importPunches(csv, ctxOf(HR))).toMatchObject({ rows: 2, applied: 2, unchanged: 0, failed: 0, errors: [] });
    const head = await store.headPosition();
    expect(await attendance.importPunches(csv, ctxOf(HR))).toEqual({ rows: 2, applied: 0, unchanged: 2, failed: 0, errors: [], position: 0 });
    expect(await store.headPosition()).toBe(head);
  });

  it("HR-2 rows of one staff member's month apply in file order: the earliest sign-in of a day counts", async () => {
    const { store, attendance } = await setUp();
    const csv = 'staffId,date,signIn,signOut\ncs-li,2026-03-02,08:45,\ncs-li,2026-03-02,08:20,\ncs-li,2026-03-02,08:50,17:30\n';
    expect(await attendance.importPunches(csv, ctxOf(HR))).toMatchObject({ rows: 3, applied: 3, unchanged: 0, failed: 0 });
    const events = await store.readStream(staffMonthStream('2026-03', 'cs-li'));
    expect(events.map((e) => [e.type, (e.data as { at: string }).at])).toEqual([
      ['SignedIn', '2026-03-02T08:45:00+08:00'],
      ['SignedIn', '2026-03-02T08:20:00+08:00'],
      ['SignedOut', '2026-03-02T17:30:00+08:00'],
    ]);
  });

  it('HR-2 a file that cannot be read is refused as a whole (400) and applies nothing', async () => {
    const { store, attendance } = await setUp();
    const head = await store.headPosition();
    await expect(attendance.importPunches('cs-li,2026-03-02,08:25,17:40\n', ctxOf(HR))).rejects.toMatchObject({ rule: 'HR-2', kind: 'invalid', field: 'header' });
    await expect(attendance.importPunches('staffId,date,signIn,signOut\ncs-li,"2026-03-02,08:25,17:40\n', ctxOf(HR))).rejects.toMatchObject({ kind: 'invalid', field: 'csv' });
    expect(await store.headPosition()).toBe(head);
  });

  it("HR-2 sign-in records the caller's own punch now, on the month's stream", async () => {
    const { store, attendance } = await setUp('2026-03-10T08:41:00+08:00');
    const reply = await attendance.signIn(ctxOf({ userId: 'cs-li', roles: ['customer-service'] }));
    expect(reply).toMatchObject({ id: '2026-03.cs-li', revision: 0, events: ['SignedIn'] });
    const [event] = await store.readStream(staffMonthStream('2026-03', 'cs-li'));
    expect(event.data).toMatchObject({ date: '2026-03-10', at: '2026-03-10T08:41:00+08:00', source: 'self', minutesLate: 11 });
    expect(await attendance.signOut(ctxOf({ userId: 'cs-li', roles: [] }))).toMatchObject({ events: ['SignedOut'] });
  });

  it('HR-1 self-service refuses a caller without an HR employment record (403 naming HR-1)', async () => {
    const { attendance } = await setUp();
    await expect(attendance.signIn(ctxOf({ userId: 'sd-zhang', roles: ['technical-service'] }))).rejects.toMatchObject({ rule: 'HR-1', kind: 'forbidden' });
  });
});
