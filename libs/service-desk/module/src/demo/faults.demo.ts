import type { StaffDemoApi } from './demo-support';

/*
 * Demo data for SD-14 major fault reports (故障报告) and SD-13 cross-department collaboration,
 * through the public HTTP API. service-desk.demo.ts runs it after staff, customers and projects exist:
 *
 *   await seedFaults({ call, token });
 *
 * Re-runnable: faults and collaborations get fresh ids, so the seed is skipped when the demo
 * faults are already there.
 */

const REPORTER = 'cs-wang-fang';
const TS_MANAGER = 'ts-wang-wei';
const ENGINEER = 'ts-liu-yang';
const CS_MANAGER = 'cs-li-na';
const OFFICE = 'off-sun-li';
const HOUR_MS = 3_600_000;

/** ISO 8601 in China Standard Time, `hours` ago. */
function hoursAgo(hours: number): string {
  return `${new Date(Date.now() - hours * HOUR_MS + 8 * HOUR_MS).toISOString().slice(0, 19)}+08:00`;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

interface FaultPlan {
  customerId: string;
  projectId: string;
  occurredHoursAgo: number;
  location: string;
  symptoms: string;
  contingencyPlan: string;
  progress: string[];
  /** Hours ago the fault ended; omitted = still open. */
  resolvedHoursAgo?: number;
  analysis?: { impact: string; handling: string; rootCause: string; correctiveMeasures: string; preventiveMeasures: string };
  close?: boolean;
}

const FAULTS: FaultPlan[] = [
  {
    customerId: 'c-hz-water',
    projectId: 'p-hz-scada',
    occurredHoursAgo: 240,
    location: 'Qingchun Road Water Plant, control room',
    symptoms: 'SCADA servers unreachable; pumps switched to local manual control',
    contingencyPlan: 'Operators run the pumps by hand from the MCC; standby server brought up',
    progress: ['Standby server online, telemetry restored for 80% of stations', 'Failed RAID controller replaced'],
    resolvedHoursAgo: 230,
    analysis: {
      impact: 'Plant on manual control for 10 hours; no interruption of supply',
      handling: 'Failover to the standby server, controller replaced, data re-synchronised',
      rootCause: 'RAID controller failure on the primary historian server',
      correctiveMeasures: 'Controller replaced; historian gaps back-filled from the RTUs',
      preventiveMeasures: 'Monthly RAID health checks added to the inspection plan',
    },
    close: true,
  },
  {
    customerId: 'c-zj-hosp',
    projectId: 'p-zjh-gas',
    occurredHoursAgo: 150,
    location: 'Ward building 3, medical gas alarm panel',
    symptoms: 'Oxygen pressure alarms not reaching the nurse stations',
    contingencyPlan: 'Hourly manual pressure readings by the facilities team',
    progress: ['Gateway firmware rolled back'],
    resolvedHoursAgo: 140,
  },
  {
    customerId: 'c-nb-water',
    projectId: 'p-nb-pumps',
    occurredHoursAgo: 3,
    location: 'Maoshan pump station',
    symptoms: 'Two pumps trip on start; remote start disabled',
    contingencyPlan: 'Third pump kept running; field engineer dispatched',
    progress: ['Engineer on site, checking the soft starters'],
  },
];

async function must(api: StaffDemoApi, what: string, method: string, path: string, staffId: string, body?: unknown): Promise<unknown> {
  const r = await api.call(method, path, api.token(staffId), body);
  if (r.status !== 200 && r.status !== 201) throw new Error(`${what} failed: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function seedFault(api: StaffDemoApi, plan: FaultPlan): Promise<void> {
  const reported = await must(api, 'report fault', 'POST', '/service-desk/faults', REPORTER, {
    occurredAt: hoursAgo(plan.occurredHoursAgo),
    location: plan.location,
    symptoms: plan.symptoms,
    contingencyPlan: plan.contingencyPlan,
    customerId: plan.customerId,
    projectId: plan.projectId,
    managerInChargeId: TS_MANAGER,
  });
  const base = `/service-desk/faults/${String(field(reported, 'id'))}`;
  await must(api, 'acknowledge fault', 'POST', `${base}/acknowledge`, TS_MANAGER, {});
  await must(api, 'inform leadership', 'POST', `${base}/escalate`, TS_MANAGER, { note: plan.symptoms });
  for (const note of plan.progress) await must(api, 'record progress', 'POST', `${base}/progress`, ENGINEER, { note });
  if (plan.resolvedHoursAgo === undefined) return;
  await must(api, 'resolve fault', 'POST', `${base}/resolve`, ENGINEER, { resolvedAt: hoursAgo(plan.resolvedHoursAgo) });
  if (!plan.analysis) return;
  await must(api, 'file analysis', 'POST', `${base}/analysis`, TS_MANAGER, plan.analysis);
  if (plan.close) await must(api, 'close fault', 'POST', `${base}/close`, TS_MANAGER, {});
}

async function seedCollaborations(api: StaffDemoApi): Promise<void> {
  const opened = await must(api, 'open collaboration', 'POST', '/service-desk/collaborations', CS_MANAGER, {
    subject: 'Move the customer hotline to the new IP-PBX before the Spring Festival',
    requestingDepartment: 'customer-service',
    cooperatingDepartments: ['technical-service', 'business-dept'],
  });
  const base = `/service-desk/collaborations/${String(field(opened, 'id'))}`;
  await must(api, 'raise dispute', 'POST', `${base}/disputes`, ENGINEER, { description: 'Who writes the call-routing rules for key accounts' });
  await must(api, 'opinion', 'POST', `${base}/disputes/d-1/opinions`, CS_MANAGER, { department: 'customer-service', opinion: 'Technical service: it is their PBX' });
  await must(api, 'opinion', 'POST', `${base}/disputes/d-1/opinions`, TS_MANAGER, { department: 'technical-service', opinion: 'Customer service owns the routing policy' });
  await must(api, 'opinion', 'POST', `${base}/disputes/d-1/opinions`, 'bd-zhang-jun', { department: 'business-dept', opinion: 'Key-account routing must follow the contracts' });
  await must(api, 'ruling', 'POST', `${base}/disputes/d-1/ruling`, OFFICE, {
    ruling: 'Customer service drafts the rules with the business department; technical service configures them by 20 January',
  });
  await must(api, 'completion', 'POST', `${base}/completion`, CS_MANAGER, { summary: 'Hotline migrated; routing rules live' });

  const second = await must(api, 'open collaboration', 'POST', '/service-desk/collaborations', TS_MANAGER, {
    subject: 'Joint inspection schedule for hospital customers',
    requestingDepartment: 'technical-service',
    cooperatingDepartments: ['business-dept'],
  });
  await must(api, 'raise dispute', 'POST', `/service-desk/collaborations/${String(field(second, 'id'))}/disputes`, 'bd-xu-hao', {
    description: 'Inspection visits clash with the quarterly sales visits',
  });
}

/** Seeds three major faults (closed, analysis pending/overdue, in progress) and two collaborations. */
export async function seedFaults(api: StaffDemoApi): Promise<{ faults: number; collaborations: number }> {
  const existing = await api.call('GET', '/service-desk/faults?pageSize=1', api.token(REPORTER));
  if (typeof field(existing.body, 'total') === 'number' && (field(existing.body, 'total') as number) > 0) return { faults: 0, collaborations: 0 };
  for (const plan of FAULTS) await seedFault(api, plan);
  await seedCollaborations(api);
  return { faults: FAULTS.length, collaborations: 2 };
}
