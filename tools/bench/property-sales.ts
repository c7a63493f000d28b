import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { issueToken } from '@ebp/shared-auth';
import { ascending, envInt, expectStatus, fmt, http, log, percentile } from './support';

/*
 * Property sales in the bench: subscriptions/s on distinct units at the bench's connections, and
 * the delivery latency of the board's Server-Sent Events (command reply → the subscriber sees the
 * unit change). Runs against a platform started by the caller.
 */

const UNITS = envInt('BENCH_PS_UNITS', 6000);
const SSE_SAMPLES = envInt('BENCH_PS_SSE_SAMPLES', 200);
const PROJECT = 'bench';
const BUILDING = 'b1';
const PER_FLOOR = 100;

export interface PropertySalesFigures {
  units: number;
  subscriptionsPerSec: number;
  subscriptionP99Ms: number;
  subscriptionNon2xx: number;
  sse: { samples: number; p50Ms: number; p99Ms: number; maxMs: number; missed: number };
}

async function pool<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i], i);
  }));
}

const unitNumber = (i: number): string => `${Math.floor(i / PER_FLOOR) + 1}${String(i % PER_FLOOR).padStart(2, '0')}`;

/** Follows the board's SSE stream and resolves each unit's first `subscribed` message. */
function followBoard(url: string, token: string) {
  const seen = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  const controller = new AbortController();
  const ready = (async () => {
    const response = await fetch(`${url}/property-sales/projects/${PROJECT}/buildings/${BUILDING}/board/events?access_token=${token}`, { signal: controller.signal });
    if (response.status !== 200 || !response.body) throw new Error(`board events: HTTP ${response.status}`);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message.split('\n').find((l) => l.startsWith('data:'));
          if (!data) continue;
          const change = JSON.parse(data.slice(5)) as { unitId: string; state: string };
          if (change.state !== 'subscribed' || seen.has(change.unitId)) continue;
          const at = performance.now();
          seen.set(change.unitId, at);
          waiting.get(change.unitId)?.(at);
        }
      }
    })();
  })();
  return {
    ready,
    /** When the unit's change arrived (already, or within `timeoutMs`), or null. */
    arrival(unitId: string, timeoutMs: number): Promise<number | null> {
      const at = seen.get(unitId);
      if (at !== undefined) return Promise.resolve(at);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), timeoutMs);
        waiting.set(unitId, (t) => {
          clearTimeout(timer);
          resolve(t);
        });
      });
    },
    close: () => controller.abort(),
  };
}

export async function propertySalesBench(url: string, jwtSecret: string, connections: number): Promise<PropertySalesFigures> {
  const sm = issueToken(jwtSecret, { userId: 'bench-sm', roles: ['site-manager'] });
  await expectStatus(http(url, 'POST', '/property-sales/projects', sm, { projectId: PROJECT, name: 'Bench Garden', siteManagerId: 'bench-sm', siteSupervisorId: 'bench-ss' }), 201, 'project');
  const total = UNITS + SSE_SAMPLES;
  await expectStatus(http(url, 'POST', `/property-sales/projects/${PROJECT}/buildings`, sm, { buildingId: BUILDING, name: 'Bench tower', floors: Math.ceil(total / PER_FLOOR) }), 201, 'building');
  await expectStatus(http(url, 'POST', '/property-sales/agencies', sm, { agencyId: 'bench', name: 'Bench Realty', supervisorId: 'bench-as' }), 201, 'agency');
  const sellers = Array.from({ length: connections }, (_, i) => ({ staffId: `bench-sp-${i}`, token: issueToken(jwtSecret, { userId: `bench-sp-${i}`, roles: ['salesperson'] }), customerId: '' }));
  for (const [i, s] of sellers.entries()) {
    await expectStatus(http(url, 'POST', '/property-sales/agencies/bench/members', sm, { staffId: s.staffId, name: `Seller ${i}`, role: 'salesperson' }), 201, 'member');
    const customer = await expectStatus(http(url, 'POST', '/property-sales/customers', s.token, { name: `Buyer ${i}`, phone: `137${String(30_000_000 + i)}`, projectId: PROJECT, agencyId: 'bench' }), 201, 'customer');
    s.customerId = String((customer.body as { id: string }).id);
  }
  for (let from = 0; from < total; from += 1000) {
    const rows = ['number,floor,type,areaCentiSqm,listPriceFen'];
    for (let i = from; i < Math.min(total, from + 1000); i++) rows.push(`${unitNumber(i)},${Math.floor(i / PER_FLOOR) + 1},apartment,9850,${300_000_000 + i * 1000}`);
    await expectStatus(http(url, 'POST', `/property-sales/projects/${PROJECT}/buildings/${BUILDING}/units/import`, sm, rows.join('\n') + '\n', 'text/csv'), 200, 'import units');
  }
  const units = Array.from({ length: total }, (_, i) => ({ unitId: `${PROJECT}.${BUILDING}.${unitNumber(i)}`, seller: sellers[i % sellers.length], priceSheetId: '' }));
  const sheetsStarted = performance.now();
  await pool(units, connections, async (u) => {
    const r = await expectStatus(http(url, 'POST', `/property-sales/units/${u.unitId}/price-sheets`, u.seller.token, { customerId: u.seller.customerId, discounts: [], paymentMethod: 'lump-sum' }), 201, 'price sheet');
    u.priceSheetId = String((r.body as { id: string }).id);
  });
  log(`property sales: ${total} units and price sheets ready (${fmt(total / ((performance.now() - sheetsStarted) / 1000))} price sheets/s)`);

  // Subscriptions on distinct units, at the bench's connections.
  const load = units.slice(0, UNITS);
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    amount: load.length,
    requests: [
      {
        method: 'POST',
        path: '/property-sales/units/none/subscriptions',
        setupRequest: (request) => {
          const u = load[next++ % load.length];
          return {
            ...request,
            path: `/property-sales/units/${u.unitId}/subscriptions`,
            headers: { ...request.headers, authorization: `Bearer ${u.seller.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ priceSheetId: u.priceSheetId }),
          };
        },
      },
    ],
  });

  // SSE delivery: one subscription at a time, from its reply to the board subscriber's message.
  const board = followBoard(url, sm);
  await board.ready;
  const latencies: number[] = [];
  let missed = 0;
  for (const u of units.slice(UNITS)) {
    const reply = await http(url, 'POST', `/property-sales/units/${u.unitId}/subscriptions`, u.seller.token, { priceSheetId: u.priceSheetId });
    const repliedAt = performance.now();
    if (reply.status !== 201) throw new Error(`subscription for the SSE probe: HTTP ${reply.status}`);
    const arrived = await board.arrival(u.unitId, 5000);
    if (arrived === null) missed++;
    else latencies.push(Math.max(0, arrived - repliedAt));
  }
  board.close();
  const sorted = ascending(latencies);
  return {
    units: load.length,
    subscriptionsPerSec: result['2xx'] / result.duration,
    subscriptionP99Ms: result.latency.p99,
    subscriptionNon2xx: result.non2xx,
    sse: { samples: latencies.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), maxMs: sorted[sorted.length - 1] ?? NaN, missed },
  };
}
