import { ensure, eventually, field, must, type DemoApi, type Reply } from '@ebp/shared-nest';
import { addDays, fen, firstDayOf, formatCny, isWorkingDay, lastDayOf, previousMonth, shanghaiDate, shanghaiMonth } from '@ebp/shared-kernel';

/*
 * HR / attendance demo (the manifest's `demo`, run by `npm run demo` after the service desk's):
 * the service desk's staff get employment records (same staff ids), last month gets a full month
 * of punch-clock attendance with some lates, leave, a correction, daily reports, a complaint fine,
 * a conduct penalty, commission and a bonus, and is closed; a correction approved after the close
 * lands as an adjustment on this month, which stays open with its first days of attendance.
 * Re-runnable: existing records (409) are left alone, the import is idempotent, the close a retry.
 */

interface Hire {
  staffId: string;
  name: string;
  position: string;
  department: string;
  managerId: string | null;
  baseSalaryFen: number;
  hireDate: string;
  roles: string[];
}

const HR_MANAGER = { staffId: 'off-zhou-jing', roles: ['office', 'hr-manager'] };
const FINANCE = { staffId: 'fin-qian-yu', roles: ['finance'] };

function hires(lastMonth: string): Hire[] {
  const h = (staffId: string, name: string, position: string, department: string, managerId: string | null, yuan: number, hireDate: string, roles: string[]): Hire => ({
    staffId,
    name,
    position,
    department,
    managerId,
    baseSalaryFen: yuan * 100,
    hireDate,
    roles,
  });
  return [
    h('gm-zhao-min', 'Zhao Min', 'general manager', 'management', null, 28_000, '2019-03-01', ['general-manager']),
    h('off-sun-li', 'Sun Li', 'office manager', 'office', 'gm-zhao-min', 12_000, '2020-06-15', ['office']),
    h('off-zhou-jing', 'Zhou Jing', 'office clerk, HR', 'office', 'off-sun-li', 8_500, '2021-09-01', HR_MANAGER.roles),
    h('fin-qian-yu', 'Qian Yu', 'accountant', 'finance', 'gm-zhao-min', 9_000, '2022-02-14', FINANCE.roles),
    h('cs-li-na', 'Li Na', 'customer service manager', 'customer-service', 'gm-zhao-min', 11_000, '2020-04-01', ['customer-service']),
    h('cs-wang-fang', 'Wang Fang', 'hotline agent', 'customer-service', 'cs-li-na', 6_000, '2023-07-10', ['customer-service']),
    // Joined in the middle of last month: a prorated base and probation.
    h('cs-chen-xiaoyu', 'Chen Xiaoyu', 'hotline agent', 'customer-service', 'cs-li-na', 5_500, addDays(firstDayOf(lastMonth), 15), ['customer-service']),
    h('ts-wang-wei', 'Wang Wei', 'technical service manager', 'technical-service', 'gm-zhao-min', 13_000, '2019-11-01', ['technical-service']),
    h('ts-liu-yang', 'Liu Yang', 'field engineer', 'technical-service', 'ts-wang-wei', 8_800, '2022-05-09', ['technical-service']),
    h('ts-huang-lei', 'Huang Lei', 'field engineer', 'technical-service', 'ts-wang-wei', 8_200, '2024-03-18', ['technical-service']),
    h('bd-zhang-jun', 'Zhang Jun', 'business department manager', 'business-dept', 'gm-zhao-min', 14_000, '2018-08-20', ['business-dept']),
    h('bd-wu-ting', 'Wu Ting', 'project manager', 'business-dept', 'bd-zhang-jun', 10_500, '2021-01-04', ['business-dept', 'project-manager']),
    h('bd-xu-hao', 'Xu Hao', 'account manager', 'business-dept', 'bd-zhang-jun', 7_800, '2023-02-20', ['business-dept']),
  ];
}

const pad = (n: number): string => String(n).padStart(2, '0');
/** Deterministic minutes from a seed, so a re-run imports the same file. */
const jitter = (seed: string, span: number): number => [...seed].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7) % span;

function workingDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) days.push(d);
  return days;
}

/** Late arrivals of the demo: three for Wang Fang (a violation), one for Liu Yang. */
function lateAt(staffId: string, index: number): string | null {
  if (staffId === 'cs-wang-fang' && [2, 7, 12].includes(index)) return `08:${pad(41 + index)}`;
  if (staffId === 'ts-liu-yang' && index === 4) return '09:05';
  return null;
}

function punchCsv(staff: Hire[], days: string[], skip: (staffId: string, date: string) => boolean): string {
  const rows = ['staffId,date,signIn,signOut'];
  for (const s of staff) {
    days.forEach((date, index) => {
      if (date < s.hireDate || skip(s.staffId, date)) return;
      const signIn = lateAt(s.staffId, index) ?? `08:${pad(10 + jitter(s.staffId + date, 19))}`;
      rows.push(`${s.staffId},${date},${signIn},17:${pad(31 + jitter(date + s.staffId, 28))}`);
    });
  }
  return rows.join('\n') + '\n';
}

const idOf = (reply: Reply): string => String(field(reply.body, 'id'));

export async function seedHrAttendanceDemo(api: DemoApi): Promise<Record<string, unknown>> {
  const now = new Date().toISOString();
  const thisMonth = shanghaiMonth(now);
  const lastMonth = previousMonth(thisMonth);
  const today = shanghaiDate(now);
  const staff = hires(lastMonth);
  const roles = new Map(staff.map((s) => [s.staffId, s.roles]));
  const as = (staffId: string) => api.token(staffId, roles.get(staffId) ?? ['staff']);
  const hr = as(HR_MANAGER.staffId);

  let hired = 0;
  for (const s of staff) {
    const { roles: _roles, ...record } = s;
    if ((await ensure(`hire ${s.staffId}`, api.call('POST', '/hr-attendance/employees', hr, record))) === 'created') hired++;
  }

  // Last month: leave for Huang Lei (approved), a forgotten punch for Xu Hao, then the punch clock's export.
  const lastDays = workingDaysBetween(firstDayOf(lastMonth), lastDayOf(lastMonth));
  const leaveDays = lastDays.slice(8, 10);
  const forgotten = lastDays[5];
  const leave = await api.call('POST', '/hr-attendance/leave-requests', as('ts-huang-lei'), {
    from: leaveDays[0],
    to: leaveDays[1],
    kind: 'annual',
    reason: 'family visit in Wenzhou',
  });
  if (leave.status === 201) await must('approve leave', api.call('POST', `/hr-attendance/leave-requests/${idOf(leave)}/approve`, as('ts-wang-wei'), {}));
  else await must('request leave', Promise.resolve(leave), [201, 409]);

  const csv = punchCsv(staff, lastDays, (id, date) => (id === 'ts-huang-lei' && leaveDays.includes(date)) || (id === 'bd-xu-hao' && date === forgotten));
  const imported = await must('import last month', api.call('POST', '/hr-attendance/attendance/imports', hr, csv, 'text/csv'), [200]);
  const correction = await api.call('POST', '/hr-attendance/attendance-corrections', as('bd-xu-hao'), { date: forgotten, kind: 'forgotten-punch', reason: 'badge left at home; signed the paper register at 08:20' });
  if (correction.status === 201) await must('approve correction', api.call('POST', `/hr-attendance/attendance-corrections/${idOf(correction)}/approve`, as('bd-zhang-jun'), {}));

  // Daily reports of the hotline agents, one missing.
  for (const staffId of ['cs-wang-fang', 'cs-chen-xiaoyu']) {
    for (const date of lastDays) {
      if (date < staff.find((s) => s.staffId === staffId)!.hireDate || (staffId === 'cs-wang-fang' && date === lastDays[10])) continue;
      await must(
        `daily report ${staffId} ${date}`,
        api.call('POST', `/hr-attendance/daily-reports/${date}`, as(staffId), {
          contacts: [
            { customer: 'c-hz-water', channel: 'hotline', summary: 'meter reading upload question, answered' },
            { customer: 'c-sx-water', channel: 'hotline', summary: 'SCADA alarm follow-up, passed to technical service' },
          ],
          summary: 'two customer contacts, both closed or handed over',
        }),
        [201, 409],
      );
    }
  }

  // HR-4, HR-7, HR-6 entries of last month.
  const complaint = await api.call('POST', '/hr-attendance/complaints', hr, {
    staffId: 'cs-wang-fang',
    complainant: 'sales',
    severity: 'moderate',
    finding: 'promised the customer an on-site visit the sales team had not agreed',
    upheldAt: `${lastDays[13]}T16:00:00+08:00`,
  });
  await must('complaint fine', Promise.resolve(complaint), [201, 200]);
  await must(
    'conduct record',
    api.call('POST', '/hr-attendance/conduct-records', as('ts-wang-wei'), {
      staffId: 'ts-liu-yang',
      kind: 'personal-call',
      occurredAt: `${lastDays[6]}T10:12:00+08:00`,
      callMinutes: 9,
      description: 'private call during the morning dispatch',
      sanction: 'warning',
      penaltyFen: 2000,
    }),
    [201, 200],
  );
  await must('commission', api.call('POST', '/hr-attendance/pay-elements', as('bd-zhang-jun'), { staffId: 'bd-xu-hao', month: lastMonth, kind: 'commission', amountFen: 180_000, reason: 'two maintenance contracts renewed' }), [201, 409]);
  await must('bonus', api.call('POST', '/hr-attendance/pay-elements', as('cs-li-na'), { staffId: 'cs-chen-xiaoyu', month: lastMonth, kind: 'bonus', amountFen: 30_000, reason: 'covered the hotline on a weekend' }), [201, 409]);

  // Wang Fang's third late had a reason: she asks before the close, her manager approves after it.
  const third = lastDays[12];
  const late = await api.call('POST', '/hr-attendance/attendance-corrections', as('cs-wang-fang'), { date: third, kind: 'field-work', reason: 'visited Hangzhou Water before coming in' });
  await must(`close ${lastMonth}`, api.call('POST', `/hr-attendance/payroll/${lastMonth}/close`, hr, {}), [200, 201]);
  if (late.status === 201) await must('approve after close', api.call('POST', `/hr-attendance/attendance-corrections/${idOf(late)}/approve`, as('cs-li-na'), {}));

  // This month, open: the punch clock up to yesterday, and the demo user's own sign-in today.
  const thisDays = workingDaysBetween(firstDayOf(thisMonth), addDays(today, -1));
  if (thisDays.length > 0) await must('import this month', api.call('POST', '/hr-attendance/attendance/imports', hr, punchCsv(staff, thisDays, () => false), 'text/csv'), [200]);
  if (isWorkingDay(today)) await must('sign in', api.call('POST', '/hr-attendance/attendance/sign-in', as('cs-li-na'), {}), [200, 201]);

  // Pending for the manager: Chen Xiaoyu asks for the month's last working day off.
  const lastThis = workingDaysBetween(firstDayOf(thisMonth), lastDayOf(thisMonth)).pop();
  if (lastThis) await must('leave request', api.call('POST', '/hr-attendance/leave-requests', as('cs-chen-xiaoyu'), { from: lastThis, to: lastThis, kind: 'personal', reason: 'moving house' }), [201, 409]);

  // Across contexts, on the first run: a complaint upheld in the service desk reaches Wang Fang's
  // open payslip; one against a contractor HR employs no one as is kept as unmatched.
  if (hired > 0) await serviceDeskComplaints(api, as);

  const register = `/hr-attendance/payroll/${lastMonth}`;
  await eventually('the payroll register', async () => field((await api.call('GET', register, hr)).body, 'status') === 'closed');
  const body = (await must('payroll register', api.call('GET', register, api.token(FINANCE.staffId, FINANCE.roles)))).body;
  const net = field(field(body, 'totals'), 'netFen');
  return {
    employees: `${staff.length} (${hired} hired now)`,
    [lastMonth]: `closed: ${String(field(imported.body, 'rows'))} punch-clock rows, ${String(field(field(body, 'totals'), 'payslips'))} payslips, net pay ${typeof net === 'number' ? formatCny(fen(net)) : '?'}`,
    [thisMonth]: `open: ${thisDays.length} working days imported, an adjustment for ${lastMonth} carried in, a leave request pending`,
    'as others': [
      `cs-wang-fang (her own): /hr-attendance/payslips/cs-wang-fang/${lastMonth}.html, /hr-attendance/payslips/cs-wang-fang/${thisMonth}`,
      `cs-li-na (her team): /hr-attendance/violations?month=${lastMonth}, /hr-attendance/daily-reports/missing?month=${lastMonth}, /hr-attendance/leave-requests?status=requested`,
      `${FINANCE.staffId} (finance): /hr-attendance/payroll/${lastMonth}.csv`,
    ],
    explore: {
      userId: HR_MANAGER.staffId,
      roles: HR_MANAGER.roles,
      who: 'Zhou Jing, HR',
      paths: [`/hr-attendance/payroll/${lastMonth}`, `/hr-attendance/attendance/cs-wang-fang/${lastMonth}`, '/hr-attendance/unmatched-facts'],
      hint: `Printable: ${`/hr-attendance/payroll/${lastMonth}.html`}. Others: npm run token -- --user cs-wang-fang --roles customer-service`,
    },
  };
}

/** A complaint ticket in the service desk, upheld against a hotline agent and against a contractor. */
async function serviceDeskComplaints(api: DemoApi, as: (staffId: string) => string): Promise<void> {
  const office = api.token('off-sun-li', ['office']);
  await must('contractor in the directory', api.call('POST', '/service-desk/staff', office, { staffId: 'ext-ma-lin', name: 'Ma Lin', department: 'technical-service' }), [201, 409]);
  await eventually('the contractor in the directory', async () => JSON.stringify((await api.call('GET', '/service-desk/staff', office)).body).includes('ext-ma-lin'));
  const ticket = await must(
    'complaint ticket',
    api.call('POST', '/service-desk/tickets', as('cs-wang-fang'), { channel: 'hotline', kind: 'complaint', customerId: 'c-hz-water', description: 'nobody called back about the leaking meter' }),
    [201],
  );
  const id = String(field(ticket.body, 'id'));
  const gm = api.token('gm-zhao-min', ['general-manager']);
  await must('uphold against Wang Fang', api.call('POST', `/service-desk/tickets/${id}/complaint-upheld`, gm, { staffId: 'cs-wang-fang', severity: 'minor', finding: 'promised a call back and forgot' }), [200]);
  await must('uphold against the contractor', api.call('POST', `/service-desk/tickets/${id}/complaint-upheld`, gm, { staffId: 'ext-ma-lin', severity: 'moderate', finding: 'left the site without fixing the meter' }), [200]);
}
