import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ProjectionRunner } from '@ebp/shared-eventsourcing';
import { InMemoryReadModelStore, recorded, resetRecorded } from '@ebp/shared-eventsourcing/testing';
import { AuthModule, issueToken } from '@ebp/shared-auth';
import { CLOCK, LIVE_EVENTS, LiveEventsFanout, READ_MODEL_STORE, createHttpApp } from '@ebp/shared-nest';
import { propertySalesProjections } from './property-sales.projections';
import { PropertySalesQueryModule } from './property-sales-query.module';
import { ID_NUMBER, PHONE, scenario } from './ps-scenario.fixture';

const SECRET = 'ps-read-models-spec';
const NOW = '2026-03-02T18:30:00+08:00';
const store = new InMemoryReadModelStore();

@Global()
@Module({
  providers: [
    { provide: READ_MODEL_STORE, useValue: store },
    { provide: CLOCK, useValue: { now: () => NOW } },
    { provide: LIVE_EVENTS, useValue: new LiveEventsFanout() },
  ],
  exports: [READ_MODEL_STORE, CLOCK, LIVE_EVENTS],
})
class HostPortsModule {}

@Module({ imports: [AuthModule.forRoot({ secret: SECRET }), HostPortsModule, PropertySalesQueryModule] })
class HostModule {}

const token = (userId: string, ...roles: string[]) => `Bearer ${issueToken(SECRET, { userId, roles })}`;
const OWNER = token('sp-wang', 'salesperson');
const COLLEAGUE = token('sp-chen', 'salesperson');
const OTHER_AGENCY = token('sp-liu', 'salesperson');
const SUPERVISOR = token('sup-li', 'agency-supervisor');
const OTHER_SUPERVISOR = token('sup-he', 'agency-supervisor');
const SITE_MANAGER = token('sm-zhao', 'site-manager');
const SITE_SUPERVISOR = token('ss-qian', 'site-supervisor');
const FINANCE = token('fin-qian', 'finance');

describe('property-sales query API over HTTP', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    resetRecorded();
    await new ProjectionRunner(store, propertySalesProjections).handle(scenario.map(({ streamId, event }) => recorded(event, { streamId })));
    app = await createHttpApp(HostModule, { title: 'ps spec', logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  const get = (url: string, authorization?: string) => app.inject({ method: 'GET', url: `/property-sales/${url}`, headers: authorization ? { authorization } : {} });

  it('PS-2 phone and ID in clear for the owning salesperson, their agency supervisor and the site manager; masked for everyone else', async () => {
    for (const reader of [OWNER, SUPERVISOR, SITE_MANAGER]) {
      const res = await get('customers/c-1', reader);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ phone: PHONE, idNumber: ID_NUMBER, masked: false });
    }
    for (const reader of [COLLEAGUE, SITE_SUPERVISOR, FINANCE]) {
      const res = await get('customers/c-1', reader);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ phone: '138****1234', idNumber: '110****1234', masked: true });
    }
    const detail = (await get('customers/c-1', SITE_SUPERVISOR)).json();
    expect(detail.duplicates).toEqual([expect.objectContaining({ agencyId: 'harbour', salespersonId: 'sp-liu' })]);
    expect(JSON.stringify(detail)).not.toContain('13812341234');
  });

  it("PS-2 an agency's people see their own agency's customers only: another agency's customer or list is 403 naming PS-2", async () => {
    const refused = await get('customers/c-1', OTHER_AGENCY);
    expect([refused.statusCode, refused.json().rule]).toEqual([403, 'PS-2']);
    expect((await get('customers?agencyId=sunrise', OTHER_SUPERVISOR)).statusCode).toBe(403);
    const own = (await get('customers?projectId=lakeside', OTHER_AGENCY)).json();
    expect(own).toMatchObject({ total: 1, items: [{ customerId: 'c-2', phone: '+8613900001111', masked: false }] });
    const all = (await get('customers?projectId=lakeside', SITE_SUPERVISOR)).json();
    expect(all.items.map((c: { customerId: string; masked: boolean }) => [c.customerId, c.masked])).toEqual([
      ['c-1', true],
      ['c-2', true],
    ]);
    expect((await get('customers?agencyId=harbour', SITE_MANAGER)).json()).toMatchObject({ total: 1, items: [{ customerId: 'c-2', masked: false }] });
    expect((await get('customers', token('nobody', 'salesperson'))).statusCode).toBe(403);
    expect((await get('customers')).statusCode).toBe(401);
  });

  it('PS-4 signed subscriptions not exported / not handed over by the end of the signing day, judged as of asOf', async () => {
    const sameDay = (await get('subscriptions?asOf=2026-03-02T23:00:00%2B08:00', SITE_MANAGER)).json();
    expect(sameDay.items.map((r: { subscriptionId: string }) => r.subscriptionId)).toEqual(['s-2']);
    expect(sameDay.items[0]).toMatchObject({ notExported: true, notHandedOver: false, dueAt: '2026-03-02T00:00:00+08:00', exportedAt: '2026-03-02T09:00:00+08:00' });
    const before = (await get('subscriptions?flag=not-exported&asOf=2026-03-01T23:59:00%2B08:00', SITE_MANAGER)).json();
    expect(before.items).toEqual([]);
    const nextDay = (await get('subscriptions?flag=not-handed-over&asOf=2026-03-03T00:00:00%2B08:00', SITE_MANAGER)).json();
    expect(nextDay.items.map((r: { subscriptionId: string }) => r.subscriptionId)).toEqual(['s-1']);
    const notExported = (await get('subscriptions?flag=not-exported&asOf=2026-03-03T08:00:00%2B08:00', FINANCE)).json();
    expect(notExported.items.map((r: { subscriptionId: string }) => r.subscriptionId)).toEqual(['s-2']);
    const ownAgency = (await get('subscriptions?asOf=2026-03-03T08:00:00%2B08:00', SUPERVISOR)).json();
    expect(ownAgency.items.map((r: { subscriptionId: string }) => r.subscriptionId)).toEqual(['s-1']);
    expect((await get('subscriptions?flag=late', SITE_MANAGER)).statusCode).toBe(400);
  });

  it('PS-5 follow-ups: a salesperson their own (another salesperson 403), overdue once the target date passed without a contract', async () => {
    const own = (await get('follow-ups', OWNER)).json();
    expect(own).toMatchObject({ salespersonId: 'sp-wang', items: [{ subscriptionId: 's-1', overdue: false, missingDocuments: ['bank-statement'] }] });
    expect((await get('follow-ups?overdue=true', OWNER)).json().items).toEqual([]);
    expect((await get('follow-ups?overdue=true&asOf=2026-03-06T09:00:00%2B08:00', OWNER)).json().items).toMatchObject([{ subscriptionId: 's-1', overdue: true }]);
    const refused = await get('follow-ups?salespersonId=sp-liu', OWNER);
    expect([refused.statusCode, refused.json().rule]).toEqual([403, 'PS-5']);
    const contracted = (await get('follow-ups?salespersonId=sp-liu&overdue=true&asOf=2026-03-06T09:00:00%2B08:00', SITE_MANAGER)).json();
    expect(contracted.items).toEqual([]);
    const beforeContract = (await get('follow-ups?salespersonId=sp-liu&overdue=true&asOf=2026-03-02T08:00:00%2B08:00', SITE_MANAGER)).json();
    expect(beforeContract.items).toEqual([]);
  });

  it('PS-6 the signing lists of a day with the late flag; an agency sees its own', async () => {
    const all = (await get('signing-lists?projectId=lakeside&date=2026-03-03', SITE_MANAGER)).json();
    expect(all).toMatchObject({ dueAt: '2026-03-02T17:00:00+08:00', anyLate: true });
    expect(all.items.map((l: { agencyId: string; late: boolean }) => [l.agencyId, l.late])).toEqual([
      ['harbour', true],
      ['sunrise', false],
    ]);
    const own = (await get('signing-lists?projectId=lakeside&date=2026-03-03', SUPERVISOR)).json();
    expect(own).toMatchObject({ anyLate: false, items: [{ agencyId: 'sunrise', current: { version: 1 } }] });
    const asOf = (await get('signing-lists?projectId=lakeside&date=2026-03-03&asOf=2026-03-02T17:00:00%2B08:00', FINANCE)).json();
    expect(asOf.items.map((l: { agencyId: string }) => l.agencyId)).toEqual(['sunrise']);
    expect((await get('signing-lists?projectId=lakeside&date=2026-3-3', SITE_MANAGER)).statusCode).toBe(400);
  });

  it('PS-7 the unit detail: signing steps with who/when, archive after 17:00 flagged, PS-9 copies of a villa on provident fund, PS-8 errors', async () => {
    const res = await get('units/lakeside.b1.1202', SITE_SUPERVISOR);
    expect(res.statusCode).toBe(200);
    const unit = res.json();
    expect(unit).toMatchObject({ state: 'contracted', signing: { contractId: 'ct-2', concluded: true, nextStep: null, archiveDueAt: '2026-03-02T17:00:00+08:00', archiveLate: true } });
    expect(unit.signing.steps).toHaveLength(11);
    expect(unit.signing.steps[10]).toMatchObject({ step: 'archived-with-developer', done: true, by: 'contract-administrator-1', at: '2026-03-02T17:30:00+08:00' });
    expect(unit.copies).toMatchObject({ contractId: 'ct-2', paymentMethod: 'provident-fund', unitType: 'villa', totalCopies: 7 + 9 + 2 });
    expect(unit.subscription.signingErrors).toEqual([expect.objectContaining({ errorId: 'err-1', fineFen: 20_000 })]);
    const copies = await get('contracts/ct-2/copies', FINANCE);
    expect(copies.json()).toMatchObject({ items: expect.arrayContaining([{ document: 'garden-use-agreement', copies: 2 }]) });
    expect((await get('contracts/ct-404/copies', FINANCE)).statusCode).toBe(404);
  });

  it('PS-1 the unit detail: price history with approvers, a lapsed reservation shows available; another agency does not see the price sheets', async () => {
    const reserved = (await get('units/lakeside.b1.1203?asOf=2026-03-02T08:00:00%2B08:00', OWNER)).json();
    expect(reserved).toMatchObject({ status: 'reserved', state: 'reserved', reservationExpired: false });
    const lapsed = (await get('units/lakeside.b1.1203', OWNER)).json();
    expect(lapsed).toMatchObject({ state: 'available', reservationExpired: true });
    const u1 = (await get('units/lakeside.b1.1201', OWNER)).json();
    expect(u1.prices.map((p: { approvedBy: string }) => p.approvedBy)).toEqual(['sm-zhao', 'sm-zhao']);
    expect(u1).toMatchObject({ priceSheets: [{ priceSheetId: 'ps-1' }], outstandingDocuments: ['bank-statement'], copies: { totalCopies: 5 + 9 }, signing: null });
    expect((await get('units/lakeside.b1.1201', OTHER_AGENCY)).json().priceSheets).toEqual([]);
    expect((await get('units/lakeside.b1.9999', OWNER)).statusCode).toBe(404);
    expect((await get('units/not-a-unit', OWNER)).statusCode).toBe(400);
  });

  it('PS-10 the office day as of now: late attendance, positions by agency arrival, missing and late steps flagged', async () => {
    const day = (await get('office-days/lakeside/2026-03-02', SITE_SUPERVISOR)).json();
    expect(day).toMatchObject({ dutyAgencyId: 'sunrise', agencyNames: { sunrise: 'Sunrise "Realty"', harbour: 'Harbour, Homes' } });
    expect(day.positions.map((p: { agencyId: string; position: number }) => [p.position, p.agencyId])).toEqual([
      [1, 'harbour'],
      [2, 'sunrise'],
    ]);
    expect(day.flagged).toEqual(['attendance', 'model-unit-inspection', 'day-records']);
    const morning = (await get('office-days/lakeside/2026-03-02?asOf=2026-03-02T08:40:00%2B08:00', OWNER)).json();
    expect(morning.flagged).toEqual([]);
    expect(morning.attendance).toEqual([{ staffId: 'sp-liu', agencyId: 'harbour', at: '2026-03-02T08:30:00+08:00', late: false }]);
    expect(morning.steps.find((s: { step: string }) => s.step === 'day-records')).toMatchObject({ status: 'pending', at: null });
    const empty = (await get('office-days/lakeside/2026-03-04?asOf=2026-03-04T10:00:00%2B08:00', SITE_MANAGER)).json();
    expect(empty.flagged).toEqual(['duty-agency', 'attendance', 'handover']);
  });

  it("PS-4 the day's sales per agency and salesperson as JSON, CSV (BOM) and printable HTML; an agency supervisor sees their agency, a salesperson 403", async () => {
    const report = (await get('reports/daily-sales?projectId=lakeside&date=2026-03-02', FINANCE)).json();
    expect(report.items).toEqual([
      expect.objectContaining({ agencyId: 'harbour', salespersonId: 'sp-liu', subscriptions: 0, contracts: 1, contractsFen: 800_000_000 }),
      expect.objectContaining({ agencyId: 'sunrise', salespersonName: '王<销售>', subscriptions: 1, subscriptionsFen: 300_000_000, contracts: 0 }),
    ]);
    expect(report.totals).toEqual({ subscriptions: 1, subscriptionsFen: 300_000_000, cancelled: 0, contracts: 1, contractsFen: 800_000_000 });
    const own = (await get('reports/daily-sales?projectId=lakeside&date=2026-03-02', SUPERVISOR)).json();
    expect(own.items.map((r: { agencyId: string }) => r.agencyId)).toEqual(['sunrise']);
    const csv = await get('reports/daily-sales.csv?projectId=lakeside&date=2026-03-02', SITE_MANAGER);
    expect([csv.statusCode, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body).toContain('agency,harbour,"Harbour, Homes",,,0,0,0,¥0.00,1,800000000,"¥8,000,000.00"');
    const html = await get('reports/daily-sales.html?projectId=lakeside&date=2026-03-02', SITE_SUPERVISOR);
    expect([html.statusCode, html.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(html.body).toContain('王&lt;销售&gt;');
    expect(html.body).toContain('Lakeside &lt;Garden&gt;');
    expect((await get('reports/daily-sales?projectId=lakeside&date=2026-03-02', OWNER)).statusCode).toBe(403);
    expect((await get('reports/daily-sales?projectId=lakeside', FINANCE)).statusCode).toBe(400);
  });

  it('PS-1 the sales-control summary per building and state as JSON, CSV and HTML, as of now', async () => {
    const report = (await get('reports/sales-control?projectId=lakeside', SITE_MANAGER)).json();
    expect(report.buildings.map((b: { buildingId: string; units: number }) => [b.buildingId, b.units])).toEqual([
      ['b1', 3],
      ['b2', 1],
    ]);
    const b1 = Object.fromEntries(report.buildings[0].states.map((s: { state: string; units: number; areaCentiSqm: number }) => [s.state, [s.units, s.areaCentiSqm]]));
    expect(b1).toEqual({ available: [1, 9_000], reserved: [0, 0], held: [0, 0], subscribed: [1, 9_000], contracted: [1, 25_000] });
    const morning = (await get('reports/sales-control?projectId=lakeside&buildingId=b1&asOf=2026-03-02T08:00:00%2B08:00', SUPERVISOR)).json();
    expect(morning.buildings).toHaveLength(1);
    expect(morning.totals.find((s: { state: string }) => s.state === 'reserved').units).toBe(1);
    const csv = await get('reports/sales-control.csv?projectId=lakeside&buildingId=b2', FINANCE);
    expect(csv.body).toContain('state,b2,Villas,held,1,25000,250.00,800000000,"¥8,000,000.00"');
    const html = await get('reports/sales-control.html?projectId=lakeside', SITE_SUPERVISOR);
    expect(html.body).toContain('Lakeside &lt;Garden&gt;');
    expect((await get('reports/sales-control?projectId=lakeside', OWNER)).statusCode).toBe(403);
  });

  it('PS-1 the live board composes with the other views: the board of a building answers from the same projections', async () => {
    const res = await get('projects/lakeside/buildings/b1/board', SITE_SUPERVISOR);
    expect(res.statusCode).toBe(200);
    expect(JSON.stringify(res.json())).toContain('lakeside.b1.1202');
  });
});
