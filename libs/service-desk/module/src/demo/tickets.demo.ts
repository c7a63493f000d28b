import type { TicketChannel, TicketKind } from '@ebp/service-desk-domain';
import { chinaTime, eventually, field, must, total, type StaffDemoApi } from './demo-support';
import { ADMIN, DEMO_USER, setManagerAbsence, type Department, type StaffId } from './directory.demo';

/*
 * ~40 tickets in every state (SD-1 to SD-5): registered on each channel, transferred (some to an
 * alternate while the business-dept manager is away), escalated, resolved with and without the
 * liaison form, and contacted again. Tickets get fresh ids, so a re-run skips them unless
 * DEMO_TICKETS=again.
 */

type Step =
  | { do: 'repeat'; by: StaffId; channel: TicketChannel; note: string; hoursAfter: number }
  | { do: 'transfer'; by: StaffId; to: Department; reason: string; alternate?: StaffId }
  | { do: 'major'; by: StaffId; reason: string }
  | { do: 'resolve'; by: StaffId; resolution: string; liaisonFormFiled?: boolean; emergency?: boolean }
  | { do: 'liaison'; by: StaffId; formReference: string };

interface TicketPlan {
  owner: StaffId;
  customerId: string;
  projectId?: string;
  channel: TicketChannel;
  kind: TicketKind;
  hoursAgo: number;
  description: string;
  major?: boolean;
  /** Runs after the business-dept manager is marked absent. */
  whileManagerAbsent?: boolean;
  steps: Step[];
}

const toTs = (by: StaffId, reason = 'needs a field engineer on site'): Step => ({ do: 'transfer', by, to: 'technical-service', reason });
const toBd = (by: StaffId, reason: string, alternate?: StaffId): Step => ({ do: 'transfer', by, to: 'business-dept', reason, alternate });
const resolveBy = (by: StaffId, resolution: string, extra: { liaisonFormFiled?: boolean; emergency?: boolean } = {}): Step => ({ do: 'resolve', by, resolution, ...extra });
const repeat = (by: StaffId, channel: TicketChannel, hoursAfter: number, note: string): Step => ({ do: 'repeat', by, channel, hoursAfter, note });

const TICKETS: TicketPlan[] = [
  // Hangzhou Water
  {
    owner: 'cs-wang-fang', customerId: 'c-hz-water', projectId: 'p-hz-scada', channel: 'hotline', kind: 'service-request', hoursAgo: 200,
    description: 'Qingchun Road plant: the SCADA HMI in the control room freezes every night around 02:00; operators restart it by hand.',
    steps: [toTs('cs-wang-fang'), resolveBy('ts-wang-wei', 'Replaced the failing HMI server disk and moved the nightly report job to 04:00.')],
  },
  {
    owner: 'cs-chen-xiaoyu', customerId: 'c-hz-water', projectId: 'p-hz-scada', channel: 'email', kind: 'inquiry', hoursAgo: 180,
    description: 'Asks whether the SCADA licence covers two additional operator stations.',
    steps: [toBd('cs-chen-xiaoyu', 'licence and contract question'), resolveBy('bd-zhang-jun', 'Confirmed: the licence covers up to eight stations, no extra fee.')],
  },
  {
    owner: 'cs-li-na', customerId: 'c-hz-water', channel: 'hotline', kind: 'complaint', hoursAgo: 30, major: true,
    description: 'Jiuxi plant: the chlorine residual alarm did not reach the duty phone; the operator noticed it 40 minutes late.',
    steps: [
      toTs('cs-li-na', 'alarm chain fault, needs the technical manager'),
      repeat('cs-li-na', 'hotline', 6, 'Plant director called again asking for the root cause.'),
      resolveBy('ts-wang-wei', 'SMS gateway SIM had expired; replaced it and added a daily gateway self-test.', { emergency: true, liaisonFormFiled: false }),
    ],
  },
  {
    owner: 'cs-wang-fang', customerId: 'c-hz-water', projectId: 'p-hz-leak', channel: 'web', kind: 'service-request', hoursAgo: 52,
    description: 'District meter DMA-07 (Gongshu) has reported no data since Monday.',
    steps: [toTs('cs-wang-fang')],
  },
  {
    owner: 'ts-liu-yang', customerId: 'c-hz-water', channel: 'on-site', kind: 'inquiry', hoursAgo: 26,
    description: 'During a site visit the plant engineer asked how to export monthly flow reports to Excel.',
    steps: [resolveBy('ts-liu-yang', 'Showed the report export on site and left a short guide.')],
  },
  {
    owner: 'cs-chen-xiaoyu', customerId: 'c-hz-water', channel: 'hotline', kind: 'inquiry', hoursAgo: 8, whileManagerAbsent: true,
    description: 'Asks when the Nanxing plant will be included in the SCADA upgrade.',
    steps: [toBd('cs-chen-xiaoyu', 'project schedule question', 'bd-wu-ting'), resolveBy('bd-wu-ting', 'Explained the phase plan: Nanxing follows in the third quarter.')],
  },
  {
    owner: 'cs-li-na', customerId: 'c-hz-water', projectId: 'p-hz-scada', channel: 'email', kind: 'service-request', hoursAgo: 5,
    description: 'Please create SCADA user accounts for two new shift operators.',
    steps: [resolveBy('cs-li-na', 'Accounts created and credentials sent to the plant office.')],
  },
  // Ningbo Water
  {
    owner: 'off-zhou-jing', customerId: 'c-nb-water', projectId: 'p-nb-pumps', channel: 'fax', kind: 'service-request', hoursAgo: 160,
    description: 'Maoshan pump station: request to schedule the half-year maintenance of pumps 3 and 4 for next week.',
    steps: [
      toTs('off-zhou-jing', 'planned maintenance'),
      resolveBy('ts-liu-yang', 'Half-year maintenance done; bearings of pump 4 replaced.', { liaisonFormFiled: false }),
      { do: 'liaison', by: 'ts-liu-yang', formReference: 'LF-2025-031' },
    ],
  },
  {
    owner: 'cs-wang-fang', customerId: 'c-nb-water', channel: 'hotline', kind: 'complaint', hoursAgo: 20,
    description: 'Dongqian Lake pumping station: pump 2 trips on overload several times a day.',
    steps: [
      { do: 'major', by: 'cs-li-na', reason: 'Repeated trips put the supply to Yinzhou district at risk.' },
      toTs('cs-wang-fang', 'motor protection fault'),
    ],
  },
  {
    owner: 'cs-chen-xiaoyu', customerId: 'c-nb-water', channel: 'email', kind: 'inquiry', hoursAgo: 12, whileManagerAbsent: true,
    description: 'Asks for the updated maintenance contract price list for next year.',
    steps: [toBd('cs-chen-xiaoyu', 'pricing question for the account manager', 'bd-xu-hao')],
  },
  {
    owner: 'cs-li-na', customerId: 'c-nb-water', channel: 'hotline', kind: 'service-request', hoursAgo: 3,
    description: 'Remote VPN access to the pump station PLCs no longer connects.',
    steps: [resolveBy('cs-li-na', 'Guided the customer through renewing the expired VPN certificate.')],
  },
  {
    owner: 'cs-wang-fang', customerId: 'c-nb-water', channel: 'web', kind: 'service-request', hoursAgo: 70,
    description: 'Historian database disk on the pump station server is 95% full.',
    steps: [toTs('cs-wang-fang'), resolveBy('ts-wang-wei', 'Archived two years of history to the NAS and set a retention policy.', { liaisonFormFiled: false })],
  },
  // Shaoxing Water
  {
    owner: 'off-zhou-jing', customerId: 'c-sx-water', channel: 'letter', kind: 'complaint', hoursAgo: 220, major: true,
    description: 'Formal letter: the water quality analyser at Pingshui plant has been out of service for three weeks; the customer asks for compensation.',
    steps: [toBd('off-zhou-jing', 'compensation claim under the service contract')],
  },
  {
    owner: 'cs-chen-xiaoyu', customerId: 'c-sx-water', projectId: 'p-sx-quality', channel: 'hotline', kind: 'service-request', hoursAgo: 96,
    description: 'Turbidity sensor at Keqiao plant drifts; readings jump between 0.2 and 4 NTU.',
    steps: [toTs('cs-chen-xiaoyu'), resolveBy('ts-huang-lei', 'Cleaned the optics and recalibrated the sensor; readings stable since.')],
  },
  {
    owner: 'cs-wang-fang', customerId: 'c-sx-water', projectId: 'p-sx-quality', channel: 'web', kind: 'inquiry', hoursAgo: 60,
    description: 'Can the monitoring platform send alarms by SMS as well as e-mail?',
    steps: [resolveBy('cs-wang-fang', 'Yes: explained how to add phone numbers to the alarm groups.')],
  },
  {
    owner: 'cs-li-na', customerId: 'c-sx-water', projectId: 'p-sx-quality', channel: 'hotline', kind: 'service-request', hoursAgo: 40,
    description: 'Data gap in the online monitoring platform yesterday between 14:00 and 16:00.',
    steps: [
      repeat('cs-li-na', 'web', 4, 'Customer sent screenshots of the gap through the portal.'),
      repeat('cs-wang-fang', 'hotline', 20, 'Customer called again: the monthly report is due.'),
    ],
  },
  {
    owner: 'cs-chen-xiaoyu', customerId: 'c-sx-water', channel: 'fax', kind: 'inquiry', hoursAgo: 2,
    description: 'Requests the calibration certificates of the turbidity sensors for the annual audit.',
    steps: [],
  },
  // Jinhua Water
  {
    owner: 'ts-huang-lei', customerId: 'c-jh-water', projectId: 'p-jh-meters', channel: 'on-site', kind: 'service-request', hoursAgo: 50,
    description: 'Smart meters of batch 12 in Wucheng district stopped reporting after the firmware update.',
    steps: [resolveBy('ts-huang-lei', 'Rolled the batch back to firmware 2.3.1; all meters report again.', { liaisonFormFiled: false })],
  },
  {
    owner: 'cs-wang-fang', customerId: 'c-jh-water', projectId: 'p-jh-meters', channel: 'hotline', kind: 'complaint', hoursAgo: 10, whileManagerAbsent: true,
    description: 'Residents complain that their meter readings doubled after the meter replacement.',
    steps: [
      toBd('cs-wang-fang', 'billing dispute on the roll-out project', 'bd-wu-ting'),
      repeat('cs-wang-fang', 'hotline', 3, 'Water company customer office called again, more residents affected.'),
    ],
  },
  {
    owner: 'cs-li-na', customerId: 'c-jh-water', projectId: 'p-jh-meters', channel: 'email', kind: 'inquiry', hoursAgo: 140,
    description: 'Asks for the delivery schedule of the phase 2 meters.',
    steps: [toBd('cs-li-na', 'delivery schedule'), resolveBy('bd-zhang-jun', 'Sent the delivery plan: four lots, the first in two weeks.')],
  },
  {
    owner: 'cs-chen-xiaoyu', customerId: 'c-jh-water', projectId: 'p-jh-meters', channel: 'hotline', kind: 'service-request', hoursAgo: 6,
    description: 'Data concentrator at the Jindong district substation is offline.',
    steps: [toTs('cs-chen-xiaoyu')],
  },
  // Zhejiang Provincial People's Hospital
  {
    owner: 'cs-li-na', customerId: 'c-zj-hosp', projectId: 'p-zjh-nursecall', channel: 'hotline', kind: 'service-request', hoursAgo: 75, major: true,
    description: 'Ward 7 East: nurse-call terminals do not ring at the nurse station.',
    steps: [
      toTs('cs-li-na', 'patient safety: needs an engineer at once'),
      resolveBy('ts-wang-wei', 'Replaced the ward 7 East bus power supply; all terminals tested.', { emergency: true, liaisonFormFiled: false }),
      { do: 'liaison', by: 'ts-wang-wei', formReference: 'LF-2025-044' },
    ],
  },
  {
    owner: 'cs-wang-fang', customerId: 'c-zj-hosp', projectId: 'p-zjh-gas', channel: 'hotline', kind: 'service-request', hoursAgo: 28,
    description: 'Medical oxygen pressure alarm on floor 5 gives false alarms at night.',
    steps: [toTs('cs-wang-fang'), repeat('cs-chen-xiaoyu', 'hotline', 14, 'Night shift reports two more false alarms.')],
  },
  {
    owner: 'cs-chen-xiaoyu', customerId: 'c-zj-hosp', channel: 'email', kind: 'inquiry', hoursAgo: 48,
    description: 'Equipment department asks for the report of the last quarterly inspection.',
    steps: [resolveBy('cs-chen-xiaoyu', 'Sent the signed inspection report by e-mail.')],
  },
  {
    owner: 'cs-li-na', customerId: 'c-zj-hosp', channel: 'web', kind: 'complaint', hoursAgo: 110,
    description: 'The engineer arrived three hours after the agreed response time on Tuesday.',
    steps: [toBd('cs-li-na', 'service level breach, contract penalty'), resolveBy('bd-zhang-jun', 'Apologised; the response-time penalty is credited on the next invoice.')],
  },
  {
    owner: 'off-zhou-jing', customerId: 'c-zj-hosp', projectId: 'p-zjh-nursecall', channel: 'fax', kind: 'service-request', hoursAgo: 9, whileManagerAbsent: true,
    description: 'Request to add 12 beds on the Wangjiangshan campus to the nurse-call system.',
    steps: [toBd('off-zhou-jing', 'change request needs a quotation', 'bd-wu-ting')],
  },
  {
    owner: 'cs-wang-fang', customerId: 'c-zj-hosp', projectId: 'p-zjh-nursecall', channel: 'hotline', kind: 'complaint', hoursAgo: 4, major: true,
    description: 'Main campus: nurse-call outage on three wards during the night shift.',
    steps: [
      toTs('cs-wang-fang', 'outage on several wards'),
      repeat('cs-wang-fang', 'hotline', 1, 'Head nurse called: still down on ward 5.'),
      repeat('cs-li-na', 'on-site', 3, 'Hospital duty manager came to our office.'),
    ],
  },
  // Wenzhou hospital
  {
    owner: 'cs-chen-xiaoyu', customerId: 'c-wz-hosp', projectId: 'p-wzh-bms', channel: 'hotline', kind: 'service-request', hoursAgo: 36, major: true,
    description: 'Operating theatre 3: the air handling unit shows a fault on the BMS dashboard.',
    steps: [toTs('cs-chen-xiaoyu', 'operating theatre affected'), resolveBy('ts-liu-yang', 'Replaced the AHU supply fan contactor; theatre back in use.', { emergency: true })],
  },
  {
    owner: 'cs-wang-fang', customerId: 'c-wz-hosp', projectId: 'p-wzh-bms', channel: 'email', kind: 'inquiry', hoursAgo: 44,
    description: 'How do we add users to the BMS web portal?',
    steps: [resolveBy('cs-wang-fang', 'Sent the admin guide and created the first two accounts.')],
  },
  {
    owner: 'off-zhou-jing', customerId: 'c-wz-hosp', projectId: 'p-wzh-bms', channel: 'letter', kind: 'complaint', hoursAgo: 130,
    description: 'Letter from the hospital logistics office about repeated BMS outages this month.',
    steps: [toTs('off-zhou-jing', 'technical analysis first'), toBd('ts-wang-wei', 'root cause found, contract extension to be negotiated')],
  },
  {
    owner: 'cs-li-na', customerId: 'c-wz-hosp', channel: 'hotline', kind: 'service-request', hoursAgo: 66,
    description: 'Fuxue Lane campus: the chiller plant does not start in automatic mode.',
    steps: [
      repeat('cs-li-na', 'hotline', 2, 'Facilities called again, running the chillers by hand.'),
      toTs('cs-li-na'),
      resolveBy('ts-huang-lei', 'Outdoor temperature sensor failed; replaced, automatic start works.', { liaisonFormFiled: false }),
    ],
  },
  {
    owner: 'cs-chen-xiaoyu', customerId: 'c-wz-hosp', projectId: 'p-wzh-bms', channel: 'web', kind: 'inquiry', hoursAgo: 1,
    description: 'Asks for the spare-parts list of the BMS controllers.',
    steps: [],
  },
  // Xuejun High School
  {
    owner: 'cs-wang-fang', customerId: 'c-xj-school', projectId: 'p-xj-campus', channel: 'web', kind: 'service-request', hoursAgo: 90,
    description: 'Wi-Fi in the Xixi campus library drops every few minutes.',
    steps: [toTs('cs-wang-fang'), resolveBy('ts-liu-yang', 'Moved two access points off a congested channel and updated their firmware.')],
  },
  {
    owner: 'cs-li-na', customerId: 'c-xj-school', projectId: 'p-xj-campus', channel: 'hotline', kind: 'inquiry', hoursAgo: 22,
    description: 'The IT teacher asks whether guest Wi-Fi can be limited to the exam rooms.',
    steps: [resolveBy('cs-li-na', 'Yes: explained the per-room SSID schedule in the controller.')],
  },
  {
    owner: 'cs-chen-xiaoyu', customerId: 'c-xj-school', projectId: 'p-xj-campus', channel: 'email', kind: 'service-request', hoursAgo: 34,
    description: 'Please configure the network for the new Zijingang campus computer lab (40 PCs).',
    steps: [toTs('cs-chen-xiaoyu', 'installation work')],
  },
  {
    owner: 'cs-wang-fang', customerId: 'c-xj-school', projectId: 'p-xj-campus', channel: 'hotline', kind: 'complaint', hoursAgo: 14,
    description: 'The core switch replaced last month failed again; classes were disrupted all morning.',
    steps: [
      toTs('cs-wang-fang', 'repeat hardware failure'),
      { do: 'major', by: 'cs-li-na', reason: 'Second failure in a month; the principal has written to us.' },
      repeat('cs-wang-fang', 'email', 5, 'Principal asks for a written root-cause report.'),
    ],
  },
  // Jiaxing No. 1 Middle School
  {
    owner: 'ts-liu-yang', customerId: 'c-jx-school', projectId: 'p-jx-av', channel: 'on-site', kind: 'service-request', hoursAgo: 18,
    description: 'Projector in classroom 3-204 shows no image from the teacher PC.',
    steps: [resolveBy('ts-liu-yang', 'Replaced the HDMI wall plate; tested with the teacher.')],
  },
  {
    owner: 'off-zhou-jing', customerId: 'c-jx-school', channel: 'fax', kind: 'inquiry', hoursAgo: 120,
    description: 'Requests a quotation for ten more smart classroom sets.',
    steps: [toBd('off-zhou-jing', 'quotation'), resolveBy('bd-zhang-jun', 'Quotation JX-2025-07 sent; valid for 60 days.')],
  },
  {
    owner: 'cs-li-na', customerId: 'c-jx-school', projectId: 'p-jx-av', channel: 'hotline', kind: 'service-request', hoursAgo: 7,
    description: 'Interactive whiteboard in classroom 2-105 lost its calibration.',
    steps: [resolveBy('cs-li-na', 'Talked the teacher through the recalibration on the phone.')],
  },
  {
    owner: 'cs-chen-xiaoyu', customerId: 'c-jx-school', projectId: 'p-jx-av', channel: 'web', kind: 'complaint', hoursAgo: 58,
    description: 'The AV control panel app crashes on the school tablets.',
    steps: [
      toTs('cs-chen-xiaoyu', 'software fault'),
      repeat('cs-chen-xiaoyu', 'hotline', 24, 'Teachers still cannot start the projectors from the tablets.'),
      resolveBy('ts-huang-lei', 'Installed app version 4.2 with the crash fix on all 36 tablets.'),
    ],
  },
];

export interface TicketsSummary {
  skipped: boolean;
  /** Demo tickets there before this run. */
  before: number;
  tickets: number;
  transfers: number;
  viaAlternate: number;
  resolved: number;
  atFirstContact: number;
  liaisonPending: number;
  liaisonFiled: number;
  repeatContacts: number;
  major: number;
  emergency: number;
  byChannel: Record<string, number>;
  byKind: Record<string, number>;
}

async function runTicket(api: StaffDemoApi, plan: TicketPlan, stats: TicketsSummary): Promise<void> {
  const token = (staffId: StaffId): string => api.token(staffId);
  const receivedMs = Date.now() - plan.hoursAgo * 3_600_000;
  const registered = await must(
    `register ticket "${plan.description.slice(0, 40)}…"`,
    api.call('POST', '/service-desk/tickets', token(plan.owner), {
      channel: plan.channel,
      kind: plan.kind,
      customerId: plan.customerId,
      projectId: plan.projectId,
      description: plan.description,
      receivedAt: chinaTime(receivedMs),
      major: plan.major,
    }),
  );
  const id = String(field(registered.body, 'id'));
  stats.tickets++;
  if (plan.major) stats.major++;
  stats.byChannel[plan.channel] = (stats.byChannel[plan.channel] ?? 0) + 1;
  stats.byKind[plan.kind] = (stats.byKind[plan.kind] ?? 0) + 1;
  let transferred = false;
  let pending = false;
  for (const step of plan.steps) {
    const path = `/service-desk/tickets/${id}`;
    switch (step.do) {
      case 'repeat': {
        const at = Math.min(receivedMs + step.hoursAfter * 3_600_000, Date.now() - 60_000);
        await must('repeat contact', api.call('POST', `${path}/repeat-contacts`, token(step.by), { channel: step.channel, contactedAt: chinaTime(at), note: step.note }));
        stats.repeatContacts++;
        break;
      }
      case 'transfer':
        await must(
          `transfer to ${step.to}`,
          api.call('POST', `${path}/transfer`, token(step.by), { reason: step.reason, targetDepartment: step.to, alternateStaffId: step.alternate }),
        );
        stats.transfers++;
        if (step.alternate) stats.viaAlternate++;
        transferred = true;
        break;
      case 'major':
        await must('flag major', api.call('POST', `${path}/major`, token(step.by), { reason: step.reason }));
        stats.major++;
        break;
      case 'resolve':
        await must(
          'resolve',
          api.call('POST', `${path}/resolve`, token(step.by), { resolution: step.resolution, liaisonFormFiled: step.liaisonFormFiled, emergency: step.emergency }),
        );
        stats.resolved++;
        if (!transferred && step.by === plan.owner) stats.atFirstContact++;
        if (step.emergency) stats.emergency++;
        pending = step.liaisonFormFiled === false;
        break;
      case 'liaison':
        await must('file liaison form', api.call('POST', `${path}/liaison-form`, token(step.by), { formReference: step.formReference }));
        stats.liaisonFiled++;
        pending = false;
        break;
    }
  }
  if (pending) stats.liaisonPending++;
}

/**
 * Registers and works the demo tickets, unless the demo user already owns some (`again`: add
 * another set). Leaves the business-dept manager marked absent either way.
 */
export async function seedTickets(api: StaffDemoApi, options: { again?: boolean } = {}): Promise<TicketsSummary> {
  const admin = api.token(ADMIN);
  const ticketsBefore = await total(api, '/service-desk/tickets?pageSize=1', admin);
  const before = await total(api, `/service-desk/tickets?pageSize=1&owner=${DEMO_USER}`, admin);
  const stats: TicketsSummary = {
    skipped: !(before === 0 || options.again === true),
    before,
    tickets: 0,
    transfers: 0,
    viaAlternate: 0,
    resolved: 0,
    atFirstContact: 0,
    liaisonPending: 0,
    liaisonFiled: 0,
    repeatContacts: 0,
    major: 0,
    emergency: 0,
    byChannel: {},
    byKind: {},
  };
  if (stats.skipped) {
    await setManagerAbsence(api, true);
    return stats;
  }
  // Transfers read the staff register, so the absence must be recorded (and visible) first.
  await setManagerAbsence(api, false);
  for (const plan of TICKETS.filter((t) => !t.whileManagerAbsent)) await runTicket(api, plan, stats);
  await setManagerAbsence(api, true);
  for (const plan of TICKETS.filter((t) => t.whileManagerAbsent)) await runTicket(api, plan, stats);
  await eventually('tickets', async () => (await total(api, '/service-desk/tickets?pageSize=1', admin)) >= ticketsBefore + stats.tickets);
  return stats;
}
