import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ProjectionRunner } from '@ebp/shared-eventsourcing';
import { InMemoryReadModelStore, recorded, resetRecorded } from '@ebp/shared-eventsourcing/testing';
import { AuthModule, issueToken } from '@ebp/shared-auth';
import { CLOCK, READ_MODEL_STORE, createHttpApp } from '@ebp/shared-nest';
import { employeeStream, staffMonthStream, type EmployeeEvent, type StaffMonthEvent } from '@ebp/hr-attendance-domain';
import { hrAttendanceProjections } from './hr-attendance.projections';
import { HrAttendanceQueryModule } from './hr-attendance-query.module';

const SECRET = 'hr-read-models-spec';
const NOW = '2026-03-20T12:00:00+08:00';
const store = new InMemoryReadModelStore();

@Global()
@Module({
  providers: [
    { provide: READ_MODEL_STORE, useValue: store },
    { provide: CLOCK, useValue: { now: () => NOW } },
  ],
  exports: [READ_MODEL_STORE, CLOCK],
})
class HostPortsModule {}

@Module({ imports: [AuthModule.forRoot({ secret: SECRET }), HostPortsModule, HrAttendanceQueryModule] })
class HostModule {}

const hired = (staffId: string, managerId: string | null): EmployeeEvent => ({
  type: 'EmployeeHired',
  data: { staffId, name: `<${staffId}>`, position: 'agent', department: 'Customer service', managerId, baseSalaryFen: 600_000, hireDate: '2025-01-01', probationEnds: '2025-03-31', hiredBy: 'hr-zhou', hiredAt: '2025-01-01T09:00:00+08:00' },
});

const signedIn: StaffMonthEvent = {
  type: 'SignedIn',
  data: { staffId: 'cs-wang', month: '2026-03', date: '2026-03-02', at: '2026-03-02T09:05:00+08:00', source: 'self', workingDay: true, minutesLate: 35, workStart: '08:30', graceMinutes: 0 },
};

const token = (userId: string, ...roles: string[]) => `Bearer ${issueToken(SECRET, { userId, roles })}`;

describe('HR query API over HTTP', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    resetRecorded();
    await new ProjectionRunner(store, hrAttendanceProjections).handle([
      recorded(hired('cs-li-na', null), { streamId: employeeStream('cs-li-na') }),
      recorded(hired('cs-wang', 'cs-li-na'), { streamId: employeeStream('cs-wang') }),
      recorded(hired('cs-chen', 'cs-li-na'), { streamId: employeeStream('cs-chen') }),
      recorded(signedIn, { streamId: staffMonthStream('2026-03', 'cs-wang') }),
    ]);
    app = await createHttpApp(HostModule, { title: 'hr spec', logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  const get = (url: string, authorization?: string) => app.inject({ method: 'GET', url, headers: authorization ? { authorization } : {} });

  it('HR-6 payslip as JSON, CSV (BOM) and printable HTML for the person; a colleague gets 403 naming HR-6', async () => {
    const json = await get('/hr-attendance/payslips/cs-wang/2026-03', token('cs-wang', 'customer-service'));
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ status: 'open', asOf: NOW, totals: { baseFen: 600_000, netFen: 594_000 } });
    const csv = await get('/hr-attendance/payslips/cs-wang/2026-03.csv', token('cs-li-na', 'customer-service'));
    expect([csv.statusCode, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body).toContain('line,lateness,2026-03-02,');
    const html = await get('/hr-attendance/payslips/cs-wang/2026-03.html', token('hr-zhou', 'hr-manager'));
    expect([html.statusCode, html.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(html.body).toContain('&lt;cs-wang&gt;');
    const refused = await get('/hr-attendance/payslips/cs-wang/2026-03', token('cs-chen', 'customer-service'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'forbidden', rule: 'HR-6' });
  });

  it('HR-6 payroll register for hr-manager and finance only, as JSON and CSV', async () => {
    const finance = await get('/hr-attendance/payroll/2026-03', token('fin-qian', 'finance'));
    expect(finance.statusCode).toBe(200);
    expect(finance.json()).toMatchObject({ month: '2026-03', status: 'open', totals: { payslips: 3 } });
    const csv = await get('/hr-attendance/payroll/2026-03.csv', token('hr-zhou', 'hr-manager'));
    expect([csv.statusCode, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    expect((await get('/hr-attendance/payroll/2026-03', token('cs-li-na', 'customer-service'))).statusCode).toBe(403);
    expect((await get('/hr-attendance/payroll/2026-03')).statusCode).toBe(401);
  });

  it('HR-2 invalid month or staff id is a 400; a month view needs ?month', async () => {
    expect((await get('/hr-attendance/attendance/cs-wang/2026-13', token('cs-wang', 'staff'))).statusCode).toBe(400);
    expect((await get('/hr-attendance/violations', token('hr-zhou', 'hr-manager'))).statusCode).toBe(400);
    expect((await get('/hr-attendance/leave-requests?staffId=bad%20id', token('hr-zhou', 'hr-manager'))).statusCode).toBe(400);
    const attendance = await get('/hr-attendance/attendance/cs-wang/2026-03', token('cs-wang', 'staff'));
    expect(attendance.statusCode).toBe(200);
    expect(attendance.json()).toMatchObject({ asOf: NOW, summary: { lates: 1 } });
  });

  it('HR-1 the team list for a manager, 403 naming HR-1 for staff without reports', async () => {
    const team = await get('/hr-attendance/employees', token('cs-li-na', 'customer-service'));
    expect(team.json()).toMatchObject({ total: 2, page: 1, items: [{ staffId: 'cs-chen' }, { staffId: 'cs-wang' }] });
    const refused = await get('/hr-attendance/employees', token('cs-wang', 'customer-service'));
    expect([refused.statusCode, refused.json().rule]).toEqual([403, 'HR-1']);
  });
});
