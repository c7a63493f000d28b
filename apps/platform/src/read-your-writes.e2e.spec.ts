import { startHarness, type Harness } from './testing/platform-harness';

describe('read-your-writes (embedded)', () => {
  let h: Harness;
  let admin: string;
  let owner: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = h.token('office-1', 'office');
    owner = h.token('cs-li', 'customer-service');
    expect((await h.http('POST', '/service-desk/staff', { token: admin, body: { staffId: 'cs-li', name: 'Li Na', department: 'customer-service', roles: ['customer-service'] } })).status).toBe(201);
    const customer = await h.http('POST', '/service-desk/customers', { token: admin, body: { customerId: 'c-1', name: 'Ningbo Port Hospital' } });
    expect(customer.status).toBe(201);
    // The command side looks staff up in the read model: wait for exactly that write.
    expect((await h.http('GET', `/service-desk/staff?minPosition=${customer.headers.get('x-position')}`, { token: admin })).status).toBe(200);
  }, 30_000);

  afterAll(async () => h?.stop());

  const register = (description: string) =>
    h.http('POST', '/service-desk/tickets', { token: owner, body: { channel: 'hotline', kind: 'inquiry', customerId: 'c-1', description } });

  it('every command reply carries the global position of its last event, in X-Position and the body', async () => {
    const first = await register('first');
    const second = await register('second');
    expect(first.status).toBe(201);
    expect(Number(first.headers.get('x-position'))).toBe(first.body['position']);
    expect(second.body['position'] as number).toBeGreaterThan(first.body['position'] as number);
  });

  it('a query given the position reads its write at once, every time, without polling', async () => {
    for (let i = 0; i < 25; i++) {
      const written = await register(`ticket ${i}`);
      const read = await h.http('GET', `/service-desk/tickets/${written.body['id']}`, { token: owner, headers: { 'x-min-position': String(written.body['position']) } });
      expect(read.status).toBe(200);
      expect(read.body['description']).toBe(`ticket ${i}`);
      expect(Number(read.headers.get('x-position'))).toBeGreaterThanOrEqual(written.body['position'] as number);
    }
  });

  it('waits for the read models, and answers 503 with Retry-After and the position reached when they do not get there in time', async () => {
    const { relay } = h.platform.engine;
    await relay.stop();
    let written;
    try {
      written = await register('while the projections are held back');
      const position = written.body['position'] as number;
      const held = await h.http('GET', `/service-desk/tickets/${written.body['id']}?minPosition=${position}&waitMs=200`, { token: owner });
      expect(held.status).toBe(503);
      expect(held.headers.get('retry-after')).toBe('1');
      expect(held.body).toMatchObject({ error: 'not-caught-up', minPosition: position });
      expect(held.body['reached'] as number).toBeLessThan(position);
    } finally {
      await relay.start();
    }
    const caughtUp = await h.http('GET', `/service-desk/tickets/${written.body['id']}?minPosition=${written.body['position']}`, { token: owner });
    expect(caughtUp.status).toBe(200);
    expect(caughtUp.body['description']).toBe('while the projections are held back');
  });

  it('is exact: a read model that ignores an event is still caught up past it', async () => {
    // A staff change is not a ticket event; the ticket list must not wait for a ticket that never comes.
    const staff = await h.http('POST', '/service-desk/staff', { token: admin, body: { staffId: 'cs-wu', name: 'Wu Ting', department: 'customer-service', roles: ['customer-service'] } });
    const started = Date.now();
    const list = await h.http('GET', `/service-desk/tickets?minPosition=${staff.body['position']}&waitMs=5000`, { token: owner });
    expect(list.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a malformed minimum position or wait, naming the parameter, and caps the wait at 10 s', async () => {
    const bad = await h.http('GET', '/service-desk/tickets?minPosition=soon', { token: owner });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'minPosition' });
    const long = await h.http('GET', '/service-desk/tickets?minPosition=1&waitMs=60000', { token: owner });
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ field: 'waitMs' });
  });
});
