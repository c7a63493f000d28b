import { ensure, field, must, type DemoApi, type Reply } from '@ebp/shared-nest';
import { addDays, shanghaiDate } from '@ebp/shared-kernel';
import { SIGNING_STEPS } from '@ebp/property-sales-domain';

/*
 * Property sales demo (the manifest's `demo`): the Lakeside project with an apartment tower and a
 * row of villas, two agencies, customers registered at reception (one number twice), reservations,
 * price sheets, subscriptions through their steps, one contract through all eleven signing steps,
 * tomorrow's signing list and today's office day. Re-runnable: what exists (409) is left alone and
 * sales steps already taken are skipped.
 */

const PROJECT = 'lakeside';
const SITE_MANAGER = { staffId: 'sm-zhou-yan', roles: ['site-manager'] };
const SITE_SUPERVISOR = { staffId: 'ss-wu-hong', roles: ['site-supervisor'] };
const FINANCE = { staffId: 'fin-he-jia', roles: ['finance'] };
const CONTRACTS = { staffId: 'ca-lin-tao', roles: ['contract-administrator'] };

interface AgencyPlan {
  agencyId: string;
  name: string;
  supervisor: { staffId: string; name: string };
  salespeople: { staffId: string; name: string }[];
}

const AGENCIES: AgencyPlan[] = [
  {
    agencyId: 'sunrise',
    name: 'Sunrise Realty',
    supervisor: { staffId: 'as-chen-bo', name: 'Chen Bo' },
    salespeople: [
      { staffId: 'sp-li-mei', name: 'Li Mei' },
      { staffId: 'sp-zhao-kai', name: 'Zhao Kai' },
    ],
  },
  {
    agencyId: 'greenfield',
    name: 'Greenfield Homes',
    supervisor: { staffId: 'as-sun-yu', name: 'Sun Yu' },
    salespeople: [
      { staffId: 'sp-qian-lu', name: 'Qian Lu' },
      { staffId: 'sp-ma-rui', name: 'Ma Rui' },
    ],
  },
];

const CUSTOMERS = [
  { name: 'Wang Jianguo', phone: '+86 138-1234-1234', idNumber: '330106198503120017', by: 'sp-li-mei' },
  { name: 'Liu Fang', phone: '139 5712 8866', idNumber: null, by: 'sp-zhao-kai' },
  { name: 'Xu Ming', phone: '0086 137 0001 2222', idNumber: '330102199001015513', by: 'sp-qian-lu' },
  { name: 'Huang Li', phone: '15088886666', idNumber: null, by: 'sp-ma-rui' },
  // The same person walking into the other agency's desk: kept as a duplicate, the owner unchanged.
  { name: 'Wang Jianguo', phone: '13812341234', idNumber: null, by: 'sp-qian-lu' },
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** Tower b1: 18 floors × 4 units; villas b2: 3 floors × 2 units. Areas in hundredths of m², prices in fen. */
function unitsCsv(building: 'b1' | 'b2'): string {
  const rows = ['number,floor,type,areaCentiSqm,listPriceFen'];
  const floors = building === 'b1' ? 18 : 3;
  const perFloor = building === 'b1' ? 4 : 2;
  for (let floor = 1; floor <= floors; floor++) {
    for (let u = 1; u <= perFloor; u++) {
      const area = building === 'b1' ? [8_950, 11_820, 11_820, 14_320][u - 1] : 26_500 + u * 1_500;
      const pricePerSqmFen = (building === 'b1' ? 3_600_000 : 5_200_000) + floor * 20_000;
      rows.push(`${floor}${pad(u)},${floor},${building === 'b1' ? 'apartment' : 'villa'},${area},${Math.round((area * pricePerSqmFen) / 100 / 100) * 100}`);
    }
  }
  return rows.join('\n') + '\n';
}

const idOf = (reply: Reply): string => String(field(reply.body, 'id'));

export async function seedPropertySalesDemo(api: DemoApi): Promise<Record<string, unknown>> {
  const today = shanghaiDate(new Date().toISOString());
  const tomorrow = addDays(today, 1);
  const roles = new Map<string, string[]>([
    [SITE_MANAGER.staffId, SITE_MANAGER.roles],
    [SITE_SUPERVISOR.staffId, SITE_SUPERVISOR.roles],
    [FINANCE.staffId, FINANCE.roles],
    [CONTRACTS.staffId, CONTRACTS.roles],
    ...AGENCIES.flatMap((a) => [[a.supervisor.staffId, ['agency-supervisor']] as [string, string[]], ...a.salespeople.map((s) => [s.staffId, ['salesperson']] as [string, string[]])]),
  ]);
  const as = (staffId: string) => api.token(staffId, roles.get(staffId) ?? ['salesperson']);
  const sm = as(SITE_MANAGER.staffId);
  const agencyOf = (staffId: string) => AGENCIES.find((a) => a.supervisor.staffId === staffId || a.salespeople.some((s) => s.staffId === staffId))!;

  // Reference data.
  await ensure('project', api.call('POST', '/property-sales/projects', sm, { projectId: PROJECT, name: 'Lakeside Garden, Hangzhou', siteManagerId: SITE_MANAGER.staffId, siteSupervisorId: SITE_SUPERVISOR.staffId }));
  await ensure('tower', api.call('POST', `/property-sales/projects/${PROJECT}/buildings`, sm, { buildingId: 'b1', name: 'Tower 1', floors: 18 }));
  await ensure('villas', api.call('POST', `/property-sales/projects/${PROJECT}/buildings`, sm, { buildingId: 'b2', name: 'Lakeside villas', floors: 3 }));
  for (const a of AGENCIES) {
    // The supervisor becomes the agency's first member.
    await ensure(`agency ${a.agencyId}`, api.call('POST', '/property-sales/agencies', sm, { agencyId: a.agencyId, name: a.name, supervisorId: a.supervisor.staffId, supervisorName: a.supervisor.name }));
    for (const s of a.salespeople) await ensure(`salesperson ${s.staffId}`, api.call('POST', `/property-sales/agencies/${a.agencyId}/members`, sm, { staffId: s.staffId, name: s.name, role: 'salesperson' }));
  }
  let imported = 0;
  for (const building of ['b1', 'b2'] as const) {
    const r = await must(`import ${building}`, api.call('POST', `/property-sales/projects/${PROJECT}/buildings/${building}/units/import`, sm, unitsCsv(building), 'text/csv'), [200]);
    imported = Math.max(imported, Number(field(r.body, 'position') ?? 0));
  }

  // PS-2: reception.
  const customerIds: string[] = [];
  for (const c of CUSTOMERS) {
    const r = await must(`register ${c.name}`, api.call('POST', '/property-sales/customers', as(c.by), { name: c.name, phone: c.phone, idNumber: c.idNumber, projectId: PROJECT, agencyId: agencyOf(c.by).agencyId }), [200, 201]);
    customerIds.push(idOf(r));
  }

  // Sales, while the first unit is still on the market (a sale's steps are not repeatable).
  let sales = 'already there';
  const first = await must('the first unit', api.call('GET', `/property-sales/units/${PROJECT}.b1.1202?minPosition=${imported}`, sm));
  if (field(first.body, 'status') === 'available') {
    await sell(api, as, { unitId: `${PROJECT}.b1.1202`, customerId: customerIds[0], salesperson: 'sp-li-mei', discountFen: 0, paymentMethod: 'commercial-mortgage', sign: true, contract: true });
    await sell(api, as, { unitId: `${PROJECT}.b1.803`, customerId: customerIds[1], salesperson: 'sp-zhao-kai', discountFen: 500_000, paymentMethod: 'lump-sum', sign: true, contract: false });
    await sell(api, as, { unitId: `${PROJECT}.b2.201`, customerId: customerIds[2], salesperson: 'sp-qian-lu', discountFen: 0, paymentMethod: 'combined', sign: false, contract: false });
    await must('reservation', api.call('POST', `/property-sales/units/${PROJECT}.b1.1501/reservations`, as('sp-ma-rui'), { customerId: customerIds[3] }), [201]);
    await must('hold back', api.call('POST', `/property-sales/units/${PROJECT}.b1.1804/hold`, sm, { reason: 'kept for the developer’s own use' }), [200]);
    sales = '3 subscriptions (one contracted through all 11 signing steps), 1 reservation, 1 unit held back';
  }

  // PS-6: tomorrow's signing list.
  await must(
    'signing list',
    api.call('POST', `/property-sales/signing-lists/${PROJECT}/${tomorrow}`, as('as-chen-bo'), { agencyId: 'sunrise', appointments: [{ unitId: `${PROJECT}.b1.803`, customerId: customerIds[1], time: '10:00' }] }),
    [200, 201],
  );

  // PS-10: today's office day so far.
  const day = `/property-sales/office-days/${PROJECT}/${today}`;
  await must('duty agency', api.call('POST', `${day}/duty-agency`, sm, { agencyId: 'sunrise' }), [200, 409]);
  // Each step is recorded once: a re-run finds it there (409).
  for (const a of AGENCIES) for (const s of a.salespeople) await must(`check-in ${s.staffId}`, api.call('POST', `${day}/check-ins`, as(s.staffId), { agencyId: a.agencyId }), [201, 409]);
  await must('handover', api.call('POST', `${day}/handover`, as('sp-li-mei'), { fromAgencyId: 'greenfield', dutyBook: true, masterSalesControl: true, items: ['keys to the model units', 'brochure stock'] }), [201, 409]);
  await must('inspection', api.call('POST', `${day}/inspections`, as('sp-li-mei'), { area: 'sales-centre', findings: 'clean; one brochure stand empty, refilled' }), [201, 409]);

  return {
    project: `${PROJECT}: tower b1 (72 units), villas b2 (6 units), agencies ${AGENCIES.map((a) => a.agencyId).join(', ')}`,
    customers: `${CUSTOMERS.length} registrations (one number twice: a duplicate kept)`,
    sales,
    today: `${today}: duty agency sunrise, check-ins, handover and the sales-centre inspection; the model unit, the day's records and the reconciliation still open`,
    'board page': `/sales-control/${PROJECT}/b1?token=<a token> (live; try another subscription while it is open)`,
    explore: {
      userId: SITE_MANAGER.staffId,
      roles: SITE_MANAGER.roles,
      who: 'Zhou Yan, the developer’s site manager',
      paths: [`/property-sales/projects/${PROJECT}/buildings/b1/board`, `/property-sales/office-days/${PROJECT}/${today}`, `/property-sales/reports/sales-control?projectId=${PROJECT}&buildingId=b1`],
      hint: `The live board: open /sales-control/${PROJECT}/b1?token=$TOKEN in a browser.`,
    },
  };
}

interface Sale {
  unitId: string;
  customerId: string;
  salesperson: string;
  discountFen: number;
  paymentMethod: string;
  sign: boolean;
  contract: boolean;
}

/** PS-3 → PS-4 (→ PS-7): price sheet, subscription and its steps, and optionally the whole signing. */
async function sell(api: DemoApi, as: (staffId: string) => string, sale: Sale): Promise<void> {
  const unit = `/property-sales/units/${sale.unitId}`;
  const sp = as(sale.salesperson);
  const supervisor = sale.salesperson === 'sp-qian-lu' || sale.salesperson === 'sp-ma-rui' ? 'as-sun-yu' : 'as-chen-bo';
  const discounts = sale.discountFen > 0 ? [{ reason: 'opening-week offer', amountFen: sale.discountFen }] : [];
  const sheet = await must(`price sheet ${sale.unitId}`, api.call('POST', `${unit}/price-sheets`, sp, { customerId: sale.customerId, discounts, paymentMethod: sale.paymentMethod }), [201]);
  await must(`subscribe ${sale.unitId}`, api.call('POST', `${unit}/subscriptions`, sp, { priceSheetId: idOf(sheet) }), [201]);
  await must('deposit', api.call('POST', `${unit}/subscription/deposit`, as(FINANCE.staffId), { depositFen: 5_000_000, receiptNo: `R-${sale.unitId}` }), [200]);
  await must('form', api.call('POST', `${unit}/subscription/form`, sp, {}), [200]);
  await must('review', api.call('POST', `${unit}/subscription/review`, as(supervisor), {}), [200]);
  if (!sale.sign) return;
  await must('sign', api.call('POST', `${unit}/subscription/sign`, sp, { agreements: ['subscription-agreement', 'deposit-receipt', 'privacy-notice'] }), [200]);
  await must('customer copy', api.call('POST', `${unit}/subscription/customer-copy`, sp, {}), [200]);
  await must('ERP export', api.call('POST', `${unit}/subscription/erp-export`, as(SITE_MANAGER.staffId), { erpReference: `MY-${sale.unitId}` }), [200]);
  await must('handover', api.call('POST', `${unit}/subscription/handover`, as(SITE_MANAGER.staffId), {}), [200]);
  await must('follow-up', api.call('POST', `${unit}/subscription/follow-up`, sp, { targetSigningDate: addDays(shanghaiDate(new Date().toISOString()), 7), mortgageDocuments: ['income-proof', 'bank-statement'] }), [200]);
  if (!sale.contract) return;
  for (const document of ['income-proof', 'bank-statement']) await must(document, api.call('POST', `${unit}/subscription/mortgage-documents`, sp, { document }), [200]);
  const byRole: Record<string, string> = { salesperson: sale.salesperson, 'agency-supervisor': supervisor, finance: FINANCE.staffId, 'contract-administrator': CONTRACTS.staffId, 'site-supervisor': SITE_SUPERVISOR.staffId };
  for (const { step, role } of SIGNING_STEPS) await must(`signing: ${step}`, api.call('POST', `${unit}/signing/steps/${step}`, as(byRole[role]), {}), [200, 201]);
}
