import type { Role } from '@ebp/shared-auth';
import { ensure, eventually, items, must, type StaffDemoApi } from './demo-support';

/*
 * The service desk's reference data — departments (through their staff), staff, customers with
 * sites and projects — registered through the public HTTP API. Data that already exists (409) is
 * left alone, so the demo can be re-run.
 */

export type Department = 'customer-service' | 'technical-service' | 'business-dept' | 'office' | 'management';

export interface StaffPlan {
  staffId: string;
  name: string;
  department: Department;
  roles: Role[];
  isDepartmentManager?: boolean;
  title: string;
}

export const STAFF: StaffPlan[] = [
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

export type StaffId = (typeof STAFF)[number]['staffId'];

/** The manager who is away: transfers into business-dept then go to a named colleague (SD-3). */
export const ABSENT_MANAGER = { staffId: 'bd-zhang-jun', reason: 'business trip to Wenzhou until Friday' };
/** The user the demo suggests exploring as. */
export const DEMO_USER = 'cs-li-na';
/** Registers the reference data (office role). */
export const ADMIN = 'off-sun-li';

interface CustomerPlan {
  customerId: string;
  name: string;
  contact: { person: string; phone: string; email: string; address: string };
  sites: { siteId: string; name: string; address: string; responseTimeMinutes: number }[];
}

export const CUSTOMERS: CustomerPlan[] = [
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

export const PROJECTS: ProjectPlan[] = [
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

/** The roles of a demo staff member's plan (none for an unknown id). */
export function rolesOf(staffId: string): readonly Role[] {
  return STAFF.find((s) => s.staffId === staffId)?.roles ?? [];
}

export interface DirectoryTally {
  staff: { created: number; existing: number };
  customers: { created: number; existing: number };
  projects: { created: number; existing: number };
}

export async function staffView(api: StaffDemoApi): Promise<Record<string, unknown>[]> {
  return items(api, '/service-desk/staff', api.token(ADMIN));
}

async function known(api: StaffDemoApi, path: string, ids: string[], key: string): Promise<boolean> {
  const seen = new Set((await items(api, path, api.token(ADMIN))).map((i) => i[key]));
  return ids.every((id) => seen.has(id));
}

/** Staff, customers and projects; returns when the read models show all of them. */
export async function seedDirectory(api: StaffDemoApi): Promise<DirectoryTally> {
  const admin = api.token(ADMIN);
  const tally: DirectoryTally = { staff: { created: 0, existing: 0 }, customers: { created: 0, existing: 0 }, projects: { created: 0, existing: 0 } };
  // Departments exist through their staff; the responsible manager of each is flagged.
  for (const s of STAFF) {
    const dto = { staffId: s.staffId, name: s.name, department: s.department, roles: s.roles, isDepartmentManager: s.isDepartmentManager };
    tally.staff[await ensure(`register staff ${s.staffId}`, api.call('POST', '/service-desk/staff', admin, dto))]++;
  }
  for (const c of CUSTOMERS) {
    tally.customers[await ensure(`register customer ${c.customerId}`, api.call('POST', '/service-desk/customers', admin, c))]++;
  }
  // Projects and tickets are checked against the read models, which follow the event store.
  await eventually('customers', () => known(api, '/service-desk/customers?pageSize=500', CUSTOMERS.map((c) => c.customerId), 'customerId'));
  for (const p of PROJECTS) {
    tally.projects[await ensure(`register project ${p.projectId}`, api.call('POST', '/service-desk/projects', admin, p))]++;
  }
  await eventually('staff', async () => {
    const ids = new Set((await staffView(api)).map((s) => s['staffId']));
    return STAFF.every((s) => ids.has(s.staffId));
  });
  await eventually('projects', () => known(api, '/service-desk/projects?pageSize=500', PROJECTS.map((p) => p.projectId), 'projectId'));
  return tally;
}

/** Marks the business-dept manager absent or back, and waits until the staff register shows it. */
export async function setManagerAbsence(api: StaffDemoApi, absent: boolean): Promise<void> {
  await must(
    `mark ${ABSENT_MANAGER.staffId} ${absent ? 'absent' : 'present'}`,
    api.call('PUT', `/service-desk/staff/${ABSENT_MANAGER.staffId}/absence`, api.token(ADMIN), absent ? { absent, reason: ABSENT_MANAGER.reason } : { absent }),
  );
  await eventually(`${ABSENT_MANAGER.staffId} ${absent ? 'absent' : 'present'}`, async () =>
    (await staffView(api)).some((s) => s['staffId'] === ABSENT_MANAGER.staffId && s['absent'] === absent),
  );
}
