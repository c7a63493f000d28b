import { eventually, startHarness, type Harness } from './testing/platform-harness';

type Row = Record<string, unknown>;

describe('SD-11 callbacks and SD-12 needs campaign over HTTP', () => {
  let h: Harness;
  let admin: string;
  let cs: string;
  let pm: string;
  let tech: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = h.token('office-1', 'office');
    cs = h.token('cs-li', 'customer-service');
    pm = h.token('pm-wu', 'project-manager');
    tech = h.token('ts-wang', 'technical-service');
    const customers = [
      { customerId: 'c-water', name: 'Hangzhou Water' },
      { customerId: 'c-metro', name: 'Ningbo Metro' },
    ];
    for (const c of customers) expect((await h.http('POST', '/service-desk/customers', { token: admin, body: c })).status).toBe(201);
    const projects = [
      { projectId: 'p-scada', name: 'SCADA upgrade', customerId: 'c-water' },
      { projectId: 'p-ticketing', name: 'Ticketing gates', customerId: 'c-metro' },
    ];
    for (const p of projects) expect((await h.http('POST', '/service-desk/projects', { token: admin, body: p })).status).toBe(201);
    await eventually(async () => expect((await h.http('GET', '/service-desk/projects', { token: admin })).body.items).toHaveLength(2));
    await eventually(async () => expect((await h.http('GET', '/service-desk/customers', { token: admin })).body.items).toHaveLength(2));
  }, 30_000);

  afterAll(async () => h?.stop());

  const deliver = (projectId: string, deliveredOn: string, token = pm) =>
    h.http('POST', `/service-desk/callbacks/projects/${projectId}/delivery`, { token, body: { deliveredOn } });
  const callback = (projectId: string, calledAt: string, token = cs, extra: Row = {}) =>
    h.http('POST', `/service-desk/callbacks/projects/${projectId}/callbacks`, {
      token,
      body: { outcome: 'satisfied', notes: 'running fine', satisfaction: 5, calledAt, ...extra },
    });
  const statuses = async (projectId: string, asOf: string) => {
    const r = await h.http('GET', `/service-desk/callbacks/projects/${projectId}?asOf=${asOf}`, { token: cs });
    expect(r.status).toBe(200);
    return (r.body['windows'] as Row[]).map((w) => [w['index'], w['kind'], w['status']]);
  };
  const list = async (query: string) => {
    const r = await h.http('GET', `/service-desk/callbacks?${query}`, { token: tech });
    expect(r.status).toBe(200);
    return r.body.items!.filter((i) => i['projectId'] === 'p-scada').map((i) => [i['windowIndex'], i['status']]);
  };

  it('SD-11 deliver a project, record callbacks, and see due/overdue windows across the 12-month boundary', async () => {
    const delivered = await deliver('p-scada', '2025-01-31');
    expect(delivered.status).toBe(201);
    expect(delivered.headers.get('etag')).toBe('"0"');
    expect((await callback('p-scada', '2025-02-10T10:00:00+08:00')).status).toBe(201);
    expect((await callback('p-scada', '2026-01-05T10:00:00+08:00', cs, { satisfaction: 3, outcome: 'issues-raised' })).status).toBe(201);
    expect((await callback('p-scada', '2026-02-15T10:00:00+08:00')).status).toBe(201);

    const file = await eventually(async () => {
      const r = await h.http('GET', '/service-desk/callbacks/projects/p-scada?asOf=2026-03-01', { token: cs });
      expect(r.body['callbacks']).toHaveLength(3);
      return r;
    });
    expect(file.body).toMatchObject({ deliveredOn: '2025-01-31', customerId: 'c-water', policy: { monthlyWindows: 12, laterWindowMonths: 3 } });
    const windows = file.body['windows'] as Row[];
    // Month-end clamping: delivered Jan 31 → month 1 ends Feb 28, month 12 starts Dec 31.
    expect(windows[0]).toMatchObject({ startsOn: '2025-01-31', endsBefore: '2025-02-28', status: 'done' });
    expect(windows[11]).toMatchObject({ index: 12, kind: 'monthly', startsOn: '2025-12-31', endsBefore: '2026-01-31' });
    expect(windows[12]).toMatchObject({ index: 13, kind: 'quarterly', startsOn: '2026-01-31', endsBefore: '2026-04-30', status: 'done' });

    // The day before the 12-month boundary: month 12 is due until its callback on Jan 5, monthly windows 2–11 overdue.
    expect(await statuses('p-scada', '2026-01-04')).toEqual([
      [1, 'monthly', 'done'],
      ...Array.from({ length: 10 }, (_, k) => [k + 2, 'monthly', 'overdue']),
      [12, 'monthly', 'due'],
      [13, 'quarterly', 'upcoming'],
    ]);
    expect(await list('asOf=2026-01-04&status=due')).toEqual([[12, 'due']]);
    expect(await list('asOf=2026-01-30&status=due')).toEqual([]);
    // On the boundary the first quarter opens; its callback (Feb 15) is not yet known as of Jan 31.
    expect(await list('asOf=2026-01-31&status=due')).toEqual([[13, 'due']]);
    expect(await list('asOf=2026-03-01&status=due')).toEqual([]);
    // The quarter after next ends without a callback: overdue once it has ended.
    expect(await list('asOf=2026-07-31&status=overdue')).toContainEqual([14, 'overdue']);
    const all = await list('asOf=2026-07-31');
    expect(all).toContainEqual([2, 'overdue']);
    expect(all).toContainEqual([15, 'due']);
    expect(all).not.toContainEqual([13, 'overdue']);
  });

  it('SD-11 exports the callback list as UTF-8 CSV with a header row', async () => {
    await eventually(async () => expect(await list('asOf=2026-01-04&status=due')).toEqual([[12, 'due']]));
    const response = await fetch(`${h.platform.url}/service-desk/callbacks.csv?asOf=2026-01-04&status=due`, {
      headers: { authorization: `Bearer ${cs}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('projectId,projectName,customerId,deliveredOn,windowIndex,kind,startsOn,endsBefore,status');
    expect(lines).toContain('p-scada,SCADA upgrade,c-water,2025-01-31,12,monthly,2025-12-31,2026-01-31,due');
    const page = await fetch(`${h.platform.url}/service-desk/callbacks.html?asOf=2026-01-04&status=due`, { headers: { authorization: `Bearer ${cs}` } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    const html = await page.text();
    expect(html).toContain('SCADA upgrade');
    expect(html).toContain('2025-12-31 – 2026-01-31');
  });

  it('SD-11 refuses delivering an unknown or already delivered project, and callbacks before delivery or in the future', async () => {
    const unknown = await deliver('p-nowhere', '2025-01-31');
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ rule: 'SD-11', field: 'projectId' });
    await eventually(async () => expect((await h.http('GET', '/service-desk/callbacks/projects/p-scada', { token: cs })).status).toBe(200));
    const twice = await deliver('p-scada', '2025-02-01', cs);
    expect(twice.status).toBe(409);
    expect(twice.body['rule']).toBe('SD-11');

    const beforeDelivery = await callback('p-ticketing', '2025-02-10T10:00:00+08:00');
    expect(beforeDelivery.status).toBe(422);
    expect(beforeDelivery.body['rule']).toBe('SD-11');
    const future = await callback('p-scada', new Date(Date.now() + 86_400_000).toISOString());
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ rule: 'SD-11', field: 'calledAt' });
    const badScore = await callback('p-scada', '2025-03-10T10:00:00+08:00', cs, { satisfaction: 6 });
    expect(badScore.status).toBe(400);
    expect((await h.http('GET', '/service-desk/callbacks/projects/p-ticketing', { token: cs })).status).toBe(404);
  });

  it('SD-11 only project managers, the business department and customer service deliver; only customer service records callbacks (403)', async () => {
    expect((await deliver('p-ticketing', '2025-06-01', tech)).status).toBe(403);
    expect((await deliver('p-ticketing', '2025-06-01', admin)).status).toBe(403);
    expect((await callback('p-scada', '2025-03-10T10:00:00+08:00', pm)).status).toBe(403);
    expect((await callback('p-scada', '2025-03-10T10:00:00+08:00', h.token('bd-zhang', 'business-dept'))).status).toBe(403);
    expect((await deliver('p-ticketing', '2025-06-01', h.token('bd-zhang', 'business-dept'))).status).toBe(201);
  });

  it('SD-12 December campaign: gifts and needs plans per customer, every registered customer listed', async () => {
    const gift = await h.http('POST', '/service-desk/needs-campaigns/2025/gifts', {
      token: cs,
      body: { customerId: 'c-water', sentAt: '2025-12-10T09:00:00+08:00', note: 'tea set' },
    });
    expect(gift.status).toBe(201);
    const plan = await h.http('POST', '/service-desk/needs-campaigns/2025/needs-plans', {
      token: cs,
      body: { customerId: 'c-water', plan: 'Two more pump stations in 2026', surveyedAt: '2025-12-12T15:00:00+08:00' },
    });
    expect(plan.status).toBe(201);

    const view = await eventually(async () => {
      const r = await h.http('GET', '/service-desk/needs-campaigns/2025', { token: tech });
      expect(r.body['needsRecorded']).toBe(1);
      return r;
    });
    expect(view.body).toMatchObject({ year: 2025, customers: 2, giftsSent: 1, needsRecorded: 1 });
    expect(view.body.items!.map((i) => [i['customerId'], i['giftSent'], i['needsRecorded']])).toEqual([
      ['c-metro', false, false],
      ['c-water', true, true],
    ]);
    const empty = await h.http('GET', '/service-desk/needs-campaigns/2024', { token: tech });
    expect(empty.body).toMatchObject({ customers: 2, giftsSent: 0 });
  });

  it('SD-12 refuses gifts outside December of the campaign year, unknown customers and repeats', async () => {
    const gifts = (body: Row, token = cs) => h.http('POST', '/service-desk/needs-campaigns/2025/gifts', { token, body });
    const november = await gifts({ customerId: 'c-metro', sentAt: '2025-11-30T20:00:00+08:00' });
    expect(november.status).toBe(422);
    expect(november.body).toMatchObject({ rule: 'SD-12', field: 'sentAt' });
    const otherYear = await gifts({ customerId: 'c-metro', sentAt: '2024-12-20T10:00:00+08:00' });
    expect(otherYear.body['rule']).toBe('SD-12');
    const unknown = await gifts({ customerId: 'c-nobody', sentAt: '2025-12-20T10:00:00+08:00' });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ rule: 'SD-12', field: 'customerId' });
    const lateSurvey = await h.http('POST', '/service-desk/needs-campaigns/2025/needs-plans', {
      token: cs,
      body: { customerId: 'c-metro', plan: 'More gates', surveyedAt: '2026-01-03T10:00:00+08:00' },
    });
    expect(lateSurvey.body).toMatchObject({ rule: 'SD-12', field: 'surveyedAt' });
    const again = await gifts({ customerId: 'c-water', sentAt: '2025-12-11T09:00:00+08:00' });
    expect(again.status).toBe(409);
  });

  it('SD-12 only customer service records gifts and needs plans (403)', async () => {
    const body = { customerId: 'c-metro', sentAt: '2025-12-20T10:00:00+08:00' };
    expect((await h.http('POST', '/service-desk/needs-campaigns/2025/gifts', { token: pm, body })).status).toBe(403);
    expect((await h.http('POST', '/service-desk/needs-campaigns/2025/gifts', { token: admin, body })).status).toBe(403);
    const planBody = { customerId: 'c-metro', plan: 'More gates', surveyedAt: '2025-12-20T10:00:00+08:00' };
    expect((await h.http('POST', '/service-desk/needs-campaigns/2025/needs-plans', { token: tech, body: planBody })).status).toBe(403);
  });
});
