import type { StaffDemoApi } from './demo-support';

/*
 * Demo data for SD-16 proactive service (主动式服务) — quality inspections, satisfaction surveys and
 * service research visits — through the public HTTP API. service-desk.demo.ts runs it after staff,
 * customers and projects exist:
 *
 *   await seedProactive({ call, token });
 *
 * Re-runnable: each part is skipped when its read model already holds demo data.
 */

const PROJECT_MANAGER = 'bd-wu-ting';
const GENERAL_MANAGER = 'gm-zhao-min';

type Scores = { installation: number; 'system-operation': number; implementation: number; 'after-sales-service': number; training: number };

const INSPECTIONS: { projectId: string; inspectedAt: string; findings: { description: string; severity: 'low' | 'medium' | 'high' }[] }[] = [
  {
    projectId: 'p-hz-scada',
    inspectedAt: '2026-06-10T10:00:00+08:00',
    findings: [
      { description: 'UPS battery in the control room is swollen and must be replaced.', severity: 'high' },
      { description: 'Historian disk at 91% — archive older trend data.', severity: 'medium' },
    ],
  },
  { projectId: 'p-nb-pumps', inspectedAt: '2026-09-15T14:00:00+08:00', findings: [] },
  {
    projectId: 'p-xj-campus',
    inspectedAt: '2026-08-20T09:30:00+08:00',
    findings: [{ description: 'Two access points in the library drop clients under load.', severity: 'low' }],
  },
];

const SURVEYS: { by: string; customerId: string; projectId?: string; method: string; surveyedAt: string; scores: Scores; comment?: string }[] = [
  { by: 'cs-li-na', customerId: 'c-hz-water', projectId: 'p-hz-scada', method: 'phone', surveyedAt: '2026-10-12T10:00:00+08:00', scores: { installation: 5, 'system-operation': 4, implementation: 5, 'after-sales-service': 4, training: 4 } },
  { by: 'cs-wang-fang', customerId: 'c-nb-water', method: 'email', surveyedAt: '2026-10-14T15:00:00+08:00', scores: { installation: 4, 'system-operation': 4, implementation: 3, 'after-sales-service': 5, training: 3 } },
  {
    by: 'cs-chen-xiaoyu',
    customerId: 'c-zj-hosp',
    projectId: 'p-zjh-nursecall',
    method: 'on-site',
    surveyedAt: '2026-10-20T11:00:00+08:00',
    scores: { installation: 4, 'system-operation': 3, implementation: 4, 'after-sales-service': 2, training: 2 },
    comment: 'Night-shift nurses were never trained on the new handsets.',
  },
  { by: 'bd-xu-hao', customerId: 'c-jx-school', projectId: 'p-jx-av', method: 'letter', surveyedAt: '2026-10-22T09:00:00+08:00', scores: { installation: 5, 'system-operation': 5, implementation: 4, 'after-sales-service': 4, training: 5 } },
];

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

async function must(what: string, reply: Promise<{ status: number; body: unknown }>, ok: number[] = [200, 201]): Promise<unknown> {
  const r = await reply;
  if (!ok.includes(r.status)) throw new Error(`${what} failed: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function seedInspections(api: StaffDemoApi): Promise<void> {
  const pm = api.token(PROJECT_MANAGER);
  for (const inspection of INSPECTIONS) {
    const existing = await must('inspections', api.call('GET', `/service-desk/inspections?project=${inspection.projectId}`, pm));
    const done = field(existing, 'inspections');
    if (Array.isArray(done) && done.length > 0) continue;
    await must(`inspection ${inspection.projectId}`, api.call('POST', '/service-desk/inspections', pm, inspection));
  }
}

async function seedSurveys(api: StaffDemoApi): Promise<void> {
  const existing = await must('surveys', api.call('GET', '/service-desk/satisfaction-surveys?pageSize=1', api.token('cs-li-na')));
  if (Number(field(existing, 'total') ?? 0) > 0) return;
  for (const { by, ...survey } of SURVEYS) {
    await must(`survey ${survey.customerId}`, api.call('POST', '/service-desk/satisfaction-surveys', api.token(by), survey));
  }
}

/** One closed visit with a complaint (→ ticket) and one still open with a suggestion. */
async function seedResearchVisits(api: StaffDemoApi): Promise<void> {
  const gm = api.token(GENERAL_MANAGER);
  const existing = await must('research visits', api.call('GET', '/service-desk/research-visits?pageSize=1', gm));
  if (Number(field(existing, 'total') ?? 0) > 0) return;
  const closed = field(await must('open visit', api.call('POST', '/service-desk/research-visits', gm, { customerId: 'c-sx-water', visitedAt: '2026-11-05T09:30:00+08:00' })), 'id');
  const feedback = [
    { kind: 'opinion', text: 'The monitoring dashboards are used daily by the dispatch centre.' },
    { kind: 'complaint', text: 'Alarm SMS arrive up to 20 minutes late at night.' },
    { kind: 'suggestion', text: 'Add a weekly water-quality summary e-mail for the plant managers.' },
  ];
  for (const f of feedback) await must('visit feedback', api.call('POST', `/service-desk/research-visits/${String(closed)}/feedback`, gm, f));
  await must(
    'close visit',
    api.call('POST', `/service-desk/research-visits/${String(closed)}/close`, gm, {
      summary: 'Satisfied with monitoring; alarm delivery latency is the main pain point.',
      solutionPlan: 'Move alarm SMS to the priority gateway by December; pilot the weekly summary e-mail in Q1.',
    }),
  );
  const open = field(await must('open visit', api.call('POST', '/service-desk/research-visits', api.token('bd-zhang-jun'), { customerId: 'c-wz-hosp', visitedAt: '2026-11-18T14:00:00+08:00' })), 'id');
  await must(
    'visit feedback',
    api.call('POST', `/service-desk/research-visits/${String(open)}/feedback`, api.token('bd-zhang-jun'), { kind: 'suggestion', text: 'Quarterly on-site health checks of the BMS servers.' }),
  );
}

/** SD-16: inspections (findings → tickets), surveys (a low score → follow-up ticket), research visits. */
export async function seedProactive(api: StaffDemoApi): Promise<void> {
  await seedInspections(api);
  await seedSurveys(api);
  await seedResearchVisits(api);
}
