import type { StaffDemoApi } from './demo-support';

/*
 * Demo data for SD-6, SD-8 and SD-17, driven through the public HTTP API like the rest of the
 * service-desk demo. Uses the demo's staff and customers (c-hz-water with its Jiuxi and Qingchun
 * plant sites), so run it after the reference data exists. A re-run adds nothing once service ladders exist.
 */

export interface LadderDemoSummary {
  skipped: boolean;
  ladders: number;
  breaches: number;
  shirkingFindings: number;
  preferences: number;
  awaitingImprovementAnalysis: number;
}

const CUSTOMER = 'c-hz-water';

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** ISO 8601 in China Standard Time, whole minutes, `hours` before now. */
function hoursAgo(hours: number): string {
  const ms = Math.floor(Date.now() / 60_000) * 60_000 - hours * 3_600_000;
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

async function must(api: StaffDemoApi, what: string, method: string, path: string, token: string, body?: unknown): Promise<unknown> {
  const reply = await api.call(method, path, token, body);
  if (reply.status !== 200 && reply.status !== 201) throw new Error(`${what} failed: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} in the read models`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Registers a ticket and waits until the ticket read model has it (the ladder looks it up there). */
async function ticket(api: StaffDemoApi, description: string, receivedHoursAgo: number): Promise<string> {
  const cs = api.token('cs-li-na');
  const body = await must(api, 'register ticket', 'POST', '/service-desk/tickets', cs, {
    channel: 'hotline',
    kind: 'service-request',
    customerId: CUSTOMER,
    description,
    receivedAt: hoursAgo(receivedHoursAgo),
  });
  const id = String(field(body, 'id'));
  await until(`ticket ${id}`, async () => (await api.call('GET', `/service-desk/tickets/${id}`, cs)).status === 200);
  return id;
}

export async function seedLadder(api: StaffDemoApi): Promise<LadderDemoSummary> {
  const tech = api.token('ts-wang-wei');
  const cs = api.token('cs-li-na');
  const gm = api.token('gm-zhao-min');
  const existing = await must(api, 'list service ladders', 'GET', '/service-desk/service-ladders?pageSize=1', gm);
  if (Number(field(existing, 'total')) > 0) {
    return { skipped: true, ladders: 0, breaches: 0, shirkingFindings: 0, preferences: 0, awaitingImprovementAnalysis: 0 };
  }
  const step = (id: string, name: string, body: unknown) => must(api, `ladder ${name}`, 'POST', `/service-desk/service-ladders/${id}/${name}`, tech, body);

  // SD-8 full ladder, late on site: Jiuxi's 90-minute response time missed by 30 minutes.
  const late = await ticket(api, 'Jiuxi plant: chlorine dosing pump controller keeps rebooting', 8);
  await step(late, 'hotline', { startedAt: hoursAgo(7), note: 'walked the operator through a controller restart' });
  await step(late, 'remote', { authorization: { authorizedBy: 'Fang Qiang', authorizedAt: hoursAgo(6.5) }, escalatedAt: hoursAgo(6) });
  await step(late, 'on-site', { siteId: 'jiuxi', dispatchedAt: hoursAgo(5), engineerId: 'ts-liu-yang' });
  await step(late, 'arrival', { arrivedAt: hoursAgo(3) });

  // SD-8 remote impossible (plant network down), on site within Qingchun's 120 minutes.
  const onTime = await ticket(api, 'Qingchun plant: SCADA station unreachable after a power cut', 5);
  await step(onTime, 'hotline', { startedAt: hoursAgo(4.5) });
  await step(onTime, 'remote-impossible', { reason: 'the plant network is down, no remote access', declaredAt: hoursAgo(4) });
  await step(onTime, 'on-site', { siteId: 'qingchun', dispatchedAt: hoursAgo(3.5), engineerId: 'ts-huang-lei' });
  await step(onTime, 'arrival', { arrivedAt: hoursAgo(2) });

  // SD-6 the general manager's finding on the late ticket.
  await must(api, 'shirking finding', 'POST', '/service-desk/shirking-findings', gm, {
    ticketId: late,
    staffId: 'ts-huang-lei',
    kind: 'shirking',
    sanction: 'criticism',
    description: 'declined the Jiuxi dispatch as "not my district", delaying the on-site visit',
  });

  // SD-17 preferences, one analysed expectation and one still awaiting its analysis.
  const preferences = [
    { topic: 'contact', preference: 'Call Mr Fang Qiang on his mobile after 14:00; mornings are plant rounds' },
    { topic: 'site-visits', preference: 'Announce engineers at the Jiuxi gate office one hour ahead' },
  ];
  for (const p of preferences) await must(api, 'customer preference', 'POST', `/service-desk/customers/${CUSTOMER}/preferences`, cs, p);
  await must(api, 'unmet expectation', 'POST', `/service-desk/ticket-expectations/${late}/unmet`, cs, {
    expectation: 'an engineer on site within the hour',
    reason: 'the only free engineer was across the river at the time',
  });
  await must(api, 'improvement analysis', 'POST', `/service-desk/ticket-expectations/${late}/improvement-analysis`, tech, {
    analysis: 'dispatch depended on one engineer per district',
    improvementActions: ['stand-by engineer roster per district', 'dispatch board shared with customer service'],
  });
  await must(api, 'unmet expectation', 'POST', `/service-desk/ticket-expectations/${onTime}/unmet`, cs, {
    expectation: 'remote fix without a visit',
    reason: 'no remote access while the plant network is down',
  });

  // Each read model follows the log on its own, so wait for the last event each of them shows.
  const total = async (path: string): Promise<number> => Number(field((await api.call('GET', path, gm)).body, 'total'));
  await until('the late arrival', async () => (await total('/service-desk/service-ladders?breached=true&pageSize=1')) >= 1);
  await until('the open expectation', async () => (await api.call('GET', `/service-desk/ticket-expectations/${onTime}`, gm)).status === 200);
  const breaches = await total('/service-desk/service-ladders?breached=true&pageSize=1');
  const awaiting = await total('/service-desk/tickets-awaiting-improvement-analysis?pageSize=1');
  return { skipped: false, ladders: 2, breaches, shirkingFindings: 1, preferences: preferences.length, awaitingImprovementAnalysis: awaiting };
}
