import { InMemoryReadModelStore } from '@ebp/shared-eventsourcing/testing';
import { parseNonNegative, waitForCheckpoints } from './consistency';

describe('read-your-writes wait', () => {
  it('returns as soon as the lowest checkpoint of the read models reaches the position', async () => {
    const store = new InMemoryReadModelStore();
    await store.save('tickets', 10);
    await store.save('audit', 7);
    setTimeout(() => void store.save('audit', 12), 30);
    const started = Date.now();
    expect(await waitForCheckpoints(store, ['tickets', 'audit'], 10, 2000)).toEqual({ reached: 10, caughtUp: true });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives up at the deadline with the position reached', async () => {
    const store = new InMemoryReadModelStore();
    await store.save('tickets', 4);
    const started = Date.now();
    expect(await waitForCheckpoints(store, ['tickets'], 5, 100)).toEqual({ reached: 4, caughtUp: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });

  it('never waits for a query that reads no read model (it reads the event store)', async () => {
    expect((await waitForCheckpoints(new InMemoryReadModelStore(), [], 99, 1000)).caughtUp).toBe(true);
  });

  it('accepts only non-negative integers within the bound, naming the parameter', () => {
    expect(parseNonNegative('42', 'minPosition')).toBe(42);
    expect(parseNonNegative(['7', '8'], 'minPosition')).toBe(7);
    for (const bad of ['-1', '1.5', 'soon', '', '1e3']) expect(() => parseNonNegative(bad, 'minPosition')).toThrow();
    expect(() => parseNonNegative('10001', 'waitMs', 10_000)).toThrow();
  });
});
