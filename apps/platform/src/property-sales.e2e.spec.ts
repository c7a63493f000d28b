import { SIGNING_STEPS, unitStream } from '@ebp/property-sales-domain';
import { startHarness, type Harness, type HttpResult } from './testing/platform-harness';

/*
 * Property sales over HTTP on the embedded platform: the one-customer race (PS-1), the subscription
 * (PS-3, PS-4) and the eleven-step signing in order and by role (PS-7, PS-9), the register (PS-2).
 */

const PROJECT = 'lakeside';
const UNIT = `${PROJECT}.b1.1203`;
const SALESPEOPLE = Array.from({ length: 20 }, (_, i) => `sp-${String(i).padStart(2, '0')}`);

describe('property sales over HTTP (PS-1 … PS-9)', () => {
  let h: Harness;
  let siteManager: string;
  const tokens = new Map<string, string>();
  const as = (staffId: string) => tokens.get(staffId)!;
  const post = (path: string, token: string, body: unknown = {}) => h.http('POST', `/property-sales${path}`, { token, body });
  const ok = async (what: string, reply: Promise<HttpResult>, status: number[] = [200, 201]) => {
    const r = await reply;
    if (!status.includes(r.status)) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };

  beforeAll(async () => {
    h = await startHarness();
    siteManager = h.token('sm-zhou', 'site-manager');
    tokens.set('as-chen', h.token('as-chen', 'agency-supervisor'));
    tokens.set('fin-he', h.token('fin-he', 'finance'));
    tokens.set('ca-lin', h.token('ca-lin', 'contract-administrator'));
    tokens.set('ss-wu', h.token('ss-wu', 'site-supervisor'));
    for (const sp of SALESPEOPLE) tokens.set(sp, h.token(sp, 'salesperson'));
    await ok('project', post('/projects', siteManager, { projectId: PROJECT, name: 'Lakeside Garden', siteManagerId: 'sm-zhou', siteSupervisorId: 'ss-wu' }));
    await ok('building', post(`/projects/${PROJECT}/buildings`, siteManager, { buildingId: 'b1', name: 'Tower 1', floors: 18 }));
    await ok('agency', post('/agencies', siteManager, { agencyId: 'sunrise', name: 'Sunrise Realty', supervisorId: 'as-chen', supervisorName: 'Chen Bo' }));
    for (const sp of SALESPEOPLE) await ok(`member ${sp}`, post('/agencies/sunrise/members', siteManager, { staffId: sp, name: `Salesperson ${sp}`, role: 'salesperson' }));
    const csv = 'number,floor,type,areaCentiSqm,listPriceFen\n1203,12,apartment,11820,450000000\n1204,12,apartment,14320,540000000\n1205,12,villa,26500,990000000\n';
    const imported = await h.http('POST', `/property-sales/projects/${PROJECT}/buildings/b1/units/import`, { token: siteManager, body: csv, headers: { 'content-type': 'text/csv' } });
    expect(imported.status).toBe(200);
    await h.settled();
  }, 60_000);

  afterAll(async () => h?.stop());

  const register = async (sp: string, phone: string, name = `Customer of ${sp}`) =>
    ok(`customer of ${sp}`, post('/customers', as(sp), { name, phone, projectId: PROJECT, agencyId: 'sunrise' }));

  it('PS-2 the first registration of a phone number owns the customer; a later one is kept as a duplicate', async () => {
    const first = await register('sp-00', '+86 138-0000-0001', 'Wang Jianguo');
    expect(first.status).toBe(201);
    const again = await register('sp-01', '13800000001', 'Wang J.');
    expect(again.status).toBe(200);
    expect(again.body['id']).toBe(first.body['id']);
    const bad = await post('/customers', as('sp-00'), { name: 'X', phone: '12345', projectId: PROJECT, agencyId: 'sunrise' });
    expect(bad.status).toBe(400);
    // The phone is personal data: the audit trail shows the payload to the site manager only.
    await h.settled();
    const entity = encodeURIComponent(`property-sales.customer.${String(first.body['id'])}`);
    const forGm = await h.http('GET', `/audit?entity=${entity}`, { token: h.token('gm-zhao', 'general-manager') });
    expect(forGm.body.items!.length).toBe(2);
    expect(JSON.stringify(forGm.body)).not.toContain('13800000001');
    const forSiteManager = await h.http('GET', `/audit?entity=${entity}`, { token: h.token('sm-zhou', 'site-manager', 'general-manager') });
    expect(JSON.stringify(forSiteManager.body)).toContain('+8613800000001');
  });

  it('PS-1 twenty concurrent subscriptions of one available unit: exactly one succeeds, nineteen are refused naming PS-1', async () => {
    const sheets: { sp: string; priceSheetId: string }[] = [];
    for (const [i, sp] of SALESPEOPLE.entries()) {
      const customer = await register(sp, `139${String(10_000_000 + i).padStart(8, '0')}`);
      const sheet = await ok(`price sheet ${sp}`, post(`/units/${UNIT}/price-sheets`, as(sp), { customerId: customer.body['id'], discounts: [], paymentMethod: 'commercial-mortgage' }));
      sheets.push({ sp, priceSheetId: String(sheet.body['id']) });
    }
    const results = await Promise.all(sheets.map(({ sp, priceSheetId }) => post(`/units/${UNIT}/subscriptions`, as(sp), { priceSheetId })));
    const won = results.filter((r) => r.status === 201);
    const lost = results.filter((r) => r.status !== 201);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    expect(lost.every((r) => r.status === 409 && r.body['rule'] === 'PS-1')).toBe(true);
    const events = await h.platform.engine.eventStore.readStream(unitStream(UNIT));
    expect(events.filter((e) => e.type === 'UnitSubscribed')).toHaveLength(1);
    await h.settled();
    const board = await h.http('GET', `/property-sales/projects/${PROJECT}/buildings/b1/board`, { token: siteManager });
    expect(board.status).toBe(200);
    const cells = JSON.stringify(board.body).match(/"number":"1203"[^}]*"state":"([a-z]+)"/g) ?? [];
    expect(cells).toHaveLength(1);
    expect(cells[0]).toContain('"state":"subscribed"');
  });

  it('PS-3 PS-4 PS-7 PS-9 a subscription through its steps, then the eleven signing steps in order, each by its role', async () => {
    const unit = `${PROJECT}.b1.1204`;
    const customer = await register('sp-00', '15000000077', 'Liu Fang');
    const big = await ok('discounted sheet', post(`/units/${unit}/price-sheets`, as('sp-00'), { customerId: customer.body['id'], discounts: [{ reason: 'opening week', amountFen: 27_000_000 }], paymentMethod: 'lump-sum' }));
    const unapproved = await post(`/units/${unit}/subscriptions`, as('sp-00'), { priceSheetId: big.body['id'] });
    expect(unapproved.status).toBe(422);
    expect(unapproved.body).toMatchObject({ rule: 'PS-3' });
    await ok('approve discount', post(`/units/${unit}/price-sheets/${String(big.body['id'])}/approve`, as('as-chen')));
    await ok('subscribe', post(`/units/${unit}/subscriptions`, as('sp-00'), { priceSheetId: big.body['id'] }), [201]);
    const sub = `/units/${unit}/subscription`;
    expect((await post(`${sub}/form`, as('sp-00'))).body).toMatchObject({ rule: 'PS-4' }); // before the deposit
    await ok('deposit', post(`${sub}/deposit`, as('fin-he'), { depositFen: 5_000_000, receiptNo: 'R-1204' }));
    await ok('form', post(`${sub}/form`, as('sp-00')));
    await ok('review', post(`${sub}/review`, as('as-chen')));
    await ok('sign', post(`${sub}/sign`, as('sp-00'), { agreements: ['subscription-agreement'] }));
    await ok('customer copy', post(`${sub}/customer-copy`, as('sp-00')));
    await ok('erp export', post(`${sub}/erp-export`, siteManager, { erpReference: 'MY-1204' }));
    await ok('handover', post(`${sub}/handover`, siteManager));

    const byRole: Record<string, string> = { salesperson: 'sp-00', 'agency-supervisor': 'as-chen', finance: 'fin-he', 'contract-administrator': 'ca-lin', 'site-supervisor': 'ss-wu' };
    const outOfOrder = await post(`/units/${unit}/signing/steps/online-filing`, as('ca-lin'));
    expect(outOfOrder.status).toBe(422);
    expect(outOfOrder.body).toMatchObject({ rule: 'PS-7' });
    const wrongRole = await post(`/units/${unit}/signing/steps/mortgage-documents-checked`, as('fin-he'));
    expect([403, 422]).toContain(wrongRole.status);
    expect(wrongRole.body).toMatchObject({ rule: 'PS-7' });
    for (const { step, role } of SIGNING_STEPS) await ok(`signing ${step}`, post(`/units/${unit}/signing/steps/${step}`, as(byRole[role])));
    const events = await h.platform.engine.eventStore.readStream(unitStream(unit));
    expect(events.filter((e) => e.type === 'SigningStepCompleted').map((e) => (e.data as { step: string }).step)).toEqual(SIGNING_STEPS.map((s) => s.step));
    expect(events.some((e) => e.type === 'UnitContracted')).toBe(true);
    await h.settled();
    const detail = await h.http('GET', `/property-sales/units/${unit}`, { token: siteManager });
    expect(detail.status).toBe(200);
    expect(JSON.stringify(detail.body)).toContain('sales-contract-and-supplement');
  });

  it('PS-1 the board and the unit refuse callers without a sales-centre role (403) and without a token (401)', async () => {
    expect((await h.http('GET', `/property-sales/projects/${PROJECT}/buildings/b1/board`, { token: h.token('cs-li', 'customer-service') })).status).toBe(403);
    expect((await h.http('GET', `/property-sales/projects/${PROJECT}/buildings/b1/board`)).status).toBe(401);
    expect((await post(`/units/${PROJECT}.b1.1205/hold`, as('sp-00'), { reason: 'x' })).status).toBe(403);
  });

  it("SD-1 HR-2 an agency's salesperson or the developer's site manager is not the service company's staff: no tickets, no HR self-service", async () => {
    const ticket = { channel: 'hotline', kind: 'inquiry', customerId: 'c-1', description: 'x' };
    expect((await h.http('POST', '/service-desk/tickets', { token: as('sp-00'), body: ticket })).status).toBe(403);
    expect((await h.http('POST', '/service-desk/tickets', { token: siteManager, body: ticket })).status).toBe(403);
    expect((await h.http('POST', '/hr-attendance/attendance/sign-in', { token: as('sp-00'), body: {} })).status).toBe(403);
  });
});
