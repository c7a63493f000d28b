import { Global, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Actor } from '@ebp/shared-eventsourcing';
import { InMemoryEventStore, InMemoryReadModelStore } from '@ebp/shared-eventsourcing/testing';
import { CLOCK, EVENT_STORE, READ_MODEL_STORE, createHttpApp } from '@ebp/shared-nest';
import { customerIdOf } from '@ebp/property-sales-domain';
import { SalesDirectoryApiModule } from '../directory';
import { OfficeDaysApiModule } from '../office-days';
import { SigningListsApiModule } from '../signing-lists';
import { CustomersApiModule } from './customers-api.module';

// The edge as the hosts build it (createHttpApp); a header stands in for the verified token.
const store = new InMemoryEventStore();
let now = '2026-03-02T08:30:00+08:00';

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

@Module({ imports: [TestPortsModule, SalesDirectoryApiModule, CustomersApiModule, SigningListsApiModule, OfficeDaysApiModule] })
class TestModule {}

const SITE_MANAGER: Actor = { userId: 'sm-zhou', roles: ['site-manager'] };
const SUPERVISOR: Actor = { userId: 'as-li', roles: ['agency-supervisor'] };
const WANG: Actor = { userId: 'sp-wang', roles: ['salesperson'] };
const ZHAO: Actor = { userId: 'sp-zhao', roles: ['salesperson'] };

describe('property-sales directory, customers, signing lists and office days over HTTP', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createHttpApp(TestModule, { title: 'PS test', logger: false });
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRequest', async (request: { headers: Record<string, unknown>; actor?: Actor }) => {
        const actor = request.headers['x-test-actor'];
        if (typeof actor === 'string') request.actor = JSON.parse(actor) as Actor;
      });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const setUp: [Actor, string, unknown][] = [
      [SITE_MANAGER, '/property-sales/projects', { projectId: 'lakeside', name: 'Lakeside', siteManagerId: 'sm-zhou', siteSupervisorId: 'ss-qian' }],
      [SITE_MANAGER, '/property-sales/projects/lakeside/buildings', { buildingId: 'b1', name: 'Building 1', floors: 18 }],
      [SITE_MANAGER, '/property-sales/agencies', { agencyId: 'sunrise', name: 'Sunrise', supervisorId: 'as-li' }],
      [SITE_MANAGER, '/property-sales/agencies', { agencyId: 'moonlight', name: 'Moonlight', supervisorId: 'as-chen' }],
      [SUPERVISOR, '/property-sales/agencies/sunrise/members', { staffId: 'sp-wang', name: 'Wang', role: 'salesperson' }],
      [SITE_MANAGER, '/property-sales/agencies/moonlight/members', { staffId: 'sp-zhao', name: 'Zhao', role: 'salesperson' }],
    ];
    for (const [actor, url, body] of setUp) expect((await send(url, actor, body)).statusCode).toBe(201);
  });

  afterAll(() => app.close());

  function send(url: string, actor: Actor, body: unknown) {
    return app.inject({ method: 'POST', url, headers: { 'x-test-actor': JSON.stringify(actor), 'content-type': 'application/json' }, payload: JSON.stringify(body) });
  }

  it('PS-2 the first registration answers 201 with Location and ETag; a duplicate 200; a bad phone 400 naming phone', async () => {
    const visitor = { name: 'Zhang Wei', phone: '138 1234 1234', projectId: 'lakeside' };
    const first = await send('/property-sales/customers', WANG, { ...visitor, agencyId: 'sunrise' });
    expect(first.statusCode).toBe(201);
    const id = customerIdOf('13812341234');
    expect(first.headers['location']).toBe(`/property-sales/customers/${id}`);
    expect(first.headers['etag']).toBe('"0"');
    expect(first.json()).toEqual({ id, revision: 0, position: expect.any(Number), events: ['CustomerRegistered'], owner: true });
    const again = await send('/property-sales/customers', ZHAO, { ...visitor, phone: '+86-138-1234-1234', agencyId: 'moonlight' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, events: ['DuplicateRegistrationRecorded'], owner: false });
    const bad = await send('/property-sales/customers', WANG, { ...visitor, phone: '12345', agencyId: 'sunrise' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('PS-2');
    expect((await send('/property-sales/customers', WANG, { ...visitor, agencyId: 'moonlight' })).statusCode).toBe(403);
  });

  it('PS-6 a signing list with a malformed appointment is 400; a good one 201', async () => {
    const bad = await send('/property-sales/signing-lists/lakeside/2026-03-03', SUPERVISOR, { agencyId: 'sunrise', appointments: [{ unitId: 'x', customerId: 'y', time: '9' }] });
    expect(bad.statusCode).toBe(400);
    const good = await send('/property-sales/signing-lists/lakeside/2026-03-03', SUPERVISOR, {
      agencyId: 'sunrise',
      appointments: [{ unitId: 'lakeside.b1.1203', customerId: customerIdOf('13812341234'), time: '10:00' }],
    });
    expect(good.statusCode).toBe(201);
  });

  it('PS-10 duty agency 200, check-in 201; a check-in for another agency 403 naming PS-10', async () => {
    now = '2026-03-02T08:40:00+08:00';
    expect((await send('/property-sales/office-days/lakeside/2026-03-02/duty-agency', SITE_MANAGER, { agencyId: 'sunrise' })).statusCode).toBe(200);
    expect((await send('/property-sales/office-days/lakeside/2026-03-02/check-ins', WANG, { agencyId: 'sunrise' })).statusCode).toBe(201);
    const refused = await send('/property-sales/office-days/lakeside/2026-03-02/check-ins', ZHAO, { agencyId: 'sunrise' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('PS-10');
    const handover = await send('/property-sales/office-days/lakeside/2026-03-02/handover', WANG, { fromAgencyId: null, dutyBook: true, masterSalesControl: false, items: ['keys'] });
    expect(handover.statusCode).toBe(201);
  });
});
