import { eventually, startHarness, type Harness } from './testing/platform-harness';

describe('major faults and collaborations over HTTP', () => {
  let h: Harness;
  let admin: string;
  let reporter: string;
  let manager: string;
  let engineer: string;
  let business: string;
  let office: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = h.token('off-sun', 'office');
    office = admin;
    reporter = h.token('cs-li', 'customer-service');
    manager = h.token('ts-wang', 'technical-service');
    engineer = h.token('ts-chen', 'technical-service');
    business = h.token('bd-xu', 'business-dept');
    const staff = [
      { staffId: 'off-sun', name: 'Sun Li', department: 'office', roles: ['office'], isDepartmentManager: true },
      { staffId: 'cs-li', name: 'Li Na', department: 'customer-service', roles: ['customer-service'] },
      { staffId: 'ts-wang', name: 'Wang Wei', department: 'technical-service', roles: ['technical-service'], isDepartmentManager: true },
      { staffId: 'ts-chen', name: 'Chen Jie', department: 'technical-service', roles: ['technical-service'] },
      { staffId: 'bd-xu', name: 'Xu Hao', department: 'business-dept', roles: ['business-dept'] },
      { staffId: 'gm-zhao', name: 'Zhao Min', department: 'management', roles: ['general-manager'] },
    ];
    for (const s of staff) expect((await h.http('POST', '/service-desk/staff', { token: admin, body: s })).status).toBe(201);
    expect((await h.http('POST', '/service-desk/customers', { token: admin, body: { customerId: 'c-hz-water', name: 'Hangzhou Water' } })).status).toBe(201);
    await eventually(async () => expect((await h.http('GET', '/service-desk/customers', { token: admin })).body.items).toHaveLength(1));
    const project = { projectId: 'p-scada', name: 'SCADA upgrade', customerId: 'c-hz-water', businessSignerId: 'bd-xu' };
    expect((await h.http('POST', '/service-desk/projects', { token: admin, body: project })).status).toBe(201);
    await eventually(async () => {
      expect((await h.http('GET', '/service-desk/staff', { token: admin })).body.items).toHaveLength(6);
      expect((await h.http('GET', '/service-desk/projects', { token: admin })).body.items).toHaveLength(1);
    });
  }, 30_000);

  afterAll(async () => h?.stop());

  const report = () =>
    h.http('POST', '/service-desk/faults', {
      token: reporter,
      body: {
        occurredAt: '2026-01-05T08:10:00+08:00',
        location: 'Qingchun Road Water Plant',
        symptoms: 'SCADA servers unreachable, pumps on manual',
        contingencyPlan: 'operators run the pumps by hand; standby server prepared',
        customerId: 'c-hz-water',
        projectId: 'p-scada',
        managerInChargeId: 'ts-wang',
      },
    });
  const fault = (id: string, query = '') => h.http('GET', `/service-desk/faults/${id}${query}`, { token: reporter });
  const post = (path: string, token: string, body: unknown = {}) => h.http('POST', path, { token, body });

  it('SD-14 report → acknowledge → escalate → progress → resolve → analysis → close, with the read model following', async () => {
    const reported = await report();
    expect(reported.status).toBe(201);
    const id = reported.body['id'] as string;
    const base = `/service-desk/faults/${id}`;

    expect((await post(`${base}/acknowledge`, manager)).status).toBe(200);
    expect((await post(`${base}/escalate`, manager, { note: 'plant on manual' })).status).toBe(200);
    expect((await post(`${base}/progress`, engineer, { note: 'standby server booted' })).status).toBe(200);
    expect((await post(`${base}/resolve`, engineer, { resolvedAt: '2026-01-05T15:00:00+08:00' })).status).toBe(200);

    const refused = await post(`${base}/close`, manager);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.body['rule']).toBe('SD-14');

    const resolved = await eventually(async () => {
      const r = await fault(id, '?asOf=2026-01-08');
      expect(r.body['status']).toBe('resolved');
      return r;
    });
    expect(resolved.body).toMatchObject({
      notified: ['bd-xu', 'ts-wang'],
      businessSignerId: 'bd-xu',
      generalManagerId: 'gm-zhao',
      analysisDueOn: '2026-01-08',
      analysisStatus: 'pending',
      progress: [{ by: 'ts-chen', note: 'standby server booted' }],
    });
    expect((await fault(id, '?asOf=2026-01-09')).body['analysisStatus']).toBe('overdue');
    const overdue = await h.http('GET', '/service-desk/faults?analysisStatus=overdue&asOf=2026-01-09', { token: reporter });
    expect(overdue.body.items!.map((f) => f['faultId'])).toContain(id);

    const analysis = {
      impact: 'water plant on manual control for 7 hours',
      handling: 'switched to the standby server, replaced the failed disk',
      rootCause: 'RAID controller failure',
      correctiveMeasures: 'controller replaced',
      preventiveMeasures: 'monthly RAID health checks',
    };
    expect((await post(`${base}/analysis`, engineer, analysis)).status).toBe(403);
    expect((await post(`${base}/analysis`, manager, analysis)).status).toBe(200);
    expect((await post(`${base}/close`, manager)).status).toBe(200);

    const closed = await eventually(async () => {
      const r = await fault(id);
      expect(r.body['status']).toBe('closed');
      return r;
    });
    expect(closed.headers.get('etag')).toBe('"6"');
    expect(closed.body).toMatchObject({
      analysisStatus: 'filed',
      analysis: { rootCause: 'RAID controller failure', deliveredTo: ['customer:c-hz-water', 'department:business-dept'] },
    });
    expect((closed.body['history'] as unknown[]).length).toBe(7);
    const list = await h.http('GET', '/service-desk/faults?status=closed', { token: reporter });
    expect(list.body.items!.map((f) => f['faultId'])).toContain(id);
  });

  it('SD-14 only the manager in charge escalates and acknowledges; the analysis endpoint is technical service only (403)', async () => {
    const id = (await report()).body['id'] as string;
    const base = `/service-desk/faults/${id}`;
    const byEngineer = await post(`${base}/escalate`, engineer);
    expect(byEngineer.status).toBe(403);
    expect(byEngineer.body['rule']).toBe('SD-14');
    expect((await post(`${base}/acknowledge`, reporter)).status).toBe(403);
    expect((await post(`${base}/resolve`, business)).status).toBe(403);
    expect((await post(`${base}/analysis`, business, { impact: 'a', handling: 'b', rootCause: 'c', correctiveMeasures: 'd', preventiveMeasures: 'e' })).status).toBe(403);
    const unknownManager = await h.http('POST', '/service-desk/faults', {
      token: reporter,
      body: { occurredAt: '2026-01-05T08:10:00+08:00', location: 'x', symptoms: 'y', contingencyPlan: 'z', customerId: 'c-hz-water', managerInChargeId: 'nobody' },
    });
    expect(unknownManager.body['rule']).toBe('SD-14');
  });

  it('SD-13 a collaboration dispute is ruled by the Office before the supervising department completes', async () => {
    const opened = await post('/service-desk/collaborations', reporter, {
      subject: 'move the hotline to the new PBX',
      requestingDepartment: 'customer-service',
      cooperatingDepartments: ['technical-service'],
    });
    expect(opened.status).toBe(201);
    const id = opened.body['id'] as string;
    const base = `/service-desk/collaborations/${id}`;
    expect((await post(`${base}/disputes`, engineer, { description: 'who configures the call routing' })).status).toBe(200);
    expect((await post(`${base}/disputes/d-1/opinions`, reporter, { department: 'customer-service', opinion: 'technical service, it is their PBX' })).status).toBe(200);

    const early = await post(`${base}/disputes/d-1/ruling`, office, { ruling: 'technical service configures' });
    expect(early.body['rule']).toBe('SD-13');
    expect((await post(`${base}/disputes/d-1/opinions`, engineer, { department: 'technical-service', opinion: 'customer service owns the routing rules' })).status).toBe(200);

    const blocked = await post(`${base}/completion`, reporter, { summary: 'done' });
    expect(blocked.body['rule']).toBe('SD-13');
    expect((await post(`${base}/disputes/d-1/ruling`, manager, { ruling: 'x' })).status).toBe(403);
    expect((await post(`${base}/disputes/d-1/ruling`, office, { ruling: 'technical service configures, customer service supplies the rules' })).status).toBe(200);
    expect((await post(`${base}/completion`, engineer, { summary: 'done' })).status).toBe(403);
    expect((await post(`${base}/completion`, reporter, { summary: 'hotline migrated' })).status).toBe(200);

    const detail = await eventually(async () => {
      const r = await h.http('GET', base, { token: business });
      expect(r.body['status']).toBe('completed');
      return r;
    });
    expect(detail.body).toMatchObject({
      blocked: false,
      disputes: [{ disputeId: 'd-1', ruling: { ruledBy: 'off-sun' }, opinions: [{ department: 'customer-service' }, { department: 'technical-service' }] }],
      completion: { completedBy: 'cs-li', summary: 'hotline migrated' },
    });
    const list = await h.http('GET', '/service-desk/collaborations', { token: business });
    expect(list.body.items!.map((c) => c['collaborationId'])).toContain(id);
  });
});
