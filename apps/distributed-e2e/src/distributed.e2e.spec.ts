import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { describeWithEngines, engineSource, integrationRequired, startEngineContainer } from '@ebp/shared-testing';
import { openEventStore } from '@ebp/shared-runtime';
import { ticketStream } from '@ebp/service-desk-domain';
import { staffMonthStream } from '@ebp/hr-attendance-domain';
import { unitStream } from '@ebp/property-sales-domain';
import { shanghaiMonth } from '@ebp/shared-kernel';
import { KafkaEventBus } from '@ebp/shared-kafka';
import { followResolvedTickets, type IntegrationEventV1, type TicketResolvedV1Data } from './downstream-consumer';
import { DistributedStack, eventually } from './stack';

const ENGINES_SCRIPT = join(__dirname, '..', '..', '..', 'tools', 'engines');
// Stopping Kafka is only possible when this run owns the broker (tools/engines started it).
const canControlKafka = process.env['ENGINES_CONTROL'] === '1';
const esdb = engineSource('esdb');

describeWithEngines(['kafka', 'mongo'], 'distributed stack: service-desk-api → event store → relay → Kafka → projector → MongoDB → query-api', (url) => {
  let stack: DistributedStack;
  let admin: string;
  let owner: string;
  let tech: string;
  let stopEsdb: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    // The same flow runs on KurrentDB when ESDB_URL is set or Docker can start one; else on SQLite.
    let esdbUrl = esdb.kind === 'env' ? esdb.url : undefined;
    if (esdb.kind === 'container') {
      const container = await startEngineContainer('esdb');
      esdbUrl = container.url;
      stopEsdb = container.stop;
    }
    stack = new DistributedStack({ kafka: url('kafka'), mongo: url('mongo'), esdb: esdbUrl });
    await stack.start();
    admin = stack.token('office-1', 'office');
    owner = stack.token('cs-li', 'customer-service');
    tech = stack.token('ts-wang', 'technical-service');
    const staff = [
      { staffId: 'cs-li', name: 'Li Na', department: 'customer-service', roles: ['customer-service'] },
      { staffId: 'ts-wang', name: 'Wang Wei', department: 'technical-service', roles: ['technical-service'], isDepartmentManager: true },
      { staffId: 'gm-zhao', name: 'Zhao Min', department: 'management', roles: ['general-manager'] },
    ];
    for (const s of staff) expect((await stack.command('POST', '/service-desk/staff', admin, s)).status).toBe(201);
    const customer = await stack.command('POST', '/service-desk/customers', admin, { customerId: 'c-1', name: 'Ningbo Port Hospital' });
    expect(customer.status).toBe(201);
    // Reference data reaches the command side's lookups through Kafka and MongoDB too: wait for the
    // last of it (read-your-writes), not for the first read model that happens to show something.
    await eventually(async () => {
      const caughtUp = await stack.query('/service-desk/customers', admin, { 'x-min-position': String(customer.body['position']), 'x-wait-ms': '10000' });
      expect(caughtUp.status).toBe(200);
    }, 60_000);
    expect((await stack.query('/service-desk/staff', admin)).body.items).toHaveLength(3);
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
    await stopEsdb?.();
  }, 60_000);

  const register = async (description = 'router down') => {
    const r = await stack.command('POST', '/service-desk/tickets', owner, { channel: 'hotline', kind: 'service-request', customerId: 'c-1', description });
    expect(r.status).toBe(201);
    return r.body['id'] as string;
  };

  const visible = (id: string, check: (t: Record<string, unknown>) => void = () => undefined, timeoutMs = 30_000) =>
    eventually(async () => {
      const r = await stack.query(`/service-desk/tickets/${id}`, owner);
      expect(r.status).toBe(200);
      check(r.body);
      return r.body;
    }, timeoutMs);

  /** Each event applied exactly once: the ticket's history has one entry per event in its stream. */
  const appliedOnce = async (ids: string[]) => {
    const store = await openEventStore(stack.config);
    try {
      for (const id of ids) {
        const events = await store.readStream(ticketStream(id));
        await visible(id, (t) => expect((t['history'] as unknown[]).length).toBe(events.length));
      }
    } finally {
      await store.close();
    }
  };

  it('SD-1 SD-3 SD-2 register → transfer → resolve through the command API, read back through the query API and the audit trail', async () => {
    const id = await register();
    expect((await stack.command('POST', `/service-desk/tickets/${id}/transfer`, owner, { reason: 'on-site work', targetDepartment: 'technical-service' })).status).toBe(200);
    expect((await stack.command('POST', `/service-desk/tickets/${id}/resolve`, tech, { resolution: 'replaced the switch' })).status).toBe(200);
    const ticket = await visible(id, (t) => expect(t['status']).toBe('resolved'));
    expect(ticket).toMatchObject({ ownerId: 'cs-li', handlerId: 'ts-wang', transferCount: 1, atFirstContact: false });
    const audit = await eventually(async () => {
      const r = await stack.query(`/audit?entity=${encodeURIComponent(ticketStream(id))}`, admin);
      expect(r.body['total']).toBe(3);
      return r;
    });
    expect(audit.body.items!.map((e) => e['actorId'])).toEqual(['cs-li', 'cs-li', 'ts-wang']);
  }, 60_000);

  it('read-your-writes: a query given the reply\'s X-Position sees the write without polling; one beyond the log answers 503 with Retry-After', async () => {
    const reply = await stack.command('POST', '/service-desk/tickets', owner, { channel: 'web', kind: 'inquiry', customerId: 'c-1', description: 'read my write' });
    expect(reply.status).toBe(201);
    const position = Number(reply.headers.get('x-position'));
    expect(position).toBeGreaterThan(0);
    expect(reply.body['position']).toBe(position);
    const read = await stack.query(`/service-desk/tickets/${reply.body['id']}`, owner, { 'x-min-position': String(position), 'x-wait-ms': '10000' });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ ticketId: reply.body['id'], description: 'read my write' });
    expect(Number(read.headers.get('x-position'))).toBeGreaterThanOrEqual(position);

    const ahead = await stack.query(`/service-desk/tickets?minPosition=${position + 1_000_000}&waitMs=300`, owner);
    expect(ahead.status).toBe(503);
    expect(ahead.headers.get('retry-after')).toBe('1');
    expect(ahead.body).toMatchObject({ error: 'not-caught-up', minPosition: position + 1_000_000 });
    expect(ahead.body['reached'] as number).toBeGreaterThanOrEqual(position);
  }, 60_000);

  it('SD-2 a plain kafkajs consumer of service-desk.integration.v1, in its own group, receives ticket-resolved.v1 with the documented payload', async () => {
    const id = await register('for the downstream consumer');
    const resolved = await stack.command('POST', `/service-desk/tickets/${id}/resolve`, owner, { resolution: 'explained the bill' });
    expect(resolved.status).toBe(200);
    const received: IntegrationEventV1<TicketResolvedV1Data>[] = [];
    const consumer = await followResolvedTickets({
      brokers: stack.config.kafka.brokers,
      topic: `${stack.config.kafka.topicPrefix}service-desk.integration.v1`,
      groupId: `downstream-${stack.runId}`,
      onResolved: async (event) => void received.push(event),
    });
    try {
      const event = await eventually(async () => {
        const found = received.find((e) => e.subject === id);
        expect(found).toBeDefined();
        return found!;
      }, 60_000);
      expect(event).toMatchObject({ type: 'service-desk.ticket-resolved.v1', source: 'service-desk', streamId: ticketStream(id), correlationId: expect.any(String) });
      expect(event.data).toEqual({
        ticketId: id,
        customerId: 'c-1',
        kind: 'service-request',
        major: false,
        ownerId: 'cs-li',
        handlerId: 'cs-li',
        handlingDepartment: 'customer-service',
        receivedAt: expect.any(String),
        resolvedBy: 'cs-li',
        resolution: 'explained the bill',
        resolvedAt: expect.any(String),
        atFirstContact: true,
        liaisonFormPending: false,
        emergency: false,
        transferCount: 0,
        repeatContactCount: 0,
      });
    } finally {
      await consumer.disconnect();
    }
  }, 90_000);

  it('HR-4 a complaint upheld in service-desk-api travels through Kafka (service-desk.integration.v1) to HR and onto the payslip read through query-api', async () => {
    const hr = stack.token('hr-zhou', 'hr-manager');
    const gm = stack.token('gm-zhao', 'general-manager');
    const hired = await stack.command('POST', '/hr-attendance/employees', hr, {
      staffId: 'cs-li',
      name: 'Li Na',
      position: 'hotline agent',
      department: 'customer-service',
      baseSalaryFen: 600_000,
      hireDate: '2025-06-02',
    });
    expect(hired.status).toBe(201);
    const ticket = await stack.command('POST', '/service-desk/tickets', owner, { channel: 'hotline', kind: 'complaint', customerId: 'c-1', description: 'the agent hung up' });
    expect(ticket.status).toBe(201);
    const ticketId = String(ticket.body['id']);
    const upheld = await stack.command('POST', `/service-desk/tickets/${ticketId}/complaint-upheld`, gm, { staffId: 'cs-li', severity: 'moderate', finding: 'hung up on the customer' });
    expect(upheld.status).toBe(200);
    const month = shanghaiMonth(new Date().toISOString());
    const line = await eventually(async () => {
      const slip = await stack.query(`/hr-attendance/payslips/cs-li/${month}`, hr);
      expect(slip.status).toBe(200);
      const fine = (slip.body['lines'] as { kind: string; amountFen: number; description: string; eventIds: string[] }[]).find((l) => l.kind === 'complaint-fine');
      expect(fine).toBeDefined();
      return fine!;
    }, 60_000);
    expect(line).toMatchObject({ amountFen: -5_000, description: expect.stringContaining(ticketId) });
    // The fine names the HR event, recorded by HR's reactor as caused by the published complaint.
    const store = await openEventStore(stack.config);
    try {
      const events = await store.readStream(staffMonthStream(month, 'cs-li'));
      const fine = events.find((e) => e.type === 'ComplaintFineRecorded')!;
      expect(line.eventIds).toEqual([fine.metadata.eventId]);
      const source = (await store.readStream(ticketStream(ticketId))).find((e) => e.type === 'ComplaintUpheld')!;
      expect(fine.metadata.causationId).toBe(source.metadata.eventId);
    } finally {
      await store.close();
    }
    // Salaries are personal data: she reads her own payslip, a colleague does not.
    expect((await stack.query(`/hr-attendance/payslips/cs-li/${month}`, owner)).status).toBe(200);
    expect((await stack.query(`/hr-attendance/payslips/cs-li/${month}`, tech)).status).toBe(403);
    // Every HR view answers from MongoDB through query-api.
    const views = [
      '/hr-attendance/employees',
      '/hr-attendance/employees/cs-li',
      `/hr-attendance/attendance/cs-li/${month}`,
      `/hr-attendance/attendance?month=${month}`,
      `/hr-attendance/violations?month=${month}`,
      `/hr-attendance/daily-reports/missing?month=${month}`,
      '/hr-attendance/leave-requests?status=requested',
      '/hr-attendance/attendance-corrections?status=requested',
      `/hr-attendance/conduct?staffId=cs-li&month=${month}`,
      `/hr-attendance/payslips/cs-li/${month}.csv`,
      `/hr-attendance/payslips/cs-li/${month}.html`,
      `/hr-attendance/payroll/${month}`,
      `/hr-attendance/payroll/${month}.csv`,
      `/hr-attendance/payroll/${month}.html`,
      '/hr-attendance/unmatched-facts',
    ];
    for (const view of views) expect([view, (await stack.query(view, hr)).status]).toEqual([view, 200]);
  }, 90_000);

  it('PS-1 twenty concurrent subscriptions of one unit through property-sales-api: one winner, nineteen refusals naming PS-1; the board in MongoDB shows it subscribed once', async () => {
    const sm = stack.token('sm-zhou', 'site-manager');
    const post = async (path: string, token: string, body: unknown = {}, status = [200, 201]) => {
      const r = await stack.command('POST', `/property-sales${path}`, token, body);
      if (!status.includes(r.status)) throw new Error(`${path}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
      return r;
    };
    await post('/projects', sm, { projectId: 'lakeside', name: 'Lakeside Garden', siteManagerId: 'sm-zhou', siteSupervisorId: 'ss-wu' });
    await post('/projects/lakeside/buildings', sm, { buildingId: 'b1', name: 'Tower 1', floors: 18 });
    await post('/agencies', sm, { agencyId: 'sunrise', name: 'Sunrise Realty', supervisorId: 'as-chen' });
    const unitId = 'lakeside.b1.1203';
    await post('/projects/lakeside/buildings/b1/units', sm, { number: '1203', floor: 12, type: 'apartment', areaCentiSqm: 11_820, listPriceFen: 450_000_000 });
    const sheets: { token: string; priceSheetId: string }[] = [];
    for (let i = 0; i < 20; i++) {
      const staffId = `sp-${i}`;
      const token = stack.token(staffId, 'salesperson');
      await post('/agencies/sunrise/members', sm, { staffId, name: `Salesperson ${i}`, role: 'salesperson' });
      const customer = await post('/customers', token, { name: `Customer ${i}`, phone: `139${String(20_000_000 + i)}`, projectId: 'lakeside', agencyId: 'sunrise' });
      const sheet = await post(`/units/${unitId}/price-sheets`, token, { customerId: customer.body['id'], discounts: [], paymentMethod: 'lump-sum' });
      sheets.push({ token, priceSheetId: String(sheet.body['id']) });
    }
    const results = await Promise.all(sheets.map(({ token, priceSheetId }) => stack.command('POST', `/property-sales/units/${unitId}/subscriptions`, token, { priceSheetId })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(19);
    expect(refused.every((r) => r.status === 409 && r.body['rule'] === 'PS-1')).toBe(true);
    const store = await openEventStore(stack.config);
    try {
      expect((await store.readStream(unitStream(unitId))).filter((e) => e.type === 'UnitSubscribed')).toHaveLength(1);
    } finally {
      await store.close();
    }
    await eventually(async () => {
      const board = await stack.query('/property-sales/projects/lakeside/buildings/b1/board', sm);
      expect(board.status).toBe(200);
      const cells = JSON.stringify(board.body).match(/"number":"1203"[^}]*"state":"([a-z]+)"/g) ?? [];
      expect(cells).toEqual([expect.stringContaining('"state":"subscribed"')]);
    }, 60_000);
    // Every property-sales view answers from MongoDB through query-api.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const views = [
      `/property-sales/units/${unitId}`,
      '/property-sales/customers?projectId=lakeside',
      '/property-sales/subscriptions?flag=not-exported',
      '/property-sales/follow-ups?overdue=true',
      `/property-sales/signing-lists?projectId=lakeside&date=${today}`,
      `/property-sales/office-days/lakeside/${today}`,
      `/property-sales/reports/daily-sales?projectId=lakeside&date=${today}`,
      `/property-sales/reports/daily-sales.csv?projectId=lakeside&date=${today}`,
      '/property-sales/reports/sales-control?projectId=lakeside&buildingId=b1',
      '/property-sales/reports/sales-control.html?projectId=lakeside&buildingId=b1',
    ];
    for (const view of views) expect([view, (await stack.query(view, sm)).status]).toEqual([view, 200]);
  }, 120_000);

  it('killing the relay mid-stream and restarting it loses nothing and applies nothing twice', async () => {
    const ids: string[] = [];
    const writing = (async () => {
      for (let i = 0; i < 30; i++) ids.push(await register(`burst ${i}`));
    })();
    await new Promise((r) => setTimeout(r, 100));
    await stack.stopRelay();
    await writing;
    await stack.restartRelay();
    for (const id of ids) await visible(id);
    await appliedOnce(ids);
  }, 120_000);

  it('restarting the projector resumes from its committed offsets', async () => {
    const before = await register('before the restart');
    await visible(before);
    await stack.stopProjector();
    const during = [await register('while the projector is down'), await register('still down')];
    await stack.startProjector();
    for (const id of during) await visible(id);
    await appliedOnce([before, ...during]);
  }, 120_000);

  it('a duplicate delivery is applied once', async () => {
    const id = await register('duplicated');
    await visible(id);
    const store = await openEventStore(stack.config);
    const bus = new KafkaEventBus({
      brokers: stack.config.kafka.brokers,
      clientId: `dup-${stack.runId}`,
      topics: [],
      topicResolver: () => `${stack.config.kafka.topicPrefix}service-desk.events.v1`,
      logLevel: logLevel.NOTHING,
    });
    try {
      await bus.publish(await store.readStream(ticketStream(id)));
    } finally {
      await bus.close();
      await store.close();
    }
    // A later event of the same stream shares the partition, so once it shows, the duplicate was handled.
    await stack.command('POST', `/service-desk/tickets/${id}/repeat-contacts`, owner, { channel: 'web' });
    await visible(id, (t) => expect(t['repeatContactCount']).toBe(1));
    await appliedOnce([id]);
  }, 60_000);

  it('a poison message goes to the dead-letter topic and the partition keeps flowing', async () => {
    const id = await register('poisoned');
    await visible(id);
    const topic = `${stack.config.kafka.topicPrefix}service-desk.events.v1`;
    const kafka = new Kafka({ brokers: stack.config.kafka.brokers, clientId: `poison-${stack.runId}`, logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: ticketStream(id), value: 'this is not an event' }] });
    await producer.disconnect();
    await stack.command('POST', `/service-desk/tickets/${id}/repeat-contacts`, owner, { channel: 'fax' });
    await visible(id, (t) => expect(t['repeatContactCount']).toBe(1));
    const consumer = kafka.consumer({ groupId: `dlq-reader-${stack.runId}` });
    const dead: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: `${topic}.dlq`, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void dead.push(message.value?.toString() ?? '') });
    try {
      await eventually(async () => expect(dead).toContain('this is not an event'), 30_000);
    } finally {
      await consumer.disconnect();
    }
  }, 90_000);

  const outage = 'with Kafka stopped, commands are still accepted and the relay catches up once Kafka is back';
  if (!canControlKafka) {
    const reason = 'stopping Kafka needs a broker this run owns: set ENGINES_CONTROL=1 with tools/engines';
    if (integrationRequired()) it(outage, () => { throw new Error(reason); });
    else it.skip(`${outage} (${reason})`, () => undefined);
    return;
  }
  it(outage, async () => {
    execFileSync(join(ENGINES_SCRIPT, 'stop'), ['kafka'], { stdio: 'inherit', timeout: 60_000 });
    let ids: string[];
    try {
      ids = [await register('during the outage'), await register('still during the outage')];
    } finally {
      execFileSync(join(ENGINES_SCRIPT, 'start'), ['kafka'], { stdio: 'inherit', timeout: 180_000 });
    }
    for (const id of ids) await visible(id, undefined, 90_000);
    await appliedOnce(ids);
  }, 300_000);
});
