import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { issueToken, resolveJwtSecret, type Role } from '@ebp/shared-auth';
import type { TicketChannel, TicketKind } from '@ebp/service-desk-domain';
import { seedCallbacks } from './callbacks.demo';
import { seedDuty } from './duty.demo';
import { seedLadder } from './ladder.demo';
import { seedFaults } from './faults.demo';
import { seedProactive } from './proactive.demo';
import { seedReport } from './report.demo';

/*
 * `npm run demo`: fills a running platform with a realistic service-desk data set through the
 * public HTTP API — departments, staff, customers with sites, projects and ~40 tickets in every
 * state — then prints a summary and a token to explore it with.
 *
 *   BASE_URL      platform address (default http://127.0.0.1:3000)
 *   DATA_DIR      the platform's data directory, for its signing secret (default ./data)
 *   JWT_SECRET    the signing secret, if the platform was started with one
 *   DEMO_TICKETS  'again' registers another set of tickets when the demo ran before
 *
 * Reference data that already exists (409) is left alone, so the demo can be re-run.
 */

const BASE_URL = (process.env['BASE_URL'] ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const DATA_DIR = resolve(process.env['DATA_DIR'] ?? './data');

class DemoError extends Error {}

// ───────────────────────────── reference data ─────────────────────────────

type Department = 'customer-service' | 'technical-service' | 'business-dept' | 'office' | 'management';

interface StaffPlan {
  staffId: string;
  name: string;
  department: Department;
  roles: Role[];
  isDepartmentManager?: boolean;
  title: string;
}

const STAFF: StaffPlan[] = [
  { staffId: 'gm-zhao-min', name: 'Zhao Min', department: 'management', roles: ['general-manager'], isDepartmentManager: true, title: 'general manager' },
  { staffId: 'off-sun-li', name: 'Sun Li', department: 'office', roles: ['office'], isDepartmentManager: true, title: 'office manager' },
  { staffId: 'off-zhou-jing', name: 'Zhou Jing', department: 'office', roles: ['office', 'hr-manager'], title: 'office clerk, HR' },
  { staffId: 'cs-li-na', name: 'Li Na', department: 'customer-service', roles: ['customer-service'], isDepartmentManager: true, title: 'customer service manager' },
  { staffId: 'cs-wang-fang', name: 'Wang Fang', department: 'customer-service', roles: ['customer-service'], title: 'hotline agent' },
  { staffId: 'cs-chen-xiaoyu', name: 'Chen Xiaoyu', department: 'customer-service', roles: ['customer-service'], title: 'hotline agent' },
  { staffId: 'ts-wang-wei', name: 'Wang Wei', department: 'technical-service', roles: ['technical-service'], isDepartmentManager: true, title: 'technical service manager' },
  { staffId: 'ts-liu-yang', name: 'Liu Yang', department: 'technical-service', roles: ['technical-service'], title: 'field engineer' },
  { staffId: 'ts-huang-lei', name: 'Huang Lei', department: 'technical-service', roles: ['technical-service'], title: 'field engineer' },
  { staffId: 'bd-zhang-jun', name: 'Zhang Jun', department: 'business-dept', roles: ['business-dept'], isDepartmentManager: true, title: 'business department manager' },
  { staffId: 'bd-wu-ting', name: 'Wu Ting', department: 'business-dept', roles: ['business-dept', 'project-manager'], title: 'project manager' },
  { staffId: 'bd-xu-hao', name: 'Xu Hao', department: 'business-dept', roles: ['business-dept'], title: 'account manager' },
];

type StaffId = (typeof STAFF)[number]['staffId'];

/** The manager who is away: transfers into business-dept then go to a named colleague (SD-3). */
const ABSENT_MANAGER = { staffId: 'bd-zhang-jun', reason: 'business trip to Wenzhou until Friday' };
const DEMO_USER = 'cs-li-na';

interface CustomerPlan {
  customerId: string;
  name: string;
  contact: { person: string; phone: string; email: string; address: string };
  sites: { siteId: string; name: string; address: string; responseTimeMinutes: number }[];
}

const CUSTOMERS: CustomerPlan[] = [
  {
    customerId: 'c-hz-water',
    name: 'Hangzhou Water Supply Co., Ltd.',
    contact: { person: 'Fang Qiang', phone: '0571-8702-1180', email: 'fang.qiang@hzwater.example.cn', address: '305 Huancheng North Road, Gongshu District, Hangzhou' },
    sites: [
      { siteId: 'qingchun', name: 'Qingchun Road Water Plant', address: 'Shangcheng District, Hangzhou', responseTimeMinutes: 120 },
      { siteId: 'jiuxi', name: 'Jiuxi Water Plant', address: 'Xihu District, Hangzhou', responseTimeMinutes: 90 },
      { siteId: 'nanxing', name: 'Nanxing Water Plant', address: 'Shangcheng District, Hangzhou', responseTimeMinutes: 120 },
    ],
  },
  {
    customerId: 'c-nb-water',
    name: 'Ningbo Water Supply Co., Ltd.',
    contact: { person: 'Chen Hao', phone: '0574-8732-4410', email: 'chen.hao@nbwater.example.cn', address: '88 Zhongshan West Road, Haishu District, Ningbo' },
    sites: [
      { siteId: 'maoshan', name: 'Maoshan Water Plant', address: 'Yinzhou District, Ningbo', responseTimeMinutes: 180 },
      { siteId: 'dongqian', name: 'Dongqian Lake Pumping Station', address: 'Yinzhou District, Ningbo', responseTimeMinutes: 180 },
    ],
  },
  {
    customerId: 'c-sx-water',
    name: 'Shaoxing Water Environment Group',
    contact: { person: 'Jin Yan', phone: '0575-8513-2270', email: 'jin.yan@sxwater.example.cn', address: '9 Renmin Middle Road, Yuecheng District, Shaoxing' },
    sites: [
      { siteId: 'pingshui', name: 'Pingshui Water Plant', address: 'Yuecheng District, Shaoxing', responseTimeMinutes: 180 },
      { siteId: 'keqiao', name: 'Keqiao Water Treatment Plant', address: 'Keqiao District, Shaoxing', responseTimeMinutes: 240 },
    ],
  },
  {
    customerId: 'c-jh-water',
    name: 'Jinhua Municipal Water Group',
    contact: { person: 'Ye Bin', phone: '0579-8231-6605', email: 'ye.bin@jhwater.example.cn', address: '1 Bayi South Street, Wucheng District, Jinhua' },
    sites: [
      { siteId: 'wucheng', name: 'Wucheng District Metering Office', address: 'Wucheng District, Jinhua', responseTimeMinutes: 240 },
      { siteId: 'jindong', name: 'Jindong District Substation', address: 'Jindong District, Jinhua', responseTimeMinutes: 240 },
    ],
  },
  {
    customerId: 'c-zj-hosp',
    name: "Zhejiang Provincial People's Hospital",
    contact: { person: 'Xu Mei', phone: '0571-8589-3316', email: 'equipment@zjhosp.example.cn', address: '158 Shangtang Road, Gongshu District, Hangzhou' },
    sites: [
      { siteId: 'main', name: 'Main campus, Shangtang Road', address: '158 Shangtang Road, Hangzhou', responseTimeMinutes: 60 },
      { siteId: 'wangjiang', name: 'Wangjiangshan campus', address: 'Xihu District, Hangzhou', responseTimeMinutes: 90 },
    ],
  },
  {
    customerId: 'c-wz-hosp',
    name: 'First Affiliated Hospital of Wenzhou Medical University',
    contact: { person: 'Pan Jie', phone: '0577-5557-9021', email: 'logistics@wzhosp.example.cn', address: 'Nanbaixiang, Ouhai District, Wenzhou' },
    sites: [
      { siteId: 'nanbaixiang', name: 'Nanbaixiang campus', address: 'Ouhai District, Wenzhou', responseTimeMinutes: 120 },
      { siteId: 'fuxue', name: 'Fuxue Lane campus', address: 'Lucheng District, Wenzhou', responseTimeMinutes: 120 },
    ],
  },
  {
    customerId: 'c-xj-school',
    name: 'Hangzhou Xuejun High School',
    contact: { person: 'Shen Lin', phone: '0571-8796-0542', email: 'it@xuejun.example.cn', address: '90 Wensan Road, Xihu District, Hangzhou' },
    sites: [
      { siteId: 'xixi', name: 'Xixi campus', address: 'Xihu District, Hangzhou', responseTimeMinutes: 240 },
      { siteId: 'zijingang', name: 'Zijingang campus', address: 'Xihu District, Hangzhou', responseTimeMinutes: 240 },
    ],
  },
  {
    customerId: 'c-jx-school',
    name: 'Jiaxing No. 1 Middle School',
    contact: { person: 'Zhu Wen', phone: '0573-8208-3319', email: 'office@jxyz.example.cn', address: '1 Zhongshan East Road, Nanhu District, Jiaxing' },
    sites: [{ siteId: 'main', name: 'Main campus', address: 'Nanhu District, Jiaxing', responseTimeMinutes: 240 }],
  },
];

interface ProjectPlan {
  projectId: string;
  name: string;
  customerId: string;
  businessSignerId: StaffId;
}

const PROJECTS: ProjectPlan[] = [
  { projectId: 'p-hz-scada', name: 'Qingchun Road plant SCADA upgrade', customerId: 'c-hz-water', businessSignerId: 'bd-wu-ting' },
  { projectId: 'p-hz-leak', name: 'Gongshu district metering and leak detection', customerId: 'c-hz-water', businessSignerId: 'bd-xu-hao' },
  { projectId: 'p-nb-pumps', name: 'Maoshan pump station automation', customerId: 'c-nb-water', businessSignerId: 'bd-wu-ting' },
  { projectId: 'p-sx-quality', name: 'Online water quality monitoring', customerId: 'c-sx-water', businessSignerId: 'bd-xu-hao' },
  { projectId: 'p-jh-meters', name: 'Smart water meter roll-out, phase 2', customerId: 'c-jh-water', businessSignerId: 'bd-zhang-jun' },
  { projectId: 'p-zjh-nursecall', name: 'Nurse-call system renewal', customerId: 'c-zj-hosp', businessSignerId: 'bd-wu-ting' },
  { projectId: 'p-zjh-gas', name: 'Medical gas alarm monitoring', customerId: 'c-zj-hosp', businessSignerId: 'bd-zhang-jun' },
  { projectId: 'p-wzh-bms', name: 'Building management system', customerId: 'c-wz-hosp', businessSignerId: 'bd-xu-hao' },
  { projectId: 'p-xj-campus', name: 'Campus network and Wi-Fi', customerId: 'c-xj-school', businessSignerId: 'bd-wu-ting' },
  { projectId: 'p-jx-av', name: 'Smart classroom audio-visual', customerId: 'c-jx-school', businessSignerId: 'bd-xu-hao' },
];

// ───────────────────────────── tickets ─────────────────────────────

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

// ───────────────────────────── HTTP ─────────────────────────────

interface Reply {
  status: number;
  body: unknown;
}

async function call(method: string, path: string, token?: string, body?: unknown): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(BASE_URL + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    // keep the text
  }
  return { status: response.status, body: parsed };
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function describe(reply: Reply): string {
  const message = field(reply.body, 'message');
  return `HTTP ${reply.status}${message ? `: ${Array.isArray(message) ? message.join('; ') : String(message)}` : ` ${JSON.stringify(reply.body)}`}`;
}

async function must(what: string, reply: Promise<Reply>, ok: number[] = [200, 201]): Promise<Reply> {
  const r = await reply;
  if (!ok.includes(r.status)) throw new DemoError(`${what} failed: ${describe(r)}`);
  return r;
}

/** Reference data: 201 created, 409 already there (a re-run), anything else stops the demo. */
async function ensure(what: string, reply: Promise<Reply>): Promise<'created' | 'existing'> {
  const r = await must(what, reply, [201, 409]);
  return r.status === 201 ? 'created' : 'existing';
}

async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new DemoError(`timed out waiting for ${what} to show in the read models`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function total(path: string, token: string): Promise<number> {
  const r = await must(`GET ${path}`, call('GET', path, token));
  const value = field(r.body, 'total');
  return typeof value === 'number' ? value : NaN;
}

/** ISO 8601 in China Standard Time (+08:00), as the customers would write it. */
function chinaTime(ms: number): string {
  const shifted = new Date(ms + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}

// ───────────────────────────── the demo ─────────────────────────────

function signingSecret(): string {
  if (process.env['JWT_SECRET']) return process.env['JWT_SECRET'];
  if (!existsSync(join(DATA_DIR, 'jwt-secret'))) {
    throw new DemoError(
      `no signing secret: ${join(DATA_DIR, 'jwt-secret')} does not exist and JWT_SECRET is not set.\n` +
        `Run the demo with the platform's data directory (DATA_DIR=/path/to/data npm run demo) or its JWT_SECRET.`,
    );
  }
  return resolveJwtSecret(DATA_DIR, undefined);
}

async function checkPlatform(): Promise<void> {
  let ready: Reply;
  try {
    ready = await call('GET', '/health/ready');
  } catch (error) {
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new DemoError(
      `The platform is not reachable at ${BASE_URL} (${reason}).\n` +
        `Start it first, e.g. in another terminal:\n\n` +
        `    npm start                                  # http://127.0.0.1:3000, data in ./data\n` +
        `    DATA_DIR=/tmp/ebp-demo PORT=3999 npm start # elsewhere\n\n` +
        `then run \`npm run demo\` again (with BASE_URL=http://127.0.0.1:<port> and the same DATA_DIR if you changed them).`,
    );
  }
  if (ready.status !== 200) throw new DemoError(`The platform at ${BASE_URL} is not ready: ${describe(ready)}`);
}

async function main(): Promise<void> {
  await checkPlatform();
  const secret = signingSecret();
  const tokens = new Map(STAFF.map((s) => [s.staffId, issueToken(secret, { userId: s.staffId, roles: s.roles })]));
  const token = (staffId: StaffId): string => tokens.get(staffId)!;
  const admin = token('off-sun-li');

  const probe = await call('GET', '/service-desk/staff', admin);
  if (probe.status === 401) {
    throw new DemoError(
      `The platform at ${BASE_URL} rejected a token signed with the secret from ${process.env['JWT_SECRET'] ? 'JWT_SECRET' : join(DATA_DIR, 'jwt-secret')}.\n` +
        `Point DATA_DIR at the platform's data directory (or set the JWT_SECRET it was started with).`,
    );
  }
  console.log(`Filling ${BASE_URL} with demo data …`);

  // Departments exist through their staff; the responsible manager of each is flagged.
  const tally = { staff: { created: 0, existing: 0 }, customers: { created: 0, existing: 0 }, projects: { created: 0, existing: 0 } };
  for (const s of STAFF) {
    const dto = { staffId: s.staffId, name: s.name, department: s.department, roles: s.roles, isDepartmentManager: s.isDepartmentManager };
    tally.staff[await ensure(`register staff ${s.staffId}`, call('POST', '/service-desk/staff', admin, dto))]++;
  }
  for (const c of CUSTOMERS) {
    tally.customers[await ensure(`register customer ${c.customerId}`, call('POST', '/service-desk/customers', admin, c))]++;
  }
  const staffView = async (): Promise<Record<string, unknown>[]> => {
    const r = await must('GET /service-desk/staff', call('GET', '/service-desk/staff', admin));
    const items = field(r.body, 'items');
    return Array.isArray(items) ? (items as Record<string, unknown>[]) : [];
  };
  const known = async (path: string, ids: string[], key: string): Promise<boolean> => {
    const r = await must(`GET ${path}`, call('GET', path, admin));
    const items = field(r.body, 'items');
    const seen = new Set(Array.isArray(items) ? (items as Record<string, unknown>[]).map((i) => i[key]) : []);
    return ids.every((id) => seen.has(id));
  };
  // Projects and tickets are checked against the read models, which follow the event store.
  await eventually('customers', () => known('/service-desk/customers?pageSize=500', CUSTOMERS.map((c) => c.customerId), 'customerId'));
  for (const p of PROJECTS) {
    tally.projects[await ensure(`register project ${p.projectId}`, call('POST', '/service-desk/projects', admin, p))]++;
  }
  await eventually('staff', async () => {
    const ids = new Set((await staffView()).map((s) => s['staffId']));
    return STAFF.every((s) => ids.has(s.staffId));
  });
  await eventually('projects', () => known('/service-desk/projects?pageSize=500', PROJECTS.map((p) => p.projectId), 'projectId'));

  const setAbsence = async (absent: boolean): Promise<void> => {
    await must(
      `mark ${ABSENT_MANAGER.staffId} ${absent ? 'absent' : 'present'}`,
      call('PUT', `/service-desk/staff/${ABSENT_MANAGER.staffId}/absence`, admin, absent ? { absent, reason: ABSENT_MANAGER.reason } : { absent }),
    );
    await eventually(`${ABSENT_MANAGER.staffId} ${absent ? 'absent' : 'present'}`, async () =>
      (await staffView()).some((s) => s['staffId'] === ABSENT_MANAGER.staffId && s['absent'] === absent),
    );
  };

  const ticketsBefore = await total('/service-desk/tickets?pageSize=1', admin);
  const demoTicketsBefore = await total(`/service-desk/tickets?pageSize=1&owner=${DEMO_USER}`, admin);
  const runTickets = demoTicketsBefore === 0 || process.env['DEMO_TICKETS'] === 'again';
  const stats = { tickets: 0, transfers: 0, viaAlternate: 0, resolved: 0, atFirstContact: 0, liaisonPending: 0, liaisonFiled: 0, repeatContacts: 0, major: 0, emergency: 0 };
  const byChannel = new Map<string, number>();
  const byKind = new Map<string, number>();

  const runTicket = async (plan: TicketPlan): Promise<void> => {
    const receivedMs = Date.now() - plan.hoursAgo * 3_600_000;
    const registered = await must(
      `register ticket "${plan.description.slice(0, 40)}…"`,
      call('POST', '/service-desk/tickets', token(plan.owner), {
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
    byChannel.set(plan.channel, (byChannel.get(plan.channel) ?? 0) + 1);
    byKind.set(plan.kind, (byKind.get(plan.kind) ?? 0) + 1);
    let transferred = false;
    let pending = false;
    for (const step of plan.steps) {
      const path = `/service-desk/tickets/${id}`;
      switch (step.do) {
        case 'repeat': {
          const at = Math.min(receivedMs + step.hoursAfter * 3_600_000, Date.now() - 60_000);
          await must('repeat contact', call('POST', `${path}/repeat-contacts`, token(step.by), { channel: step.channel, contactedAt: chinaTime(at), note: step.note }));
          stats.repeatContacts++;
          break;
        }
        case 'transfer':
          await must(
            `transfer to ${step.to}`,
            call('POST', `${path}/transfer`, token(step.by), { reason: step.reason, targetDepartment: step.to, alternateStaffId: step.alternate }),
          );
          stats.transfers++;
          if (step.alternate) stats.viaAlternate++;
          transferred = true;
          break;
        case 'major':
          await must('flag major', call('POST', `${path}/major`, token(step.by), { reason: step.reason }));
          stats.major++;
          break;
        case 'resolve':
          await must(
            'resolve',
            call('POST', `${path}/resolve`, token(step.by), { resolution: step.resolution, liaisonFormFiled: step.liaisonFormFiled, emergency: step.emergency }),
          );
          stats.resolved++;
          if (!transferred && step.by === plan.owner) stats.atFirstContact++;
          if (step.emergency) stats.emergency++;
          pending = step.liaisonFormFiled === false;
          break;
        case 'liaison':
          await must('file liaison form', call('POST', `${path}/liaison-form`, token(step.by), { formReference: step.formReference }));
          stats.liaisonFiled++;
          pending = false;
          break;
      }
    }
    if (pending) stats.liaisonPending++;
  };

  if (runTickets) {
    // Transfers read the staff register, so the absence must be recorded (and visible) first.
    await setAbsence(false);
    for (const plan of TICKETS.filter((t) => !t.whileManagerAbsent)) await runTicket(plan);
    await setAbsence(true);
    for (const plan of TICKETS.filter((t) => t.whileManagerAbsent)) await runTicket(plan);
    await eventually('tickets', async () => (await total('/service-desk/tickets?pageSize=1', admin)) >= ticketsBefore + stats.tickets);
  } else {
    await setAbsence(true);
  }

  // The other service-desk areas, each through its own endpoints.
  const areaApi = { call, token: (staffId: string) => token(staffId as StaffId) };
  await seedCallbacks(areaApi);
  await seedDuty(areaApi);
  await seedLadder(areaApi);
  await seedFaults(areaApi);
  await seedProactive(areaApi);
  await seedReport(areaApi);

  // Summary from the read side.
  const gm = token('gm-zhao-min');
  const openTotal = await total('/service-desk/tickets?pageSize=1&status=open', admin);
  const resolvedTotal = await total('/service-desk/tickets?pageSize=1&status=resolved', admin);
  const openMajor = await total('/service-desk/general-manager/open-major?pageSize=1', gm);
  const auditTotal = await total('/audit?pageSize=1', admin);
  const staff = await staffView();
  const departments = new Map<string, string[]>();
  for (const s of staff) {
    const dept = String(s['department']);
    const label = `${String(s['name'])}${s['isDepartmentManager'] === true ? ' (manager)' : ''}${s['absent'] === true ? ' [absent]' : ''}`;
    departments.set(dept, [...(departments.get(dept) ?? []), label]);
  }
  const count = (m: Map<string, number>) => [...m].map(([k, v]) => `${k} ${v}`).join(', ');
  const lines = [
    '',
    `Demo data at ${BASE_URL}`,
    `  staff      ${tally.staff.created} registered, ${tally.staff.existing} already there`,
    ...[...departments].sort().map(([dept, names]) => `    ${dept.padEnd(18)} ${names.join(', ')}`),
    `  customers  ${tally.customers.created} registered, ${tally.customers.existing} already there (${CUSTOMERS.reduce((n, c) => n + c.sites.length, 0)} sites)`,
    `  projects   ${tally.projects.created} registered, ${tally.projects.existing} already there`,
  ];
  if (runTickets) {
    lines.push(
      `  tickets    ${stats.tickets} registered — channels: ${count(byChannel)}; kinds: ${count(byKind)}`,
      `             ${stats.major} escalated to the general manager, ${stats.transfers} transfers (${stats.viaAlternate} to an alternate while ${ABSENT_MANAGER.staffId} is absent),`,
      `             ${stats.resolved} resolved (${stats.atFirstContact} at first contact, ${stats.emergency} emergencies), ${stats.liaisonPending} with the liaison form pending, ${stats.liaisonFiled} filed later,`,
      `             ${stats.repeatContacts} repeat contacts`,
    );
  } else {
    lines.push(`  tickets    skipped: ${demoTicketsBefore} demo tickets are already there (DEMO_TICKETS=again adds another set)`);
  }
  lines.push(
    `  read side  ${openTotal} open / ${resolvedTotal} resolved tickets, ${openMajor} open major on the GM view, ${auditTotal} audit entries`,
    '',
    `Token for ${DEMO_USER} (Li Na, customer service manager), valid 12 h:`,
    '',
    `export TOKEN=${token(DEMO_USER)}`,
    '',
    `  curl -s -H "authorization: Bearer $TOKEN" ${BASE_URL}/service-desk/my-tickets`,
    `  curl -s -H "authorization: Bearer $TOKEN" '${BASE_URL}/service-desk/tickets?status=open&major=true'`,
    `  or open ${BASE_URL}/docs and "Authorize" with it. Other users: npm run token -- --user gm-zhao-min --roles general-manager`,
  );
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  if (error instanceof DemoError) console.error(`\n${error.message}`);
  else console.error(error);
  process.exit(1);
});
