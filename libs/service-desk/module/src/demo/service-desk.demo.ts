import { seedCallbacks } from './callbacks.demo';
import type { DemoApi } from '@ebp/shared-nest';
import { total, withDemoRoles } from './demo-support';
import { ABSENT_MANAGER, ADMIN, CUSTOMERS, DEMO_USER, rolesOf, seedDirectory, staffView, STAFF } from './directory.demo';
import { seedDuty } from './duty.demo';
import { seedFaults } from './faults.demo';
import { seedLadder } from './ladder.demo';
import { seedProactive } from './proactive.demo';
import { seedReport } from './report.demo';
import { seedTickets, type TicketsSummary } from './tickets.demo';

/*
 * The service desk's demo (the manifest's `demo`, run by `npm run demo`): a realistic data set
 * through the public HTTP API — departments, staff, customers with sites, projects, ~40 tickets in
 * every state, then each area (callbacks, duty, ladders, faults, proactive service, the monthly
 * report) — and a summary read back from the query side.
 *
 *   DEMO_TICKETS=again  registers another set of tickets when the demo ran before
 *
 * Re-runnable: reference data that already exists (409) is left alone, areas skip what is there.
 */

/** A user to explore the data as; the driver mints their token and prefixes the paths with its base URL. */
export interface DemoExplore {
  userId: string;
  roles: readonly string[];
  who: string;
  paths: string[];
  hint?: string;
}

export async function seedServiceDeskDemo(driver: DemoApi): Promise<Record<string, unknown>> {
  const api = withDemoRoles(driver, rolesOf);
  const directory = await seedDirectory(api);
  const tickets = await seedTickets(api, { again: process.env['DEMO_TICKETS'] === 'again' });

  // The other service-desk areas, each through its own endpoints.
  const callbacks = await seedCallbacks(api);
  await seedDuty(api);
  const ladder = await seedLadder(api);
  const faults = await seedFaults(api);
  await seedProactive(api);
  const report = await seedReport(api);

  // Summary from the read side.
  const admin = api.token(ADMIN);
  const openTotal = await total(api, '/service-desk/tickets?pageSize=1&status=open', admin);
  const resolvedTotal = await total(api, '/service-desk/tickets?pageSize=1&status=resolved', admin);
  const openMajor = await total(api, '/service-desk/general-manager/open-major?pageSize=1', api.token('gm-zhao-min'));
  const auditTotal = await total(api, '/audit?pageSize=1', admin);
  const departments: Record<string, string> = {};
  for (const s of await staffView(api)) {
    const dept = String(s['department']);
    const label = `${String(s['name'])}${s['isDepartmentManager'] === true ? ' (manager)' : ''}${s['absent'] === true ? ' [absent]' : ''}`;
    departments[dept] = departments[dept] ? `${departments[dept]}, ${label}` : label;
  }
  const sorted = Object.fromEntries(Object.entries(departments).sort(([a], [b]) => a.localeCompare(b)));
  const tally = (t: { created: number; existing: number }) => `${t.created} registered, ${t.existing} already there`;
  const demoUser = STAFF.find((s) => s.staffId === DEMO_USER)!;
  const explore: DemoExplore = {
    userId: demoUser.staffId,
    roles: demoUser.roles,
    who: `${demoUser.name}, ${demoUser.title}`,
    paths: ['/service-desk/my-tickets', '/service-desk/tickets?status=open&major=true'],
    hint: 'Other users: npm run token -- --user gm-zhao-min --roles general-manager',
  };
  return {
    staff: tally(directory.staff),
    departments: sorted,
    customers: `${tally(directory.customers)} (${CUSTOMERS.reduce((n, c) => n + c.sites.length, 0)} sites)`,
    projects: tally(directory.projects),
    tickets: describeTickets(tickets),
    callbacks: `${callbacks.deliveries} deliveries, ${callbacks.callbacks} callbacks, ${callbacks.gifts} gifts, ${callbacks.plans} needs plans`,
    ladders: ladder.skipped
      ? 'already there'
      : `${ladder.ladders} service ladders, ${ladder.breaches} breaches, ${ladder.shirkingFindings} shirking finding(s), ${ladder.preferences} preferences, ${ladder.awaitingImprovementAnalysis} awaiting improvement analysis`,
    faults: `${faults.faults} fault reports, ${faults.collaborations} collaborations`,
    report: report.version === null ? `${report.month} already submitted` : `${report.month} submitted (version ${report.version})`,
    'read side': `${openTotal} open / ${resolvedTotal} resolved tickets, ${openMajor} open major on the GM view, ${auditTotal} audit entries`,
    explore,
  };
}

function describeTickets(t: TicketsSummary): string | string[] {
  if (t.skipped) return `skipped: ${t.before} demo tickets are already there (DEMO_TICKETS=again adds another set)`;
  const count = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `${t.tickets} registered — channels: ${count(t.byChannel)}; kinds: ${count(t.byKind)}`,
    `${t.major} escalated to the general manager, ${t.transfers} transfers (${t.viaAlternate} to an alternate while ${ABSENT_MANAGER.staffId} is absent),`,
    `${t.resolved} resolved (${t.atFirstContact} at first contact, ${t.emergency} emergencies), ${t.liaisonPending} with the liaison form pending, ${t.liaisonFiled} filed later,`,
    `${t.repeatContacts} repeat contacts`,
  ];
}
