import { nextMonth, shanghaiMonth } from '@ebp/shared-kernel';
import { eventually, startHarness, type Harness } from './testing/platform-harness';

/** The month before `month` (YYYY-MM). */
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const minutes = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

/*
 * A month of activity over HTTP. The platform clock is real, so the reported month P is the
 * month before the current one C (Asia/Shanghai): tickets are registered with past `receivedAt`
 * in P, repeat contacts with past `contactedAt` in P, callbacks with past `calledAt`. Transfers
 * and resolutions are stamped "now", so they count in C. Each figure uses its event's business
 * time: received/complaints → receivedAt, repeat contacts → contactedAt, transfers → transferredAt,
 * resolved/first contact/median → resolvedAt, open at month end → receivedAt/resolvedAt vs the end.
 */
describe('SD-9 monthly supervision report over HTTP', () => {
  let h: Harness;
  let admin: string;
  let owner: string;
  let tech: string;
  let business: string;
  let gm: string;
  let office: string;
  const C = shanghaiMonth(new Date().toISOString());
  const P = previousMonth(C);
  const Q = previousMonth(P);
  const base = '/service-desk/supervision-reports';

  beforeAll(async () => {
    h = await startHarness();
    admin = h.token('office-1', 'office');
    owner = h.token('cs-li', 'customer-service');
    tech = h.token('ts-wang', 'technical-service');
    business = h.token('bd-li', 'business-dept');
    gm = h.token('gm-zhao', 'general-manager');
    office = admin;
    const staff = [
      { staffId: 'cs-li', name: 'Li Na', department: 'customer-service', roles: ['customer-service'] },
      { staffId: 'ts-wang', name: 'Wang Wei', department: 'technical-service', roles: ['technical-service'], isDepartmentManager: true },
      { staffId: 'bd-li', name: 'Li Qiang', department: 'business', roles: ['business-dept'] },
      { staffId: 'gm-zhao', name: 'Zhao Min', department: 'management', roles: ['general-manager'] },
    ];
    for (const s of staff) expect((await h.http('POST', '/service-desk/staff', { token: admin, body: s })).status).toBe(201);
    expect((await h.http('POST', '/service-desk/customers', { token: admin, body: { customerId: 'c-1', name: 'Hangzhou Water' } })).status).toBe(201);
    for (const projectId of ['p-1', 'p-2']) {
      expect((await h.http('POST', '/service-desk/projects', { token: admin, body: { projectId, name: projectId, customerId: 'c-1' } })).status).toBe(201);
    }
    await eventually(async () => expect((await h.http('GET', '/service-desk/staff', { token: admin })).body.items).toHaveLength(4));
    // Customers and projects too, not only the first read model that shows something.
    await h.settled();
  }, 30_000);

  afterAll(async () => h?.stop());

  const register = async (kind: string, receivedAt: string): Promise<string> => {
    const r = await h.http('POST', '/service-desk/tickets', {
      token: owner,
      body: { channel: 'hotline', kind, customerId: 'c-1', projectId: 'p-1', description: 'pump station offline', receivedAt },
    });
    expect(r.status).toBe(201);
    return r.body['id'] as string;
  };

  const raw = async (path: string, token: string) => {
    const response = await fetch(h.platform.url + path, { headers: { authorization: `Bearer ${token}` } });
    const bytes = Buffer.from(await response.arrayBuffer());
    // Decoded by hand: fetch's text() would drop the BOM the test checks for.
    return { status: response.status, type: response.headers.get('content-type') ?? '', bytes, text: bytes.toString('utf8') };
  };

  const draft = (month: string, token = business) => h.http('GET', `${base}/${month}/draft`, { token });

  it('SD-9 draft figures of a month of activity, submission freezes them, resubmission is a new version', async () => {
    const t1 = await register('complaint', `${P}-05T09:00:00+08:00`);
    const t2 = await register('inquiry', `${P}-10T09:00:00+08:00`);
    const t3 = await register('service-request', `${P}-20T09:00:00+08:00`);
    const repeat = await h.http('POST', `/service-desk/tickets/${t1}/repeat-contacts`, { token: owner, body: { channel: 'hotline', contactedAt: `${P}-06T10:00:00+08:00` } });
    expect(repeat.status).toBe(200);
    // SD-11 callbacks: both projects' first monthly window ends in P; only p-1 had its callback.
    for (const projectId of ['p-1', 'p-2']) {
      const delivered = await h.http('POST', `/service-desk/callbacks/projects/${projectId}/delivery`, { token: business, body: { deliveredOn: `${Q}-15` } });
      expect(delivered.status).toBe(201);
    }
    await eventually(async () => expect((await h.http('GET', '/service-desk/callbacks/projects/p-1', { token: owner })).status).toBe(200));
    const called = await h.http('POST', '/service-desk/callbacks/projects/p-1/callbacks', {
      token: owner,
      body: { outcome: 'satisfied', satisfaction: 5, calledAt: `${Q}-20T10:00:00+08:00` },
    });
    expect(called.status).toBe(201);
    // Resolved/transferred now: these count in the current month C.
    expect((await h.http('POST', `/service-desk/tickets/${t2}/resolve`, { token: owner, body: { resolution: 'explained' } })).status).toBe(200);
    expect((await h.http('POST', `/service-desk/tickets/${t3}/transfer`, { token: owner, body: { reason: 'field work', targetDepartment: 'technical-service' } })).status).toBe(200);
    expect((await h.http('POST', `/service-desk/tickets/${t3}/resolve`, { token: tech, body: { resolution: 'replaced the PLC' } })).status).toBe(200);

    const expectedP = {
      month: P,
      received: 3,
      resolved: 0,
      openAtMonthEnd: 3,
      resolvedAtFirstContact: 0,
      firstContactResolutionRate: null,
      medianMinutesToResolve: null,
      complaints: 1,
      repeatContacts: 1,
      transfers: 0,
      onSiteBreaches: 0,
      callbacksDue: 2,
      callbacksDone: 1,
      inspectionsDone: 0,
      majorFaults: 0,
      shirkingFindings: 0,
    };
    await eventually(async () => expect((await draft(P)).body).toEqual(expectedP));

    const resolvedAt = async (id: string) =>
      eventually(async () => {
        const r = await h.http('GET', `/service-desk/tickets/${id}`, { token: owner });
        expect(r.body['status']).toBe('resolved');
        return r.body['resolvedAt'] as string;
      });
    const d2 = minutes(`${P}-10T09:00:00+08:00`, await resolvedAt(t2));
    const d3 = minutes(`${P}-20T09:00:00+08:00`, await resolvedAt(t3));
    const current = await eventually(async () => {
      const r = await draft(C, gm);
      expect(r.body).toMatchObject({ resolved: 2, transfers: 1 });
      return r.body;
    });
    expect(current).toMatchObject({
      month: C,
      received: 0,
      resolvedAtFirstContact: 1,
      firstContactResolutionRate: 0.5,
      medianMinutesToResolve: Math.round(((d2 + d3) / 2) * 10) / 10,
      openAtMonthEnd: 1,
    });

    // SD-9 refused for a month that has not ended yet.
    const early = await h.http('POST', `${base}/${C}`, { token: business, body: {} });
    expect(early.status).toBe(422);
    expect(JSON.stringify(early.body)).toContain('SD-9');

    const v1 = await h.http('POST', `${base}/${P}`, { token: business, body: { comments: '<b>complaints</b> under control' } });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ id: P, version: 1 });
    expect(v1.headers.get('location')).toBe(`${base}/${P}/versions/1`);
    const latest1 = await eventually(async () => {
      const r = await h.http('GET', `${base}/${P}`, { token: gm });
      expect(r.status).toBe(200);
      return r.body;
    });
    expect(latest1['latest']).toMatchObject({ version: 1, addressedTo: 'gm-zhao', submittedBy: 'bd-li', figures: expectedP });

    // More activity in P after submission, then a corrected resubmission.
    await register('complaint', `${P}-25T09:00:00+08:00`);
    await eventually(async () => expect((await draft(P)).body).toMatchObject({ received: 4, complaints: 2, openAtMonthEnd: 4 }));
    const v2 = await h.http('POST', `${base}/${P}`, { token: business, body: { comments: 'late complaint added' } });
    expect(v2.status).toBe(201);
    expect(v2.body['version']).toBe(2);

    const latest2 = await eventually(async () => {
      const r = await h.http('GET', `${base}/${P}`, { token: office });
      expect(r.body['versions']).toHaveLength(2);
      return r.body;
    });
    expect(latest2['latest']).toMatchObject({ version: 2, figures: { ...expectedP, received: 4, complaints: 2, openAtMonthEnd: 4 } });
    const frozen = await h.http('GET', `${base}/${P}/versions/1`, { token: gm });
    expect(frozen.status).toBe(200);
    expect(frozen.body).toMatchObject({ version: 1, comments: '<b>complaints</b> under control', figures: expectedP });
    expect((await h.http('GET', `${base}/${P}/versions/2`, { token: gm })).body['figures']).toMatchObject({ received: 4 });
    expect((await h.http('GET', `${base}/${P}/versions/3`, { token: gm })).status).toBe(404);

    // Exports: the draft and each submitted version exactly as frozen.
    const csvDraft = await raw(`${base}/${P}/export.csv`, business);
    expect(csvDraft.status).toBe(200);
    expect(csvDraft.type).toContain('text/csv');
    expect([...csvDraft.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvDraft.text).toContain('status,draft\r\n');
    expect(csvDraft.text).toContain('受理请求 Requests received,4\r\n');
    const csvV1 = await raw(`${base}/${P}/export.csv?version=1`, gm);
    expect(csvV1.text).toContain('version,1\r\n');
    expect(csvV1.text).toContain('受理请求 Requests received,3\r\n');
    expect(csvV1.text).toContain('已回访 Callbacks done,1\r\n');
    const html = await raw(`${base}/${P}/export.html?version=1`, office);
    expect(html.status).toBe(200);
    expect(html.type).toContain('text/html');
    expect(html.text).toContain('<svg');
    expect(html.text).toContain('@media print');
    expect(html.text).toMatch(/data-figure="received"><th scope="row">[^<]+<\/th><td class="value">3<\/td>/);
    expect(html.text).toContain('&lt;b&gt;complaints&lt;/b&gt;');
    expect(html.text).not.toContain('<b>complaints</b>');
    const csvShort = await raw(`${base}/${P}.csv?version=2`, business);
    expect(csvShort.status).toBe(200);
    expect(csvShort.text).toContain('version,2\r\n');
    const htmlShort = await raw(`${base}/${P}.html`, business);
    expect(htmlShort.type).toContain('text/html');
    expect((await h.http('GET', `${base}/${P}`, { token: gm })).body['versions']).toHaveLength(2);
    const htmlDraft = await raw(`${base}/${P}/export.html`, gm);
    expect(htmlDraft.text).toMatch(/data-figure="received"><th scope="row">[^<]+<\/th><td class="value">4<\/td>/);
  }, 60_000);

  it('SD-9 only the business department submits; readers are business-dept, general-manager and office', async () => {
    expect((await h.http('POST', `${base}/${Q}`, { token: gm, body: {} })).status).toBe(403);
    expect((await h.http('POST', `${base}/${Q}`, { token: owner, body: {} })).status).toBe(403);
    expect((await draft(Q, owner)).status).toBe(403);
    expect((await draft(Q, tech)).status).toBe(403);
    expect((await raw(`${base}/${Q}/export.csv`, owner)).status).toBe(403);
    expect((await raw(`${base}/${Q}/export.html`, tech)).status).toBe(403);
    expect((await h.http('GET', `${base}/${Q}`, { token: owner })).status).toBe(403);
    expect((await draft(Q, office)).status).toBe(200);
    expect((await h.http('GET', `${base}/${Q}`, { token: gm })).status).toBe(404);
    expect((await draft('2026-13', business)).status).toBe(400);
    expect((await h.http('POST', `${base}/${nextMonth(C)}`, { token: business, body: {} })).status).toBe(422);
  });
});
