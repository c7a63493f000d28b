import { ticketStream } from '@ebp/service-desk-domain';
import { toIntegrationEvent } from '@ebp/service-desk-contracts';
import { eventually, startHarness, type Harness } from './testing/platform-harness';

describe('embedded platform over HTTP', () => {
  let h: Harness;
  let admin: string;
  let owner: string;
  let gm: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = h.token('office-1', 'office');
    owner = h.token('cs-li', 'customer-service');
    gm = h.token('gm-zhao', 'general-manager');
    const staff = [
      { staffId: 'cs-li', name: 'Li Na', department: 'customer-service', roles: ['customer-service'] },
      { staffId: 'ts-wang', name: 'Wang Wei', department: 'technical-service', roles: ['technical-service'], isDepartmentManager: true },
      { staffId: 'ts-chen', name: 'Chen Jie', department: 'technical-service', roles: ['technical-service'] },
      { staffId: 'gm-zhao', name: 'Zhao Min', department: 'management', roles: ['general-manager'] },
    ];
    for (const s of staff) expect((await h.http('POST', '/service-desk/staff', { token: admin, body: s })).status).toBe(201);
    expect((await h.http('POST', '/service-desk/customers', { token: admin, body: { customerId: 'c-hz-water', name: 'Hangzhou Water' } })).status).toBe(201);
    expect(
      (await h.http('POST', '/service-desk/projects', { token: admin, body: { projectId: 'p-scada', name: 'SCADA upgrade', customerId: 'c-hz-water' } })).status,
    ).toBe(201);
    await eventually(async () => expect((await h.http('GET', '/service-desk/staff', { token: admin })).body.items).toHaveLength(4));
    // Customers and projects too, not only the first read model that shows something.
    await h.settled();
  }, 30_000);

  afterAll(async () => h?.stop());

  const register = (body: Record<string, unknown> = {}, token = owner) =>
    h.http('POST', '/service-desk/tickets', {
      token,
      body: { channel: 'hotline', kind: 'service-request', customerId: 'c-hz-water', projectId: 'p-scada', description: 'pump station offline', ...body },
    });

  it('SD-1 SD-3 SD-2 register → transfer → resolve, with the read model and audit trail following', async () => {
    const registered = await register();
    expect(registered.status).toBe(201);
    expect(registered.headers.get('etag')).toBe('"0"');
    const id = registered.body['id'] as string;
    expect(registered.headers.get('location')).toBe(`/service-desk/tickets/${id}`);

    const transferred = await h.http('POST', `/service-desk/tickets/${id}/transfer`, {
      token: owner,
      headers: { 'if-match': '"0"' },
      body: { reason: 'needs a field engineer', targetDepartment: 'technical-service' },
    });
    expect(transferred.status).toBe(200);
    expect(transferred.headers.get('etag')).toBe('"1"');

    const tech = h.token('ts-wang', 'technical-service');
    const resolved = await h.http('POST', `/service-desk/tickets/${id}/resolve`, { token: tech, body: { resolution: 'replaced the PLC' } });
    expect(resolved.status).toBe(200);

    const detail = await eventually(async () => {
      const r = await h.http('GET', `/service-desk/tickets/${id}`, { token: owner });
      expect(r.body['status']).toBe('resolved');
      return r;
    });
    expect(detail.headers.get('etag')).toBe('"2"');
    expect(detail.body).toMatchObject({ ownerId: 'cs-li', handlerId: 'ts-wang', transferCount: 1, atFirstContact: false });
    expect((detail.body['history'] as unknown[]).length).toBe(3);

    const mine = await h.http('GET', '/service-desk/my-tickets', { token: owner });
    expect(mine.body.items!.map((t) => t['ticketId'])).toContain(id);

    const audit = await eventually(async () => {
      const r = await h.http('GET', `/audit?entity=${encodeURIComponent(ticketStream(id))}`, { token: admin });
      expect(r.body['total']).toBe(3);
      return r;
    });
    expect(audit.body.items!.map((e) => [e['type'], e['actorId']])).toEqual([
      ['TicketRegistered', 'cs-li'],
      ['TicketTransferred', 'cs-li'],
      ['TicketResolved', 'ts-wang'],
    ]);
    const byActor = await h.http('GET', '/audit?actor=ts-wang', { token: admin });
    expect(byActor.body.items!.every((e) => e['actorId'] === 'ts-wang')).toBe(true);
  });

  it('SD-2 a ticket the owner resolves in the same contact counts as resolved at first contact', async () => {
    const id = (await register({ kind: 'inquiry' })).body['id'] as string;
    await h.http('POST', `/service-desk/tickets/${id}/resolve`, { token: owner, body: { resolution: 'explained the invoice' } });
    const detail = await eventually(async () => {
      const r = await h.http('GET', `/service-desk/tickets/${id}`, { token: owner });
      expect(r.body['status']).toBe('resolved');
      return r;
    });
    expect(detail.body['atFirstContact']).toBe(true);
  });

  it('SD-4 a major ticket is escalated and listed on the general manager view until resolved', async () => {
    const id = (await register({ major: true, kind: 'complaint' })).body['id'] as string;
    const onView = await eventually(async () => {
      const r = await h.http('GET', '/service-desk/general-manager/open-major', { token: gm });
      expect(r.body.items!.map((t) => t['ticketId'])).toContain(id);
      return r;
    });
    expect(onView.body.items!.find((t) => t['ticketId'] === id)).toMatchObject({ generalManagerId: 'gm-zhao', major: true });
    await h.http('POST', `/service-desk/tickets/${id}/resolve`, { token: owner, body: { resolution: 'apologised and fixed' } });
    await eventually(async () => {
      const r = await h.http('GET', '/service-desk/general-manager/open-major', { token: gm });
      expect(r.body.items!.map((t) => t['ticketId'])).not.toContain(id);
    });
  });

  it('SD-5 a ticket resolved before its liaison form shows the form pending until it is filed', async () => {
    const id = (await register()).body['id'] as string;
    await h.http('POST', `/service-desk/tickets/${id}/resolve`, { token: owner, body: { resolution: 'fixed remotely', liaisonFormFiled: false } });
    await eventually(async () => expect((await h.http('GET', `/service-desk/tickets/${id}`, { token: owner })).body['liaisonFormPending']).toBe(true));
    expect((await h.http('POST', `/service-desk/tickets/${id}/liaison-form`, { token: owner, body: { formReference: 'LF-7' } })).status).toBe(200);
    await eventually(async () => expect((await h.http('GET', `/service-desk/tickets/${id}`, { token: owner })).body['liaisonFormPending']).toBe(false));
  });

  it('SD-7 repeat contacts are counted and the ticket shows it needed a second call', async () => {
    const id = (await register()).body['id'] as string;
    await h.http('POST', `/service-desk/tickets/${id}/repeat-contacts`, { token: owner, body: { channel: 'hotline', note: 'still down' } });
    const detail = await eventually(async () => {
      const r = await h.http('GET', `/service-desk/tickets/${id}`, { token: owner });
      expect(r.body['repeatContactCount']).toBe(1);
      return r;
    });
    expect(detail.body['neededSecondCall']).toBe(true);
  });

  it('HR-4 a complaint upheld against a staff member is published to HR as complaint-upheld.v1; clerks may not uphold', async () => {
    const id = (await register({ kind: 'complaint' })).body['id'] as string;
    const body = { staffId: 'ts-chen', severity: 'serious', finding: 'missed the agreed visit twice' };
    expect((await h.http('POST', `/service-desk/tickets/${id}/complaint-upheld`, { token: owner, body })).status).toBe(403);
    expect((await h.http('POST', `/service-desk/tickets/${id}/complaint-upheld`, { token: gm, body: { ...body, staffId: 'nobody' } })).status).toBe(422);
    expect((await h.http('POST', `/service-desk/tickets/${id}/complaint-upheld`, { token: gm, body })).status).toBe(200);
    const events = await h.platform.engine.eventStore.readStream(ticketStream(id));
    expect(toIntegrationEvent(events[events.length - 1])).toMatchObject({
      type: 'service-desk.complaint-upheld.v1',
      data: { ticketId: id, staffId: 'ts-chen', severity: 'serious', upheldBy: 'gm-zhao' },
    });
    await eventually(async () =>
      expect((await h.http('GET', `/service-desk/tickets/${id}`, { token: owner })).body['upheldAgainst']).toEqual([{ staffId: 'ts-chen', severity: 'serious' }]),
    );
  });

  it('concurrent writers on one stream never share a revision; without If-Match every command lands', async () => {
    const id = (await register()).body['id'] as string;
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        h.http('POST', `/service-desk/tickets/${id}/repeat-contacts`, { token: owner, body: { channel: 'web' } }),
      ),
    );
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const landed = results.filter((r) => r.status === 200).length;
    const events = await h.platform.engine.eventStore.readStream(ticketStream(id));
    expect(events.map((e) => e.metadata.revision)).toEqual(events.map((_, i) => i));
    expect(events.length).toBe(1 + landed);
    expect(landed).toBeGreaterThan(0);
  });

  it('a stale If-Match gets 412 and appends nothing', async () => {
    const id = (await register()).body['id'] as string;
    await h.http('POST', `/service-desk/tickets/${id}/repeat-contacts`, { token: owner, body: { channel: 'web' } });
    const before = await h.platform.engine.eventStore.readStream(ticketStream(id));
    const stale = await h.http('POST', `/service-desk/tickets/${id}/resolve`, {
      token: owner,
      headers: { 'if-match': '"0"' },
      body: { resolution: 'done' },
    });
    expect(stale.status).toBe(412);
    expect(await h.platform.engine.eventStore.readStream(ticketStream(id))).toHaveLength(before.length);
  });

  it('invalid body → 400 naming the fields, and no event is appended', async () => {
    const head = await h.platform.engine.eventStore.headPosition();
    const bad = await h.http('POST', '/service-desk/tickets', {
      token: owner,
      body: { channel: 'pigeon', kind: 'service-request', customerId: 'c-hz-water', description: '', extra: 1 },
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body['fields'] as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['channel', 'description', 'extra']);
    expect(await h.platform.engine.eventStore.headPosition()).toBe(head);
  });

  it('SD-3 a transfer without a target department is refused with 400 and changes nothing', async () => {
    const id = (await register()).body['id'] as string;
    const head = await h.platform.engine.eventStore.headPosition();
    const r = await h.http('POST', `/service-desk/tickets/${id}/transfer`, { token: owner, body: { reason: 'not mine' } });
    expect(r.status).toBe(400);
    expect(await h.platform.engine.eventStore.headPosition()).toBe(head);
  });

  it('SD-3 a transfer to a department with no responsible manager is refused naming the rule', async () => {
    const id = (await register()).body['id'] as string;
    const head = await h.platform.engine.eventStore.headPosition();
    const r = await h.http('POST', `/service-desk/tickets/${id}/transfer`, { token: owner, body: { reason: 'x', targetDepartment: 'finance' } });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body['rule']).toBe('SD-3');
    expect(await h.platform.engine.eventStore.headPosition()).toBe(head);
  });

  it('no token → 401, wrong role → 403, and nothing changes', async () => {
    const head = await h.platform.engine.eventStore.headPosition();
    const anonymous = await h.http('POST', '/service-desk/customers', { body: { customerId: 'c-x', name: 'X' } });
    expect(anonymous.status).toBe(401);
    const forged = await h.http('POST', '/service-desk/customers', { token: 'not-a-jwt', body: { customerId: 'c-x', name: 'X' } });
    expect(forged.status).toBe(401);
    const wrongRole = await h.http('POST', '/service-desk/staff', { token: owner, body: { staffId: 'x', name: 'X', department: 'd' } });
    expect(wrongRole.status).toBe(403);
    const gmViewAsClerk = await h.http('GET', '/service-desk/general-manager/open-major', { token: owner });
    expect(gmViewAsClerk.status).toBe(403);
    expect(await h.platform.engine.eventStore.headPosition()).toBe(head);
  });

  it('time travel: the ticket as of a moment before its transfer', async () => {
    const id = (await register()).body['id'] as string;
    await eventually(async () => expect((await h.http('GET', `/service-desk/tickets/${id}`, { token: owner })).status).toBe(200));
    await new Promise((r) => setTimeout(r, 20));
    const between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await h.http('POST', `/service-desk/tickets/${id}/transfer`, { token: owner, body: { reason: 'field work', targetDepartment: 'technical-service' } });
    await eventually(async () => expect((await h.http('GET', `/service-desk/tickets/${id}`, { token: owner })).body['transferCount']).toBe(1));
    const then = await h.http('GET', `/service-desk/tickets/${id}/as-of?at=${encodeURIComponent(between)}`, { token: owner });
    expect(then.status).toBe(200);
    expect(then.body).toMatchObject({ revision: 0, state: { handlerId: 'cs-li', transfers: 0 } });
    const before = await h.http('GET', `/service-desk/tickets/${id}/as-of?at=2000-01-01T00:00:00Z`, { token: owner });
    expect(before.status).toBe(404);
  });

  it('restart keeps every read model and the audit trail', async () => {
    const before = await h.http('GET', '/service-desk/tickets?pageSize=500', { token: owner });
    const auditBefore = await h.http('GET', '/audit?pageSize=1000', { token: admin });
    await h.restart();
    const after = await h.http('GET', '/service-desk/tickets?pageSize=500', { token: owner });
    const auditAfter = await h.http('GET', '/audit?pageSize=1000', { token: admin });
    expect(after.body).toEqual(before.body);
    expect(auditAfter.body).toEqual(auditBefore.body);
    expect(auditAfter.body['total']).toBeGreaterThan(10);
  }, 20_000);

  it('rebuilding a projection from position 0 gives identical documents', async () => {
    const before = await h.http('GET', '/service-desk/tickets?pageSize=500', { token: owner });
    const rebuilt = await h.http('POST', '/admin/projections/service-desk-tickets/rebuild', { token: admin });
    expect(rebuilt.status).toBe(201);
    expect(rebuilt.body['events']).toBeGreaterThan(0);
    const after = await h.http('GET', '/service-desk/tickets?pageSize=500', { token: owner });
    expect(after.body).toEqual(before.body);
  });

  it('serves health probes and the OpenAPI document', async () => {
    expect((await h.http('GET', '/health/live')).status).toBe(200);
    expect((await h.http('GET', '/health/ready')).body['status']).toBe('ready');
    const doc = await h.http('GET', '/docs-json');
    expect(Object.keys(doc.body['paths'] as object)).toContain('/service-desk/tickets');
  });
});
