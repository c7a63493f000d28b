import type { StaffDemoApi } from './demo-support';

/*
 * Demo data for SD-11 callbacks (回访) and the SD-12 December needs campaign, through the public
 * HTTP API. service-desk.demo.ts runs it after staff, customers and projects exist:
 *
 *   await seedCallbacks({ call, token });
 *
 * Re-runnable: a delivery or gift already recorded (409) is left alone.
 */

const CUSTOMER_SERVICE = 'cs-li-na';
const PROJECT_MANAGER = 'bd-wu-ting';
const DAY_MS = 86_400_000;

/** Asia/Shanghai calendar date `days` ago. */
function shanghaiDateDaysAgo(days: number): string {
  return new Date(Date.now() - days * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 10:00 Asia/Shanghai on the date `days` ago, as ISO with offset. */
function morningDaysAgo(days: number): string {
  return `${shanghaiDateDaysAgo(days)}T10:00:00+08:00`;
}

interface DeliveryPlan {
  projectId: string;
  deliveredDaysAgo: number;
  /** Days ago of each recorded callback; gaps leave overdue windows. */
  callbacksDaysAgo: { daysAgo: number; satisfaction: number; outcome: 'satisfied' | 'issues-raised' | 'follow-up-needed'; notes: string }[];
}

const DELIVERIES: DeliveryPlan[] = [
  {
    // Past the 12-month boundary: monthly windows behind it, quarterly now.
    projectId: 'p-hz-scada',
    deliveredDaysAgo: 430,
    callbacksDaysAgo: [
      { daysAgo: 420, satisfaction: 4, outcome: 'satisfied', notes: 'Operators comfortable with the new HMI.' },
      { daysAgo: 390, satisfaction: 3, outcome: 'issues-raised', notes: 'Alarm flood at shift change; tuned thresholds.' },
      { daysAgo: 300, satisfaction: 5, outcome: 'satisfied', notes: 'No complaints since the alarm tuning.' },
      { daysAgo: 40, satisfaction: 4, outcome: 'satisfied', notes: 'Quarterly check-in: stable.' },
    ],
  },
  {
    projectId: 'p-nb-pumps',
    deliveredDaysAgo: 150,
    callbacksDaysAgo: [
      { daysAgo: 140, satisfaction: 5, outcome: 'satisfied', notes: 'Pumps switch automatically as designed.' },
      { daysAgo: 80, satisfaction: 2, outcome: 'follow-up-needed', notes: 'Remote access drops at night; ticket opened.' },
    ],
  },
  { projectId: 'p-zjh-nursecall', deliveredDaysAgo: 20, callbacksDaysAgo: [] },
];

const CAMPAIGN_CUSTOMERS = [
  { customerId: 'c-hz-water', gift: 'tea set', plan: 'Extend SCADA to the two new plants; leak detection phase 2.' },
  { customerId: 'c-nb-water', gift: 'calendar and tea', plan: 'Pump station energy optimisation pilot.' },
  { customerId: 'c-zj-hosp', gift: 'tea set', plan: null },
];

async function must(what: string, reply: Promise<{ status: number; body: unknown }>, ok: number[]): Promise<void> {
  const r = await reply;
  if (!ok.includes(r.status)) throw new Error(`${what} failed: HTTP ${r.status} ${JSON.stringify(r.body)}`);
}

/** SD-11 deliveries with callbacks (some windows left overdue) and last December's SD-12 campaign. */
export async function seedCallbacks(api: StaffDemoApi): Promise<{ deliveries: number; callbacks: number; gifts: number; plans: number }> {
  const pm = api.token(PROJECT_MANAGER);
  const cs = api.token(CUSTOMER_SERVICE);
  const tally = { deliveries: 0, callbacks: 0, gifts: 0, plans: 0 };
  for (const d of DELIVERIES) {
    const delivered = await api.call('POST', `/service-desk/callbacks/projects/${d.projectId}/delivery`, pm, {
      deliveredOn: shanghaiDateDaysAgo(d.deliveredDaysAgo),
    });
    if (delivered.status === 409) continue; // delivered by an earlier run, callbacks included
    await must(`deliver ${d.projectId}`, Promise.resolve(delivered), [201]);
    tally.deliveries++;
    for (const c of d.callbacksDaysAgo) {
      await must(
        `callback on ${d.projectId}`,
        api.call('POST', `/service-desk/callbacks/projects/${d.projectId}/callbacks`, cs, {
          outcome: c.outcome,
          notes: c.notes,
          satisfaction: c.satisfaction,
          calledAt: morningDaysAgo(c.daysAgo),
        }),
        [201],
      );
      tally.callbacks++;
    }
  }
  const year = Number(shanghaiDateDaysAgo(0).slice(0, 4)) - 1;
  for (const [i, c] of CAMPAIGN_CUSTOMERS.entries()) {
    const sentAt = `${year}-12-${String(8 + i).padStart(2, '0')}T10:00:00+08:00`;
    const gift = await api.call('POST', `/service-desk/needs-campaigns/${year}/gifts`, cs, { customerId: c.customerId, sentAt, note: c.gift });
    if (gift.status === 409) continue; // recorded by an earlier run
    await must(`gift to ${c.customerId}`, Promise.resolve(gift), [201]);
    tally.gifts++;
    if (c.plan === null) continue;
    const surveyedAt = `${year}-12-${String(15 + i).padStart(2, '0')}T15:00:00+08:00`;
    await must(
      `needs plan of ${c.customerId}`,
      api.call('POST', `/service-desk/needs-campaigns/${year}/needs-plans`, cs, { customerId: c.customerId, plan: c.plan, surveyedAt }),
      [201],
    );
    tally.plans++;
  }
  return tally;
}
