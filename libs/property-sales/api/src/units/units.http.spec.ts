import { randomUUID } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { NO_STREAM, type Actor } from '@ebp/shared-eventsourcing';
import { InMemoryEventStore, InMemoryReadModelStore } from '@ebp/shared-eventsourcing/testing';
import { CLOCK, EVENT_STORE, READ_MODEL_STORE, createHttpApp } from '@ebp/shared-nest';
import { agencyStream, customerStream, projectStream } from '@ebp/property-sales-domain';
import { UnitsApiModule } from './units-api.module';

// The edge as the hosts build it (createHttpApp): text/csv, validation and the refusal → status mapping.
// The auth guard is the host's; a header stands in for the verified token.

const NOW = '2026-03-02T10:00:00+08:00';
const store = new InMemoryEventStore();

@Global()
@Module({
  providers: [
    { provide: EVENT_STORE, useValue: store },
    { provide: READ_MODEL_STORE, useValue: new InMemoryReadModelStore() },
    { provide: CLOCK, useValue: { now: () => NOW } },
  ],
  exports: [EVENT_STORE, READ_MODEL_STORE, CLOCK],
})
class TestPortsModule {}

@Module({ imports: [TestPortsModule, UnitsApiModule] })
class TestModule {}

const SM: Actor = { userId: 'sm-wu', roles: ['site-manager'] };
const SP: Actor = { userId: 'sp-li', roles: ['salesperson'] };
const SP_OTHER: Actor = { userId: 'sp-ma', roles: ['salesperson'] };

async function seed(streamId: string, type: string, data: unknown) {
  const history = await store.readStream(streamId);
  const revision = history.length === 0 ? NO_STREAM : history[history.length - 1].metadata.revision;
  await store.append(streamId, [{ type, data, metadata: { eventId: randomUUID(), occurredAt: NOW, actor: SM, correlationId: randomUUID(), causationId: null, schemaVersion: 1 } }], revision);
}

describe('property-sales units over HTTP', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    await seed(projectStream('lakeside'), 'ProjectRegistered', { projectId: 'lakeside', name: 'Lakeside', siteManagerId: 'sm-wu', siteSupervisorId: 'ss-1', registeredBy: 'sm-wu', registeredAt: NOW });
    await seed(projectStream('lakeside'), 'BuildingAdded', { projectId: 'lakeside', buildingId: 'b1', name: 'B1', floors: 30, addedBy: 'sm-wu', addedAt: NOW });
    await seed(agencyStream('sunrise'), 'AgencyRegistered', { agencyId: 'sunrise', name: 'Sunrise', supervisorId: 'sup-zhou', registeredBy: 'sm-wu', registeredAt: NOW });
    await seed(agencyStream('sunrise'), 'AgencyMemberAdded', { agencyId: 'sunrise', staffId: 'sp-li', name: 'Li', role: 'salesperson', addedBy: 'sup-zhou', addedAt: NOW });
    await seed(agencyStream('sunrise'), 'AgencyMemberAdded', { agencyId: 'sunrise', staffId: 'sp-ma', name: 'Ma', role: 'salesperson', addedBy: 'sup-zhou', addedAt: NOW });
    for (const customerId of ['c-1', 'c-2']) {
      await seed(customerStream(customerId), 'CustomerRegistered', { customerId, name: customerId, phone: '+8613800000000', idNumber: null, agencyId: 'sunrise', salespersonId: 'sp-li', projectId: 'lakeside', registeredAt: NOW });
    }
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
  });

  afterAll(() => app.close());

  const send = (method: 'POST' | 'DELETE', url: string, actor: Actor, body?: unknown, contentType = 'application/json') =>
    app.inject({
      method,
      url,
      headers: { 'x-test-actor': JSON.stringify(actor), ...(body === undefined ? {} : { 'content-type': contentType }) },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('PS-1 lists with 201 and a Location; refuses a bad body (400) and imports text/csv with per-row errors', async () => {
    const created = await send('POST', '/property-sales/projects/lakeside/buildings/b1/units', SM, { number: '1203', floor: 12, type: 'apartment', areaCentiSqm: 12345, listPriceFen: 300000000 });
    expect(created.statusCode).toBe(201);
    expect(created.headers['location']).toBe('/property-sales/units/lakeside.b1.1203');
    const bad = await send('POST', '/property-sales/projects/lakeside/buildings/b1/units', SM, { number: '12.03', floor: 0, type: 'castle', areaCentiSqm: 1, listPriceFen: 1 });
    expect(bad.statusCode).toBe(400);
    const imported = await send('POST', '/property-sales/projects/lakeside/buildings/b1/units/import', SM, 'number,floor,type,areaCentiSqm,listPriceFen\n1203,12,apartment,12345,300000000\n1204,12,villa,x,1\n', 'text/csv');
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ rows: 2, applied: 0, unchanged: 1, failed: 1, errors: [{ row: 3, field: 'areaCentiSqm', rule: 'PS-1' }] });
    expect((await send('POST', '/property-sales/projects/lakeside/buildings/b1/units/import', SM, { a: 1 })).statusCode).toBe(415);
  });

  it('PS-1 the second customer’s subscription is 409 naming PS-1; PS-7 out of order is 422, wrong role 403', async () => {
    const sheet = async (customerId: string, actor: Actor) => {
      const r = await send('POST', '/property-sales/units/lakeside.b1.1203/price-sheets', actor, { customerId, discounts: [], paymentMethod: 'lump-sum' });
      expect(r.statusCode).toBe(201);
      return r.json().id as string;
    };
    const first = await sheet('c-1', SP);
    const second = await sheet('c-2', SP_OTHER);
    const won = await send('POST', '/property-sales/units/lakeside.b1.1203/subscriptions', SP, { priceSheetId: first });
    expect(won.statusCode).toBe(201);
    expect(won.headers['location']).toBe('/property-sales/units/lakeside.b1.1203/subscription');
    const lost = await send('POST', '/property-sales/units/lakeside.b1.1203/subscriptions', SP_OTHER, { priceSheetId: second });
    expect(lost.statusCode).toBe(409);
    expect(JSON.stringify(lost.json())).toContain('PS-1');
    expect((await send('POST', '/property-sales/units/not-a-unit/hold', SM, { reason: 'x' })).statusCode).toBe(400);
    // The subscription is not signed yet: the signing is refused (422); a finance step by a salesperson is 403.
    expect((await send('POST', '/property-sales/units/lakeside.b1.1203/signing/steps/1', SP, {})).statusCode).toBe(422);
    const wrongRole = await send('POST', '/property-sales/units/lakeside.b1.1203/signing/steps/5', SP, {});
    expect(wrongRole.statusCode).toBe(403);
    expect(JSON.stringify(wrongRole.json())).toContain('PS-7');
  });
});
