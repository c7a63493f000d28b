import { inspectionStream, ticketStream } from '@ebp/service-desk-domain';
import { eventually, startHarness, type Harness } from './testing/platform-harness';

describe('SD-16 proactive service over HTTP', () => {
  let h: Harness;
  let office: string;
  let pm: string;
  let cs: string;
  let gm: string;
  let biz: string;

  const SCORES = { installation: 5, 'system-operation': 4, implementation: 4, 'after-sales-service': 3, training: 5 };

  beforeAll(async () => {
    h = await startHarness();
    office = h.token('office-1', 'office');
    pm = h.token('pm-zhou', 'project-manager');
    cs = h.token('cs-li', 'customer-service');
    gm = h.token('gm-zhao', 'general-manager');
    biz = h.token('bd-qian', 'business-dept');
    const staff = [
      { staffId: 'pm-zhou', name: 'Zhou Tao', department: 'projects', roles: ['project-manager'] },
      { staffId: 'cs-li', name: 'Li Na', department: 'customer-service', roles: ['customer-service'] },
      { staffId: 'gm-zhao', name: 'Zhao Min', department: 'management', roles: ['general-manager'] },
      { staffId: 'bd-qian', name: 'Qian Yu', department: 'business', roles: ['business-dept'] },
    ];
    for (const s of staff) expect((await h.http('POST', '/service-desk/staff', { token: office, body: s })).status).toBe(201);
    expect((await h.http('POST', '/service-desk/customers', { token: office, body: { customerId: 'c-hz-water', name: 'Hangzhou Water' } })).status).toBe(201);
    expect(
      (await h.http('POST', '/service-desk/projects', { token: office, body: { projectId: 'p-scada', name: 'SCADA upgrade', customerId: 'c-hz-water' } })).status,
    ).toBe(201);
    await eventually(async () => {
      expect((await h.http('GET', '/service-desk/staff', { token: office })).body.items).toHaveLength(4);
      expect((await h.http('GET', '/service-desk/projects', { token: office })).body.items).toHaveLength(1);
    });
  }, 30_000);

  afterAll(async () => h?.stop());

  const inspect = (body: Record<string, unknown> = {}, token = pm) =>
    h.http('POST', '/service-desk/inspections', {
      token,
      body: { projectId: 'p-scada', inspectedAt: '2026-03-02T09:00:00+08:00', findings: [{ description: 'UPS battery swollen', severity: 'high' }], ...body },
    });
  const survey = (body: Record<string, unknown> = {}, token = cs) =>
    h.http('POST', '/service-desk/satisfaction-surveys', {
      token,
      body: { customerId: 'c-hz-water', method: 'phone', surveyedAt: '2026-03-05T10:00:00+08:00', scores: SCORES, ...body },
    });

  it('SD-16 an inspection finding becomes a ticket owned by the project manager, caused by the inspection event', async () => {
    const recorded = await inspect();
    expect(recorded.status).toBe(201);
    const inspectionId = recorded.body['id'] as string;

    const ticket = await eventually(async () => {
      const r = await h.http('GET', '/service-desk/tickets?owner=pm-zhou', { token: pm });
      expect(r.body.items).toHaveLength(1);
      return r.body.items![0];
    });
    expect(ticket).toMatchObject({ ownerId: 'pm-zhou', ownerDepartment: 'projects', channel: 'on-site', kind: 'service-request', customerId: 'c-hz-water', projectId: 'p-scada' });
    const ticketId = ticket['ticketId'] as string;

    const inspectionAudit = await eventually(async () => {
      const r = await h.http('GET', `/audit?entity=${encodeURIComponent(inspectionStream(inspectionId))}`, { token: office });
      expect(r.body['total']).toBe(1);
      return r.body.items![0];
    });
    const ticketAudit = await eventually(async () => {
      const r = await h.http('GET', `/audit?entity=${encodeURIComponent(ticketStream(ticketId))}`, { token: office });
      expect(r.body['total']).toBe(1);
      return r.body.items![0];
    });
    expect(ticketAudit).toMatchObject({ type: 'TicketRegistered', causationId: inspectionAudit['eventId'] });

    const view = await eventually(async () => {
      const r = await h.http('GET', '/service-desk/inspections?project=p-scada', { token: office });
      expect(r.body['inspections']).toHaveLength(1);
      return r.body;
    });
    expect(view).toMatchObject({ projectId: 'p-scada', lastInspectionDate: '2026-03-02', nextDueDate: '2026-06-02' });
    expect((view['inspections'] as { findings: { ticketId: string }[] }[])[0].findings[0].ticketId).toBe(ticketId);
  });

  it('SD-16 inspections are for project managers only, on registered projects', async () => {
    expect((await inspect({}, cs)).status).toBe(403);
    const unknown = await inspect({ projectId: 'p-none' });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ rule: 'SD-16', field: 'projectId' });
  });

  it('SD-16 a survey scoring 2 opens a follow-up ticket; statistics per dimension cover the period', async () => {
    expect((await survey()).status).toBe(201);
    const low = await survey({ scores: { ...SCORES, training: 2 }, method: 'email' }, biz);
    expect(low.status).toBe(201);

    const followUp = await eventually(async () => {
      const r = await h.http('GET', '/service-desk/tickets?owner=bd-qian', { token: biz });
      expect(r.body.items).toHaveLength(1);
      return r.body.items![0];
    });
    expect(followUp).toMatchObject({ channel: 'email', kind: 'service-request', customerId: 'c-hz-water', ownerDepartment: 'business' });
    expect((await h.http('GET', '/service-desk/tickets?owner=cs-li', { token: cs })).body.items).toHaveLength(0);

    const stats = await eventually(async () => {
      const r = await h.http('GET', '/service-desk/satisfaction-stats?from=2026-03-01&to=2026-03-31', { token: gm });
      expect(r.body['surveys']).toBe(2);
      return r.body;
    });
    expect(stats['followUps']).toBe(1);
    expect((stats['dimensions'] as Record<string, unknown>)['training']).toEqual({
      count: 2,
      mean: 3.5,
      min: 2,
      max: 5,
      distribution: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 1 },
    });
    const outside = await h.http('GET', '/service-desk/satisfaction-stats?from=2026-04-01&to=2026-04-30', { token: gm });
    expect(outside.body['surveys']).toBe(0);
    expect((await h.http('GET', '/service-desk/satisfaction-stats?from=2026-04-30&to=2026-04-01', { token: gm })).body).toMatchObject({ rule: 'SD-16' });
  });

  it('SD-16 surveys are run by customer service or the business department, on registered customers, scores 1–5', async () => {
    expect((await survey({}, pm)).status).toBe(403);
    expect((await survey({ customerId: 'c-none' })).body).toMatchObject({ rule: 'SD-16', field: 'customerId' });
    expect((await survey({ scores: { ...SCORES, training: 6 } })).status).toBe(400);
    expect((await survey({ method: 'telegram' })).status).toBe(400);
  });

  it('SD-16 a research visit complaint becomes a complaint ticket; closing needs summary and plan; no feedback afterwards', async () => {
    const opened = await h.http('POST', '/service-desk/research-visits', { token: gm, body: { customerId: 'c-hz-water', visitedAt: '2026-03-10T09:00:00+08:00' } });
    expect(opened.status).toBe(201);
    const visitId = opened.body['id'] as string;
    const feedback = (kind: string, token = gm) =>
      h.http('POST', `/service-desk/research-visits/${visitId}/feedback`, { token, body: { kind, text: `${kind}: invoices arrive late` } });
    expect((await feedback('opinion')).status).toBe(201);
    expect((await feedback('complaint')).status).toBe(201);

    const complaint = await eventually(async () => {
      const r = await h.http('GET', '/service-desk/tickets?owner=gm-zhao', { token: gm });
      expect(r.body.items).toHaveLength(1);
      return r.body.items![0];
    });
    expect(complaint).toMatchObject({ kind: 'complaint', channel: 'on-site', customerId: 'c-hz-water', ownerDepartment: 'management' });

    const close = (body: Record<string, unknown>) => h.http('POST', `/service-desk/research-visits/${visitId}/close`, { token: gm, body });
    expect((await close({ summary: ' ', solutionPlan: 'e-invoices' })).body).toMatchObject({ rule: 'SD-16', field: 'summary' });
    expect((await close({ summary: 'billing pain', solutionPlan: '' })).body).toMatchObject({ rule: 'SD-16', field: 'solutionPlan' });
    expect((await close({ summary: 'billing pain', solutionPlan: 'monthly e-invoices' })).status).toBe(200);
    const late = await feedback('suggestion');
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ rule: 'SD-16' });

    const visits = await eventually(async () => {
      const r = await h.http('GET', '/service-desk/research-visits', { token: office });
      expect(r.body.items![0]).toMatchObject({ status: 'closed' });
      return r.body.items!;
    });
    expect(visits[0]).toMatchObject({ visitId, complaints: 1, summary: 'billing pain', solutionPlan: 'monthly e-invoices', leaderId: 'gm-zhao' });
    expect((visits[0]['feedback'] as { ticketId: string | null }[]).map((f) => f.ticketId)).toEqual([null, complaint['ticketId']]);
  });

  it('SD-16 research visits are led by the general manager or the business department', async () => {
    const body = { customerId: 'c-hz-water', visitedAt: '2026-03-10T09:00:00+08:00' };
    expect((await h.http('POST', '/service-desk/research-visits', { token: cs, body })).status).toBe(403);
    expect((await h.http('POST', '/service-desk/research-visits', { token: biz, body })).status).toBe(201);
    expect((await h.http('POST', '/service-desk/research-visits/none/feedback', { token: cs, body: { kind: 'opinion', text: 'x' } })).status).toBe(403);
    expect((await h.http('POST', '/service-desk/research-visits/none/close', { token: pm, body: { summary: 'x', solutionPlan: 'y' } })).status).toBe(403);
  });
});
