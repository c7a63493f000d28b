import { dutyRosterStream, ticketStream } from '@ebp/service-desk-domain';
import { eventually, startHarness, type Harness } from './testing/platform-harness';

const SPRING_FESTIVAL_2026 = ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'];

describe('duty: SD-10 weekly reports and SD-15 holiday service guarantee over HTTP', () => {
  let h: Harness;
  let office: string;
  let csManager: string;
  let csLi: string;
  let csXu: string;
  let tsWang: string;
  let business: string;

  beforeAll(async () => {
    h = await startHarness();
    office = h.token('office-1', 'office');
    csManager = h.token('cs-mgr', 'customer-service');
    csLi = h.token('cs-li', 'customer-service');
    csXu = h.token('cs-xu', 'customer-service');
    tsWang = h.token('ts-wang', 'technical-service');
    business = h.token('bd-liu', 'business-dept');
    const staff = [
      { staffId: 'cs-mgr', name: 'Sun Mei', department: 'customer-service', roles: ['customer-service'], isDepartmentManager: true },
      { staffId: 'cs-li', name: 'Li Na', department: 'customer-service', roles: ['customer-service'] },
      { staffId: 'cs-xu', name: 'Xu Lei', department: 'customer-service', roles: ['customer-service'] },
      { staffId: 'ts-wang', name: 'Wang Wei', department: 'technical-service', roles: ['technical-service'], isDepartmentManager: true },
      { staffId: 'ts-chen', name: 'Chen Jie', department: 'technical-service', roles: ['technical-service'] },
      { staffId: 'ts-zhou', name: 'Zhou Bo', department: 'technical-service', roles: ['staff'] },
      { staffId: 'bd-liu', name: 'Liu Yang', department: 'business-dept', roles: ['business-dept'] },
    ];
    for (const s of staff) expect((await h.http('POST', '/service-desk/staff', { token: office, body: s })).status).toBe(201);
    expect((await h.http('POST', '/service-desk/customers', { token: office, body: { customerId: 'c-hz-water', name: 'Hangzhou Water' } })).status).toBe(201);
    await eventually(async () => expect((await h.http('GET', '/service-desk/staff', { token: office })).body.items).toHaveLength(staff.length));
    // Customers and projects too, not only the first read model that shows something.
    await h.settled();
    await eventually(async () => expect((await h.http('GET', '/service-desk/customers', { token: office })).body.items).toHaveLength(1));
  }, 30_000);

  afterAll(async () => h?.stop());

  const assign = (date: string, staffId: string, token = csManager) =>
    h.http('POST', '/service-desk/holiday-duty/assignments', { token, body: { date, staffId } });
  const roster = (token = csLi) => h.http('GET', '/service-desk/holiday-duty?from=2026-02-01&to=2026-02-28', { token });
  const check = (token: string, body: Record<string, unknown>) =>
    h.http('POST', '/service-desk/holiday-duty/checks', { token, body: { customerId: 'c-hz-water', target: 'https://water.example.cn', ...body } });

  it('SD-15 roster across Spring Festival 2026 lists 15–23 Feb (not the 14 Feb make-up workday) and shows uncovered days', async () => {
    for (const date of ['2026-02-15', '2026-02-16', '2026-02-17']) expect((await assign(date, 'cs-li')).status).toBe(201);
    expect((await assign('2026-02-18', 'cs-xu', office)).status).toBe(201);

    const makeUpWorkday = await assign('2026-02-14', 'cs-li');
    expect(makeUpWorkday.status).toBe(422);
    expect(makeUpWorkday.body).toMatchObject({ rule: 'SD-15', field: 'date' });
    const notCustomerService = await assign('2026-02-19', 'ts-wang');
    expect(notCustomerService.body).toMatchObject({ rule: 'SD-15', field: 'staffId' });
    expect((await assign('2026-02-15', 'cs-li')).status).toBe(409);

    const view = await eventually(async () => {
      const r = await roster();
      expect(r.status).toBe(200);
      expect((r.body['days'] as { assigned: unknown[] }[]).filter((d) => d.assigned.length > 0)).toHaveLength(4);
      return r;
    });
    const days = view.body['days'] as { date: string; holiday: string; assigned: { staffId: string }[] }[];
    expect(days.map((d) => d.date)).toEqual(SPRING_FESTIVAL_2026);
    expect(days.every((d) => d.holiday === 'Spring Festival')).toBe(true);
    expect(days.find((d) => d.date === '2026-02-18')?.assigned.map((a) => a.staffId)).toEqual(['cs-xu']);
    expect(view.body['uncoveredDays']).toEqual(['2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']);

    expect((await h.http('DELETE', '/service-desk/holiday-duty/assignments/2026-02-18/cs-xu', { token: csManager })).status).toBe(200);
    await eventually(async () => expect((await roster()).body['uncoveredDays']).toEqual(SPRING_FESTIVAL_2026.slice(3)));
  });

  it('SD-15 403: only customer-service managers and the Office keep the roster; only customer service logs checks', async () => {
    const byStaff = await assign('2026-02-19', 'cs-xu', csLi);
    expect(byStaff.status).toBe(403);
    expect(byStaff.body['rule']).toBe('SD-15');
    expect((await assign('2026-02-19', 'cs-xu', tsWang)).status).toBe(403);
    expect((await h.http('DELETE', '/service-desk/holiday-duty/assignments/2026-02-15/cs-li', { token: csXu })).status).toBe(403);
    expect((await check(tsWang, { date: '2026-02-15', outcome: 'ok' })).status).toBe(403);
    const offDuty = await check(csXu, { date: '2026-02-17', outcome: 'ok' });
    expect(offDuty.status).toBe(403);
    expect(offDuty.body['rule']).toBe('SD-15');
  });

  it('SD-15 a monitoring problem found on duty opens a ticket for the staff on duty, caused by the check event', async () => {
    expect((await check(csLi, { date: '2026-02-16', outcome: 'ok' })).status).toBe(201);
    expect((await check(csLi, { date: '2026-02-17', outcome: 'problem' })).body).toMatchObject({ rule: 'SD-15', field: 'description' });
    const problem = await check(csLi, { date: '2026-02-17', outcome: 'problem', description: 'water quality portal returns 502' });
    expect(problem.status).toBe(201);

    const ticket = await eventually(async () => {
      const r = await h.http('GET', '/service-desk/tickets?owner=cs-li', { token: csLi });
      expect(r.body.items).toHaveLength(1);
      return r.body.items![0];
    });
    expect(ticket).toMatchObject({ ownerId: 'cs-li', ownerDepartment: 'customer-service', channel: 'web', kind: 'service-request', customerId: 'c-hz-water', status: 'open' });
    const ticketId = ticket['ticketId'] as string;
    expect(ticketId).toMatch(/^duty-/);

    const rosterAudit = await eventually(async () => {
      const r = await h.http('GET', `/audit?entity=${encodeURIComponent(dutyRosterStream(2026))}`, { token: office });
      expect(r.body.items!.filter((e) => e['type'] === 'MonitoringCheckLogged')).toHaveLength(2);
      return r;
    });
    const cause = rosterAudit.body.items!.find((e) => e['type'] === 'MonitoringCheckLogged' && (e['data'] as { outcome: string }).outcome === 'problem')!;
    const ticketAudit = await eventually(async () => {
      const r = await h.http('GET', `/audit?entity=${encodeURIComponent(ticketStream(ticketId))}`, { token: office });
      expect(r.body['total']).toBe(1);
      return r;
    });
    expect(ticketAudit.body.items![0]).toMatchObject({ type: 'TicketRegistered', causationId: cause['eventId'], correlationId: cause['correlationId'] });
    expect(ticketId).toBe(`duty-${cause['eventId'] as string}`);

    const day = await eventually(async () => {
      const r = await roster();
      const d = (r.body['days'] as { date: string; checks: Record<string, unknown>[] }[]).find((x) => x.date === '2026-02-17')!;
      expect(d.checks).toHaveLength(1);
      return d;
    });
    expect(day.checks[0]).toMatchObject({ outcome: 'problem', checkedBy: 'cs-li', ticketId });
  });

  it('SD-10 weekly report: past week late, revision kept, compliance lists every technical-service member', async () => {
    const first = await h.http('POST', '/service-desk/weekly-reports/2026-W10', {
      token: tsWang,
      body: { serviceSituation: 'Two on-site visits at the pump station', customerFeedback: 'Asked for SCADA training' },
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"0"');
    const revised = await h.http('POST', '/service-desk/weekly-reports/2026-W10', {
      token: tsWang,
      headers: { 'if-match': '"0"' },
      body: { serviceSituation: 'Two on-site visits at the pump station, one remote session', customerFeedback: 'Asked for SCADA training' },
    });
    expect(revised.status).toBe(201);
    expect(revised.headers.get('etag')).toBe('"1"');

    const compliance = await eventually(async () => {
      const r = await h.http('GET', '/service-desk/weekly-reports?week=2026-W10', { token: business });
      expect((r.body.items as { staffId: string; status: string }[]).find((i) => i.staffId === 'ts-wang')?.status).toBe('late');
      return r;
    });
    expect(compliance.body).toMatchObject({ week: '2026-W10', monday: '2026-03-02', deadline: '2026-03-06T14:00:00+08:00', counts: { late: 1, missing: 2 } });
    expect((compliance.body.items as { staffId: string; status: string; versions: number }[]).map((i) => [i.staffId, i.status, i.versions])).toEqual([
      ['ts-chen', 'missing', 0],
      ['ts-wang', 'late', 2],
      ['ts-zhou', 'missing', 0],
    ]);

    const beforeDeadline = await h.http('GET', `/service-desk/weekly-reports?week=2026-W10&asOf=${encodeURIComponent('2026-03-06T12:00:00+08:00')}`, { token: business });
    expect(beforeDeadline.body['counts']).toEqual({ 'on-time': 0, late: 0, missing: 0, pending: 3 });

    const detail = await h.http('GET', '/service-desk/weekly-reports/2026-W10/ts-wang', { token: tsWang });
    expect(detail.status).toBe(200);
    expect((detail.body['versions'] as unknown[]).length).toBe(2);

    const future = await h.http('POST', '/service-desk/weekly-reports/2099-W10', { token: tsWang, body: { serviceSituation: 'x', customerFeedback: 'y' } });
    expect(future.status).toBe(422);
    expect(future.body['rule']).toBe('SD-10');
    expect((await h.http('POST', '/service-desk/weekly-reports/2026-W99', { token: tsWang, body: { serviceSituation: 'x', customerFeedback: 'y' } })).status).toBe(400);
  });

  it('SD-10 403: only technical service submits weekly reports; customer service cannot read compliance', async () => {
    expect((await h.http('POST', '/service-desk/weekly-reports/2026-W10', { token: csLi, body: { serviceSituation: 'x', customerFeedback: 'y' } })).status).toBe(403);
    expect((await h.http('GET', '/service-desk/weekly-reports?week=2026-W10', { token: csLi })).status).toBe(403);
    const unregistered = h.token('ts-ghost', 'technical-service');
    const ghost = await h.http('POST', '/service-desk/weekly-reports/2026-W10', { token: unregistered, body: { serviceSituation: 'x', customerFeedback: 'y' } });
    expect(ghost.status).toBe(403);
    expect(ghost.body['rule']).toBe('SD-10');
  });
});
