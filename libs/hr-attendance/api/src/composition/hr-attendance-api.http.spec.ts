import { Global, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Actor } from '@ebp/shared-eventsourcing';
import { InMemoryEventStore, InMemoryReadModelStore } from '@ebp/shared-eventsourcing/testing';
import { CLOCK, CSV_BODY_LIMIT, EVENT_STORE, READ_MODEL_STORE, createHttpApp } from '@ebp/shared-nest';
import { HrAttendanceApiModule } from './hr-attendance-api.module';

// The edge as the hosts build it (createHttpApp): the text/csv body, validation and error mapping.
// The auth guard is the host's; here a header stands in for the verified token.

const store = new InMemoryEventStore();
let now = '2026-03-10T12:00:00+08:00';

@Global()
@Module({
  providers: [
    { provide: EVENT_STORE, useValue: store },
    { provide: READ_MODEL_STORE, useValue: new InMemoryReadModelStore() },
    { provide: CLOCK, useValue: { now: () => now } },
  ],
  exports: [EVENT_STORE, READ_MODEL_STORE, CLOCK],
})
class TestPortsModule {}

@Module({ imports: [TestPortsModule, HrAttendanceApiModule] })
class TestModule {}

const HR: Actor = { userId: 'hr-zhou', roles: ['hr-manager'] };

describe('HR / attendance commands over HTTP', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createHttpApp(TestModule, { title: 'HR test', logger: false });
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRequest', async (request: { headers: Record<string, unknown>; actor?: Actor }) => {
        const actor = request.headers['x-test-actor'];
        if (typeof actor === 'string') request.actor = JSON.parse(actor) as Actor;
      });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  const send = (method: 'POST' | 'PUT', url: string, actor: Actor, body?: unknown, contentType = 'application/json') =>
    app.inject({
      method,
      url,
      headers: { 'x-test-actor': JSON.stringify(actor), ...(body === undefined ? {} : { 'content-type': contentType }) },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('HR-1 hires with 201, a Location and an ETag; refuses unknown fields and a malformed staff id (400)', async () => {
    const hire = { staffId: 'cs-li', name: 'Li', position: 'agent', department: 'customer-service', baseSalaryFen: 600000, hireDate: '2026-01-05' };
    const created = await send('POST', '/hr-attendance/employees', HR, hire);
    expect(created.statusCode).toBe(201);
    expect(created.headers['location']).toBe('/hr-attendance/employees/cs-li');
    expect(created.headers['etag']).toBe('"0"');
    expect(created.json()).toMatchObject({ id: 'cs-li', revision: 0, events: ['EmployeeHired'] });
    expect((await send('POST', '/hr-attendance/employees', HR, { ...hire, staffId: 'cs.x', extra: 1 })).json()).toMatchObject({
      statusCode: 400,
      fields: expect.arrayContaining([expect.objectContaining({ field: 'staffId' }), expect.objectContaining({ field: 'extra' })]),
    });
    expect((await send('POST', '/hr-attendance/employees', HR, hire)).statusCode).toBe(409);
    expect((await send('POST', '/hr-attendance/employees/a.b/salary', HR, { baseSalaryFen: 1, effectiveFrom: '2026-03-01', reason: 'x' })).json()).toMatchObject({ statusCode: 400, rule: 'HR-1' });
  });

  it('HR-2 imports a text/csv body (BOM, CRLF) and answers 200 with the per-row result and X-Position', async () => {
    const csv = '\uFEFFstaffId,date,signIn,signOut\r\ncs-li,2026-03-02,08:25,17:40\r\ncs-li,2026-03-03,8h25,\r\n';
    const response = await send('POST', '/hr-attendance/attendance/imports', HR, csv, 'text/csv; charset=utf-8');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      rows: 2,
      applied: 1,
      unchanged: 0,
      failed: 1,
      errors: [{ row: 3, staffId: 'cs-li', field: 'signIn', rule: 'HR-2', message: expect.any(String) }],
      position: Number(response.headers['x-position']),
    });
  });

  it('HR-2 the import refuses a JSON body (415), an unreadable file (400) and a body over the limit (413)', async () => {
    expect((await send('POST', '/hr-attendance/attendance/imports', HR, { csv: 'x' })).statusCode).toBe(415);
    expect((await send('POST', '/hr-attendance/attendance/imports', HR, 'a,b\n1,2\n', 'text/csv')).json()).toMatchObject({ statusCode: 400, rule: 'HR-2', field: 'header' });
    expect((await send('POST', '/hr-attendance/attendance/imports', HR, '', 'text/csv')).json()).toMatchObject({ statusCode: 400, rule: 'HR-2' });
    expect((await send('POST', '/hr-attendance/attendance/imports', HR, 'x'.repeat(CSV_BODY_LIMIT + 1), 'text/csv')).statusCode).toBe(413);
  });

  it('HR-1 self-service by a caller without an HR record is 403 naming HR-1', async () => {
    const response = await send('POST', '/hr-attendance/attendance/sign-in', { userId: 'sd-zhang', roles: ['technical-service'] });
    expect(response.json()).toMatchObject({ statusCode: 403, rule: 'HR-1' });
  });

  it('HR-6 closing a month that has not ended is 422 HR-6; after it ended, 200 with the month as id', async () => {
    expect((await send('POST', '/hr-attendance/payroll/2026-03/close', HR)).json()).toMatchObject({ statusCode: 422, rule: 'HR-6' });
    now = '2026-04-01T09:00:00+08:00';
    const closed = await send('POST', '/hr-attendance/payroll/2026-03/close', HR);
    expect(closed.statusCode).toBe(200);
    // The employees view is empty here (no projections run): the month closes with no payslips.
    expect(closed.json()).toMatchObject({ id: '2026-03', revision: 0, events: ['PayrollMonthClosed'], payslips: 0 });
  });
});
