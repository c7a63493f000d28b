import type { StaffDemoApi } from './demo-support';
import { addDays, formatIsoWeek, isoWeekOf, shanghaiDate } from '@ebp/shared-kernel';

/*
 * Demo data for SD-10 weekly reports (周报) and the SD-15 holiday duty roster, through the public
 * HTTP API. service-desk.demo.ts runs it after staff and customers exist:
 *
 *   await seedDuty({ call, token });
 *
 * Re-runnable: assignments already made (409) are left alone; checks and reports are only added
 * where none exist yet.
 */

const CS_MANAGER = 'cs-li-na';

/** Spring Festival 2026 (15–23 Feb) partly covered, so the roster view shows uncovered days. */
const ASSIGNMENTS: { date: string; staffId: string }[] = [
  { date: '2026-02-15', staffId: 'cs-wang-fang' },
  { date: '2026-02-16', staffId: 'cs-wang-fang' },
  { date: '2026-02-17', staffId: 'cs-chen-xiaoyu' },
  { date: '2026-02-18', staffId: 'cs-chen-xiaoyu' },
  { date: '2026-02-19', staffId: 'cs-li-na' },
  { date: '2026-10-01', staffId: 'cs-wang-fang' },
  { date: '2026-10-02', staffId: 'cs-chen-xiaoyu' },
];

const CHECKS: { date: string; staffId: string; customerId: string; target: string; outcome: 'ok' | 'problem'; description?: string }[] = [
  { date: '2026-02-15', staffId: 'cs-wang-fang', customerId: 'c-hz-water', target: 'https://www.hzwater.example.cn', outcome: 'ok' },
  { date: '2026-02-16', staffId: 'cs-wang-fang', customerId: 'c-nb-water', target: 'SCADA web portal', outcome: 'ok' },
  {
    date: '2026-02-17',
    staffId: 'cs-chen-xiaoyu',
    customerId: 'c-sx-water',
    target: 'https://www.sxwater.example.cn',
    outcome: 'problem',
    description: 'Public water-quality page returns HTTP 502 since the morning.',
  },
];

const TECHNICAL_SERVICE = ['ts-wang-wei', 'ts-liu-yang', 'ts-huang-lei'];

/** The ISO week `weeksAgo` weeks before the current one (Asia/Shanghai). */
function isoWeekAgo(weeksAgo: number): string {
  return formatIsoWeek(isoWeekOf(addDays(shanghaiDate(new Date().toISOString()), -7 * weeksAgo)));
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

async function expectStatus(what: string, reply: Promise<{ status: number; body: unknown }>, ok: number[]): Promise<{ status: number; body: unknown }> {
  const r = await reply;
  if (!ok.includes(r.status)) throw new Error(`${what} failed: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

async function hasChecks(api: StaffDemoApi, date: string): Promise<boolean> {
  const r = await expectStatus('holiday roster', api.call('GET', `/service-desk/holiday-duty?from=${date}&to=${date}`, api.token(CS_MANAGER)), [200]);
  const days = field(r.body, 'days');
  return Array.isArray(days) && days.some((d) => Array.isArray(field(d, 'checks')) && (field(d, 'checks') as unknown[]).length > 0);
}

/** SD-15 roster and checks; SD-10 reports for the last two weeks (filed now, so late; gaps show as missing). */
export async function seedDuty(api: StaffDemoApi): Promise<void> {
  for (const a of ASSIGNMENTS) {
    await expectStatus(`holiday duty ${a.date} ${a.staffId}`, api.call('POST', '/service-desk/holiday-duty/assignments', api.token(CS_MANAGER), a), [201, 409]);
  }
  for (const c of CHECKS) {
    const deadline = Date.now() + 10_000;
    // The roster read model follows the assignments asynchronously; a check needs none logged yet.
    if (await hasChecks(api, c.date)) continue;
    for (;;) {
      const { staffId, ...body } = c;
      const r = await api.call('POST', '/service-desk/holiday-duty/checks', api.token(staffId), body);
      if (r.status === 201) break;
      if (Date.now() > deadline) throw new Error(`monitoring check ${c.date} failed: HTTP ${r.status} ${JSON.stringify(r.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const plan: { staffId: string; weeksAgo: number }[] = [
    { staffId: 'ts-wang-wei', weeksAgo: 1 },
    { staffId: 'ts-wang-wei', weeksAgo: 2 },
    { staffId: 'ts-liu-yang', weeksAgo: 1 },
    { staffId: 'ts-huang-lei', weeksAgo: 2 },
  ];
  for (const { staffId, weeksAgo } of plan.filter((p) => TECHNICAL_SERVICE.includes(p.staffId))) {
    const week = isoWeekAgo(weeksAgo);
    const existing = await api.call('GET', `/service-desk/weekly-reports/${week}/${staffId}`, api.token(staffId));
    if (existing.status === 200) continue;
    await expectStatus(
      `weekly report ${staffId} ${week}`,
      api.call('POST', `/service-desk/weekly-reports/${week}`, api.token(staffId), {
        serviceSituation: `Week ${week}: routine inspections, two remote sessions, one on-site visit.`,
        customerFeedback: 'Customers asked for refresher training on the reporting module.',
      }),
      [201],
    );
  }
}
