import { toLadderIntegrationEvent } from '@ebp/service-desk-contracts';
import { shirkingFindingStream } from '@ebp/service-desk-domain';
import { shanghaiInstant } from '@ebp/shared-kernel';
import { eventually, startHarness, type Harness } from './testing/platform-harness';

/** An instant `hours` ago in Asia/Shanghai time: the ladder accepts past times, never future ones. */
const hoursAgo = (hours: number): string => shanghaiInstant(Math.floor(Date.now() / 60_000) * 60_000 - hours * 3_600_000);

describe('SD-6 SD-8 SD-17 over HTTP', () => {
  let h: Harness;
  let admin: string;
  let cs: string;
  let tech: string;
  let techManager: string;
  let gm: string;
  let hr: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = h.token('office-1', 'office');
    cs = h.token('cs-li', 'customer-service');
    tech = h.token('ts-chen', 'technical-service');
    techManager = h.token('ts-wang', 'technical-service');
    gm = h.token('gm-zhao', 'general-manager');
    hr = h.token('hr-zhou', 'hr-manager');
    const staff = [
      { staffId: 'cs-li', name: 'Li Na', department: 'customer-service', roles: ['customer-service'] },
      { staffId: 'ts-wang', name: 'Wang Wei', department: 'technical-service', roles: ['technical-service'], isDepartmentManager: true },
      { staffId: 'ts-chen', name: 'Chen Jie', department: 'technical-service', roles: ['technical-service'] },
      { staffId: 'gm-zhao', name: 'Zhao Min', department: 'management', roles: ['general-manager'] },
    ];
    for (const s of staff) expect((await h.http('POST', '/service-desk/staff', { token: admin, body: s })).status).toBe(201);
    const customer = {
      customerId: 'c-hz-water',
      name: 'Hangzhou Water',
      sites: [
        { siteId: 'jiuxi', name: 'Jiuxi Water Plant', responseTimeMinutes: 60 },
        { siteId: 'depot', name: 'Pipe depot' },
      ],
    };
    expect((await h.http('POST', '/service-desk/customers', { token: admin, body: customer })).status).toBe(201);
    await eventually(async () => expect((await h.http('GET', '/service-desk/staff', { token: admin })).body.items).toHaveLength(4));
    // Customers and projects too, not only the first read model that shows something.
    await h.settled();
    await eventually(async () => expect((await h.http('GET', '/service-desk/customers', { token: admin })).body.items).toHaveLength(1));
  }, 30_000);

  afterAll(async () => h?.stop());

  /** Registers a ticket and waits until the read model knows it (the ladder looks tickets up there). */
  async function ticket(): Promise<string> {
    const r = await h.http('POST', '/service-desk/tickets', {
      token: cs,
      body: { channel: 'hotline', kind: 'service-request', customerId: 'c-hz-water', description: 'pump station offline', receivedAt: hoursAgo(6) },
    });
    expect(r.status).toBe(201);
    const id = r.body['id'] as string;
    await eventually(async () => expect((await h.http('GET', `/service-desk/tickets/${id}`, { token: cs })).status).toBe(200));
    return id;
  }

  const ladder = (id: string, step: string, body: Record<string, unknown> = {}, token = tech) =>
    h.http('POST', `/service-desk/service-ladders/${id}/${step}`, { token, body });

  it('SD-8 hotline → remote with authorization → on site → late arrival is a breach', async () => {
    const id = await ticket();
    expect((await ladder(id, 'on-site', { siteId: 'jiuxi' })).body).toMatchObject({ rule: 'SD-8' });
    expect((await ladder(id, 'hotline', { startedAt: hoursAgo(5) })).status).toBe(201);

    const unauthorized = await ladder(id, 'remote', { escalatedAt: hoursAgo(4) });
    expect(unauthorized.status).toBe(422);
    expect(unauthorized.body).toMatchObject({ rule: 'SD-8', field: 'authorization' });
    const tooEarly = await ladder(id, 'on-site', { siteId: 'jiuxi', dispatchedAt: hoursAgo(3) });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body['rule']).toBe('SD-8');

    const authorization = { authorizedBy: 'Fang Qiang (plant engineer)', authorizedAt: hoursAgo(4.5) };
    const remote = await ladder(id, 'remote', { authorization, escalatedAt: hoursAgo(4) });
    expect(remote.status).toBe(200);
    expect(remote.headers.get('etag')).toBe('"1"');

    const noResponseTime = await ladder(id, 'on-site', { siteId: 'depot', dispatchedAt: hoursAgo(3) });
    expect(noResponseTime.body).toMatchObject({ rule: 'SD-8', field: 'siteId' });
    const future = await ladder(id, 'on-site', { siteId: 'jiuxi', dispatchedAt: hoursAgo(-1) });
    expect(future.body).toMatchObject({ rule: 'SD-8', field: 'dispatchedAt' });

    const dispatchedAt = hoursAgo(3);
    expect((await ladder(id, 'on-site', { siteId: 'jiuxi', dispatchedAt, engineerId: 'ts-chen' })).status).toBe(200);
    expect((await ladder(id, 'arrival', { arrivedAt: hoursAgo(1) })).status).toBe(200);

    const view = await eventually(async () => {
      const r = await h.http('GET', `/service-desk/service-ladders/${id}`, { token: cs });
      expect(r.body['stage']).toBe('arrived');
      return r;
    });
    expect(view.body).toMatchObject({
      ticketId: id,
      customerId: 'c-hz-water',
      authorization,
      onSite: { siteId: 'jiuxi', dispatchedAt, responseTimeMinutes: 60, deadline: hoursAgo(2) },
      arrival: { arrivedAt: hoursAgo(1) },
      breached: true,
      minutesLate: 60,
    });
    const breached = await h.http('GET', '/service-desk/service-ladders?breached=true', { token: gm });
    expect(breached.body.items!.map((l) => l['ticketId'])).toEqual([id]);
  });

  it('SD-8 remote declared impossible opens the way on site; arrival within the deadline is no breach', async () => {
    const id = await ticket();
    expect((await ladder(id, 'hotline', { startedAt: hoursAgo(3) })).status).toBe(201);
    expect((await ladder(id, 'remote-impossible', { reason: 'no network at the plant', declaredAt: hoursAgo(2.5) })).status).toBe(200);
    expect((await ladder(id, 'on-site', { siteId: 'jiuxi', dispatchedAt: hoursAgo(2) })).status).toBe(200);
    expect((await ladder(id, 'arrival', { arrivedAt: hoursAgo(1.5) })).status).toBe(200);
    await eventually(async () => {
      const r = await h.http('GET', `/service-desk/service-ladders/${id}`, { token: cs });
      expect(r.body).toMatchObject({ stage: 'arrived', breached: false, minutesLate: 0, remoteImpossible: { reason: 'no network at the plant' } });
    });
    const breached = await h.http('GET', '/service-desk/service-ladders?breached=true', { token: gm });
    expect(breached.body.items!.map((l) => l['ticketId'])).not.toContain(id);
  });

  it('SD-8 only technical service runs the ladder (403) and an unknown ticket is 404', async () => {
    const id = await ticket();
    const forbidden = await ladder(id, 'hotline', {}, cs);
    expect(forbidden.status).toBe(403);
    expect((await ladder('no-such-ticket', 'hotline')).status).toBe(404);
    expect((await h.http('GET', `/service-desk/service-ladders/${id}`, { token: cs })).status).toBe(404);
  });

  it('SD-6 a supervisor records a shirking finding, published to HR with an audit trail', async () => {
    const id = await ticket();
    const body = { ticketId: id, staffId: 'ts-chen', kind: 'shirking', sanction: 'criticism', description: 'sent the customer back to customer service twice' };
    const recorded = await h.http('POST', '/service-desk/shirking-findings', { token: gm, body });
    expect(recorded.status).toBe(201);
    const findingId = recorded.body['id'] as string;

    const list = await eventually(async () => {
      const r = await h.http('GET', '/service-desk/shirking-findings?staff=ts-chen', { token: hr });
      expect(r.body['total']).toBe(1);
      return r;
    });
    expect(list.body.items![0]).toMatchObject({ findingId, ticketId: id, staffId: 'ts-chen', staffName: 'Chen Jie', kind: 'shirking', sanction: 'criticism', recordedBy: 'gm-zhao' });

    const audit = await eventually(async () => {
      const r = await h.http('GET', `/audit?entity=${encodeURIComponent(shirkingFindingStream(findingId))}`, { token: admin });
      expect(r.body['total']).toBe(1);
      return r;
    });
    expect(audit.body.items!.map((e) => [e['type'], e['actorId']])).toEqual([['ShirkingFindingRecorded', 'gm-zhao']]);

    const [event] = await h.platform.engine.eventStore.readStream(shirkingFindingStream(findingId));
    expect(toLadderIntegrationEvent(event)).toMatchObject({
      type: 'service-desk.shirking-finding-recorded.v1',
      subject: findingId,
      data: { findingId, ticketId: id, staffId: 'ts-chen', staffDepartment: 'technical-service', kind: 'shirking', sanction: 'criticism', recordedBy: 'gm-zhao' },
    });

    // A department manager per the staff directory supervises too, whatever their role.
    const byManager = await h.http('POST', '/service-desk/shirking-findings', { token: techManager, body: { ...body, kind: 'non-cooperation', sanction: 'education' } });
    expect(byManager.status).toBe(201);
  });

  it('SD-6 refuses findings from non-supervisors (403), on unknown staff or tickets, and hides findings from other roles', async () => {
    const id = await ticket();
    const body = { ticketId: id, staffId: 'ts-chen', kind: 'wrangling', sanction: 'reassignment', description: 'argued instead of fixing' };
    const forbidden = await h.http('POST', '/service-desk/shirking-findings', { token: cs, body });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body['rule']).toBe('SD-6');
    expect((await h.http('POST', '/service-desk/shirking-findings', { token: gm, body: { ...body, staffId: 'nobody' } })).body).toMatchObject({ rule: 'SD-6', field: 'staffId' });
    expect((await h.http('POST', '/service-desk/shirking-findings', { token: gm, body: { ...body, ticketId: 'nope' } })).body).toMatchObject({ rule: 'SD-6', field: 'ticketId' });
    expect((await h.http('POST', '/service-desk/shirking-findings', { token: gm, body: { ...body, sanction: 'fine' } })).status).toBe(400);
    expect((await h.http('GET', '/service-desk/shirking-findings', { token: tech })).status).toBe(403);
  });

  it('SD-17 preferences on the profile; an unmet expectation awaits its improvement analysis', async () => {
    const pref = await h.http('POST', '/service-desk/customers/c-hz-water/preferences', {
      token: cs,
      body: { topic: 'contact', preference: 'Call Mr Fang after 14:00' },
    });
    expect(pref.status).toBe(200);
    await eventually(async () => {
      const r = await h.http('GET', '/service-desk/customers/c-hz-water/preferences', { token: tech });
      expect(r.body).toMatchObject({ customerId: 'c-hz-water', preferences: [{ topic: 'contact', preference: 'Call Mr Fang after 14:00', recordedBy: 'cs-li' }] });
    });

    const id = await ticket();
    const analysis = { analysis: 'no spare PLC stock in Hangzhou', improvementActions: ['keep two spare PLCs at the Jiuxi plant'] };
    const early = await h.http('POST', `/service-desk/ticket-expectations/${id}/improvement-analysis`, { token: cs, body: analysis });
    expect(early.status).toBe(422);
    expect(early.body['rule']).toBe('SD-17');

    const unmet = await h.http('POST', `/service-desk/ticket-expectations/${id}/unmet`, {
      token: cs,
      body: { expectation: 'same-day replacement', reason: 'the part ships from Shenzhen' },
    });
    expect(unmet.status).toBe(201);
    await eventually(async () => {
      const r = await h.http('GET', '/service-desk/tickets-awaiting-improvement-analysis', { token: gm });
      expect(r.body.items!.map((t) => t['ticketId'])).toContain(id);
    });
    expect((await h.http('POST', `/service-desk/ticket-expectations/${id}/improvement-analysis`, { token: tech, body: analysis })).status).toBe(200);
    await eventually(async () => {
      const r = await h.http('GET', '/service-desk/tickets-awaiting-improvement-analysis', { token: gm });
      expect(r.body.items!.map((t) => t['ticketId'])).not.toContain(id);
    });
    const detail = await h.http('GET', `/service-desk/ticket-expectations/${id}`, { token: cs });
    expect(detail.body).toMatchObject({ status: 'analysed', expectation: 'same-day replacement', improvementActions: analysis.improvementActions });
  });

  it('SD-17 a ticket with an unmet expectation cannot close before its improvement analysis', async () => {
    const id = await ticket();
    await h.http('POST', `/service-desk/ticket-expectations/${id}/unmet`, { token: cs, body: { expectation: 'on-site today', reason: 'no engineer free' } });
    const refused = await h.http('POST', `/service-desk/tickets/${id}/resolve`, { token: cs, body: { resolution: 'scheduled for tomorrow' } });
    expect(refused.status).toBe(422);
    expect(refused.body['rule']).toBe('SD-17');
    const analysis = { analysis: 'one engineer covers two districts', improvementActions: ['add a standby engineer on Mondays'] };
    expect((await h.http('POST', `/service-desk/ticket-expectations/${id}/improvement-analysis`, { token: cs, body: analysis })).status).toBe(200);
    expect((await h.http('POST', `/service-desk/tickets/${id}/resolve`, { token: cs, body: { resolution: 'scheduled for tomorrow' } })).status).toBe(200);
  });

  it('SD-17 only the roles that handle customers record preferences and expectations (403)', async () => {
    const id = await ticket();
    expect((await h.http('POST', '/service-desk/customers/c-hz-water/preferences', { token: tech, body: { topic: 'x', preference: 'y' } })).status).toBe(403);
    const finance = h.token('fin-1', 'finance');
    expect((await h.http('POST', `/service-desk/ticket-expectations/${id}/unmet`, { token: finance, body: { expectation: 'a', reason: 'b' } })).status).toBe(403);
    expect((await h.http('POST', '/service-desk/customers/nobody/preferences', { token: cs, body: { topic: 'x', preference: 'y' } })).status).toBe(404);
  });
});
