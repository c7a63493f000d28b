import { shanghaiMonth } from '@ebp/shared-kernel';
import { staffMonthStream } from '@ebp/hr-attendance-domain';
import { eventually, startHarness, type Harness, type HttpResult } from './testing/platform-harness';

/*
 * HR / attendance over HTTP on the embedded platform, with figures computed by hand from the rules
 * (docs/rules/hr-attendance.md). February 2026 on the official calendar: 16 working days — 02-02…06,
 * 09…13, the make-up Saturday 02-14, 02-24…27 and the make-up Saturday 02-28; Spring Festival
 * 02-15…23 is not a working day.
 *
 * Wang Fang (base ¥6,000.00) in February: late on 02-05 (09:00), 02-10 (08:45), 02-14 (make-up
 * Saturday, 08:31) and 02-25 (08:50) → 1 % + 1 % + 5 % + 5 % = ¥60 + ¥60 + ¥300 + ¥300 = ¥720; the third
 * is a violation. Annual leave on 02-26; no sign-in on 02-27 → an absence (not deducted). A sign-in
 * on 02-17 (Spring Festival) is not late. A complaint from a sales colleague (moderate, ¥50) and a
 * commission of ¥200 from her manager. Payslip: 6,000 − 720 − 50 + 200 = ¥5,430.00.
 * Chen Xiaoyu (base ¥5,000.00) joins on 02-24: 5 of 16 working days → ¥1,562.50.
 * After the close: the correction of 02-14 clears the third late (the fourth becomes the third:
 * −¥300 less) and a complaint upheld on 02-27 reaches HR late (−¥10): March carries +¥300 and −¥10.
 */

const FEB = '2026-02';
const MAR = '2026-03';
const FEB_WORKING_DAYS = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13', '14', '24', '25', '26', '27', '28'].map((d) => `${FEB}-${d}`);
const LATE: Record<string, string> = { '2026-02-05': '09:00', '2026-02-10': '08:45', '2026-02-14': '08:31', '2026-02-25': '08:50' };

describe('HR / attendance over HTTP (HR-1 … HR-7)', () => {
  let h: Harness;
  let hr: string;
  let finance: string;
  let manager: string;
  let wang: string;
  let chen: string;
  let gm: string;
  let office: string;

  const hire = (staffId: string, name: string, baseSalaryFen: number, hireDate: string, managerId: string | null) =>
    h.http('POST', '/hr-attendance/employees', {
      token: hr,
      body: { staffId, name, position: 'hotline agent', department: 'customer-service', managerId, baseSalaryFen, hireDate },
    });
  const csv = (body: string) => h.http('POST', '/hr-attendance/attendance/imports', { token: hr, body, headers: { 'content-type': 'text/csv' } });
  const get = async (path: string, token: string, minPosition?: unknown): Promise<HttpResult> =>
    h.http('GET', path, { token, headers: minPosition ? { 'x-min-position': String(minPosition) } : {} });
  const linesOf = (r: HttpResult) => r.body['lines'] as { kind: string; amountFen: number; description: string; eventIds: string[]; cites: Record<string, unknown> | null }[];

  beforeAll(async () => {
    h = await startHarness();
    hr = h.token('hr-zhou', 'office', 'hr-manager');
    finance = h.token('fin-qian', 'finance');
    manager = h.token('cs-mgr', 'customer-service');
    wang = h.token('cs-wang', 'customer-service');
    chen = h.token('cs-chen', 'customer-service');
    gm = h.token('gm-zhao', 'general-manager');
    office = h.token('off-sun', 'office');
    expect((await hire('cs-mgr', 'Sun Mei', 1_000_000, '2024-01-02', null)).status).toBe(201);
    expect((await hire('cs-wang', 'Wang Fang', 600_000, '2025-06-02', 'cs-mgr')).status).toBe(201);
    expect((await hire('cs-chen', 'Chen Xiaoyu', 500_000, '2026-02-24', 'cs-mgr')).status).toBe(201);
    await h.settled();
  }, 30_000);

  afterAll(async () => h?.stop());

  it('HR-1 a hire is HR\'s record: probation is the first 3 months; the service desk directory follows HR (employee-hired.v1)', async () => {
    const chenRecord = await get('/hr-attendance/employees/cs-chen', hr);
    expect(chenRecord.status).toBe(200);
    expect(chenRecord.body).toMatchObject({ staffId: 'cs-chen', hireDate: '2026-02-24', probationEnds: '2026-05-23', managerId: 'cs-mgr' });
    const directory = await get('/service-desk/staff', office);
    expect(directory.body.items!.map((s) => s['staffId'])).toEqual(expect.arrayContaining(['cs-mgr', 'cs-wang', 'cs-chen']));
    expect((await hire('cs-wang', 'Wang Fang', 600_000, '2025-06-02', 'cs-mgr')).status).toBe(409);
    const backDated = await h.http('POST', '/hr-attendance/employees/cs-wang/salary', { token: hr, body: { baseSalaryFen: 650_000, effectiveFrom: '2026-02-01', reason: 'raise' } });
    expect(backDated.status).toBe(422);
    expect(backDated.body).toMatchObject({ rule: 'HR-6', field: 'effectiveFrom' });
    expect((await hire('cs-x', 'X', 600_000, '2026-02-30', null)).status).toBe(400);
    const noManager = await hire('cs-z', 'Z', 600_000, '2026-01-05', 'nobody-here');
    expect(noManager.status).toBe(422);
    expect(noManager.body).toMatchObject({ rule: 'HR-1', field: 'managerId' });
    expect((await h.http('POST', '/hr-attendance/employees', { token: manager, body: { staffId: 'cs-y', name: 'Y', position: 'p', department: 'd', baseSalaryFen: 1, hireDate: '2026-01-05' } })).status).toBe(403);
  });

  it('HR-2 HR-3 a month of punch-clock attendance across Spring Festival and two make-up Saturdays: lates, the violation, leave, an absence', async () => {
    const leave = await h.http('POST', '/hr-attendance/leave-requests', { token: wang, body: { from: '2026-02-26', to: '2026-02-26', kind: 'annual', reason: 'moving house' } });
    expect(leave.status).toBe(201);
    const leaveId = String(leave.body['id']);
    expect((await h.http('POST', `/hr-attendance/leave-requests/${leaveId}/approve`, { token: wang, body: {} })).status).toBe(403);
    expect((await h.http('POST', `/hr-attendance/leave-requests/${leaveId}/approve`, { token: manager, body: {} })).status).toBe(200);

    const rows = ['staffId,date,signIn,signOut'];
    for (const date of FEB_WORKING_DAYS) {
      if (date !== '2026-02-26' && date !== '2026-02-27') rows.push(`cs-wang,${date},${LATE[date] ?? '08:25'},17:40`);
      if (date >= '2026-02-24') rows.push(`cs-chen,${date},08:20,17:35`);
    }
    rows.push('cs-wang,2026-02-17,10:00,12:00'); // Spring Festival: overtime, never late
    rows.push('cs-wang,2026-02-11,8:61,17:40'); // a bad time: this row applies nothing
    rows.push('cs-nobody,2026-02-11,08:20,17:40'); // unknown staff
    const imported = await csv(rows.join('\r\n') + '\r\n');
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ rows: rows.length - 1, applied: 14 + 5 + 1, failed: 2 });
    const errors = imported.body['errors'] as { row: number; staffId: string; field: string }[];
    expect(errors.map((e) => [e.row, e.staffId])).toEqual([
      [rows.length - 1, 'cs-wang'],
      [rows.length, 'cs-nobody'],
    ]);
    // Idempotent: the same export again changes nothing.
    const again = await csv(rows.join('\r\n') + '\r\n');
    expect(again.body).toMatchObject({ applied: 0, unchanged: 14 + 5 + 1, failed: 2 });

    const view = await get(`/hr-attendance/attendance/cs-wang/${FEB}`, wang, again.body['position']);
    expect(view.status).toBe(200);
    const days = Object.fromEntries((view.body['days'] as Record<string, unknown>[]).map((d) => [d['date'], d]));
    expect(days['2026-02-17']).toMatchObject({ workingDay: false, holiday: expect.stringMatching(/Spring Festival/), minutesLate: null });
    expect(days['2026-02-14']).toMatchObject({ workingDay: true, makeUpWorkday: true, minutesLate: 1, lateOrdinal: 3 });
    expect(days['2026-02-05']).toMatchObject({ minutesLate: 30, lateOrdinal: 1 });
    expect(days['2026-02-26']).toMatchObject({ absent: false, leave: { requestId: leaveId } });
    expect(days['2026-02-27']).toMatchObject({ absent: true });
    expect(days['2026-02-11']).toMatchObject({ signInAt: '2026-02-11T08:25:00+08:00' });
    expect(view.body['summary']).toMatchObject({ workingDays: 16, lates: 4, absences: 1, leaveDays: 1 });
    expect(view.body['violation']).toMatchObject({ date: '2026-02-14', lateCount: 3 });

    const violations = await get(`/hr-attendance/violations?month=${FEB}`, manager);
    expect(violations.body.items!.map((v) => [v['staffId'], v['date']])).toEqual([['cs-wang', '2026-02-14']]);
    expect((await get(`/hr-attendance/attendance/cs-wang/${FEB}`, chen)).status).toBe(403);
  });

  it('HR-5 one daily report per working day; a working day that ended without one is flagged to the manager', async () => {
    const report = { contacts: [{ customer: 'c-hz-water', channel: 'hotline', summary: 'meter upload question' }], summary: 'one contact' };
    expect((await h.http('POST', '/hr-attendance/daily-reports/2026-02-02', { token: wang, body: report })).status).toBe(201);
    const twice = await h.http('POST', '/hr-attendance/daily-reports/2026-02-02', { token: wang, body: report });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ rule: 'HR-5' });
    expect((await h.http('POST', '/hr-attendance/daily-reports/2026-02-17', { token: wang, body: report })).body).toMatchObject({ rule: 'HR-5' });
    const missing = await get(`/hr-attendance/daily-reports/missing?month=${FEB}`, manager, (await h.http('POST', '/hr-attendance/daily-reports/2026-02-03', { token: wang, body: report })).body['position']);
    const wangMissing = missing.body.items!.find((r) => r['staffId'] === 'cs-wang')!['dates'] as string[];
    expect(wangMissing).not.toContain('2026-02-02');
    expect(wangMissing).toContain('2026-02-04');
    expect(wangMissing).not.toContain('2026-02-26'); // on leave
    expect(wangMissing).not.toContain('2026-02-27'); // absent
    expect((await get(`/hr-attendance/daily-reports/missing?month=${FEB}`, wang)).status).toBe(403);
  });

  it('HR-4 HR-7 HR-6 fines at least ¥10, a personal call over 3 minutes, commission by the manager only', async () => {
    const low = await h.http('POST', '/hr-attendance/complaints', { token: hr, body: { staffId: 'cs-wang', complainant: 'sales', severity: 'minor', fineFen: 999, finding: 'x', upheldAt: '2026-02-12T15:00:00+08:00' } });
    expect(low.status).toBe(422);
    expect(low.body).toMatchObject({ rule: 'HR-4' });
    const sales = await h.http('POST', '/hr-attendance/complaints', {
      token: hr,
      body: { staffId: 'cs-wang', complainant: 'sales', severity: 'moderate', finding: 'promised a visit sales had not agreed', upheldAt: '2026-02-12T15:00:00+08:00' },
    });
    expect(sales.status).toBe(201);
    const shortCall = await h.http('POST', '/hr-attendance/conduct-records', { token: manager, body: { staffId: 'cs-wang', kind: 'personal-call', occurredAt: '2026-02-12T10:00:00+08:00', callMinutes: 3, description: 'call home' } });
    expect(shortCall.status).toBe(422);
    expect(shortCall.body).toMatchObject({ rule: 'HR-7' });
    const longCall = await h.http('POST', '/hr-attendance/conduct-records', { token: manager, body: { staffId: 'cs-wang', kind: 'personal-call', occurredAt: '2026-02-12T10:00:00+08:00', callMinutes: 8, description: 'call home', sanction: 'warning' } });
    expect(longCall.status).toBe(201);
    const self = await h.http('POST', '/hr-attendance/pay-elements', { token: wang, body: { staffId: 'cs-wang', month: FEB, kind: 'commission', amountFen: 20_000, reason: 'renewals' } });
    expect(self.status).toBe(403);
    const commission = await h.http('POST', '/hr-attendance/pay-elements', { token: manager, body: { staffId: 'cs-wang', month: FEB, kind: 'commission', amountFen: 20_000, reason: 'two renewals' } });
    expect(commission.status).toBe(201);
    const conduct = await get(`/hr-attendance/conduct?staffId=cs-wang&month=${FEB}`, wang, commission.body['position']);
    expect(conduct.body.items!.map((c) => [c['kind'], c['callMinutes'], c['penaltyFen']])).toEqual([['personal-call', 8, null]]);
  });

  it('HR-6 closing February freezes every payslip: base − lateness − fines + commission, each line naming its events; CSV and printable HTML', async () => {
    expect((await h.http('POST', `/hr-attendance/payroll/${FEB}/close`, { token: manager, body: {} })).status).toBe(403);
    const open = await h.http('POST', `/hr-attendance/payroll/${shanghaiMonth(new Date().toISOString())}/close`, { token: hr, body: {} });
    expect(open.status).toBe(422);
    expect(open.body).toMatchObject({ rule: 'HR-6' });
    const closed = await h.http('POST', `/hr-attendance/payroll/${FEB}/close`, { token: hr, body: {} });
    expect(closed.status).toBe(200);

    const payslip = await get(`/hr-attendance/payslips/cs-wang/${FEB}`, wang, closed.body['position']);
    expect(payslip.status).toBe(200);
    expect(payslip.body).toMatchObject({ status: 'closed', totals: { baseFen: 600_000, netFen: 543_000 } });
    const lines = linesOf(payslip);
    expect(lines.filter((l) => l.kind === 'lateness').map((l) => l.amountFen)).toEqual([-6_000, -6_000, -30_000, -30_000]);
    expect(lines.filter((l) => l.kind === 'complaint-fine').map((l) => l.amountFen)).toEqual([-5_000]);
    expect(lines.filter((l) => l.kind === 'commission').map((l) => l.amountFen)).toEqual([20_000]);
    expect(lines.every((l) => l.eventIds.length > 0)).toBe(true);
    const feb14 = lines.find((l) => l.kind === 'lateness' && l.description.includes('2026-02-14'))!;
    const events = await h.platform.engine.eventStore.readStream(staffMonthStream(FEB, 'cs-wang'));
    const signIn = events.find((e) => e.type === 'SignedIn' && (e.data as { date: string }).date === '2026-02-14')!;
    expect(feb14.eventIds).toEqual([signIn.metadata.eventId]);

    const chenSlip = await get(`/hr-attendance/payslips/cs-chen/${FEB}`, chen);
    expect(chenSlip.body).toMatchObject({ status: 'closed', totals: { baseFen: 156_250, netFen: 156_250 } });
    // A month without upheld complaints pays the full base.
    expect((await get(`/hr-attendance/payslips/cs-mgr/${FEB}`, manager)).body).toMatchObject({ totals: { netFen: 1_000_000 } });

    const register = await get(`/hr-attendance/payroll/${FEB}`, finance);
    expect(register.status).toBe(200);
    expect(register.body).toMatchObject({ status: 'closed', totals: { payslips: 3, netFen: 543_000 + 156_250 + 1_000_000 } });
    expect(register.body['departments']).toEqual([expect.objectContaining({ department: 'customer-service', payslips: 3, netFen: 1_699_250 })]);
    const csvReply = await h.http('GET', `/hr-attendance/payroll/${FEB}.csv`, { token: finance });
    expect(csvReply.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csvReply.text).toContain('cs-wang');
    const html = await h.http('GET', `/hr-attendance/payslips/cs-wang/${FEB}.html`, { token: wang });
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.text).toContain('¥5,430.00');

    // Salaries are personal data.
    expect((await get(`/hr-attendance/payslips/cs-wang/${FEB}`, chen)).status).toBe(403);
    expect((await get(`/hr-attendance/payslips/cs-wang/${FEB}`, finance)).status).toBe(403);
    expect((await get(`/hr-attendance/payroll/${FEB}`, wang)).status).toBe(403);
    expect((await get(`/hr-attendance/payroll/${FEB}`, gm)).status).toBe(403);
    // Closing again is a retry.
    expect((await h.http('POST', `/hr-attendance/payroll/${FEB}/close`, { token: hr, body: {} })).body['events']).toEqual([]);
  });

  it('HR-6 a correction approved and a complaint entered after the close become adjustments in March, citing February; February stays as issued', async () => {
    const correction = await h.http('POST', '/hr-attendance/attendance-corrections', { token: wang, body: { date: '2026-02-14', kind: 'field-work', reason: 'at the Jiuxi plant before coming in' } });
    expect(correction.status).toBe(201);
    expect((await h.http('POST', `/hr-attendance/attendance-corrections/${String(correction.body['id'])}/approve`, { token: manager, body: {} })).status).toBe(200);
    const late = await h.http('POST', '/hr-attendance/complaints', { token: hr, body: { staffId: 'cs-wang', complainant: 'customer', severity: 'minor', finding: 'rude on the phone', upheldAt: '2026-02-27T16:00:00+08:00' } });
    expect(late.status).toBe(201);
    await h.settled();

    const feb = await get(`/hr-attendance/payslips/cs-wang/${FEB}`, hr);
    expect(feb.body).toMatchObject({ status: 'closed', totals: { netFen: 543_000 } });
    const issued = String(feb.body['payslipEventId']);
    expect((feb.body['laterAdjustments'] as Record<string, unknown>[]).map((a) => [a['kind'], a['amountFen'], a['carriedTo']])).toEqual([
      ['lateness', 30_000, MAR],
      ['complaint-fine', -1_000, MAR],
    ]);

    const mar = await get(`/hr-attendance/payslips/cs-wang/${MAR}`, wang);
    expect(mar.body).toMatchObject({ status: 'open' });
    const adjustments = linesOf(mar).filter((l) => l.kind === 'adjustment');
    expect(adjustments.map((a) => a.amountFen)).toEqual([30_000, -1_000]);
    expect(adjustments.every((a) => a.cites?.['month'] === FEB && a.cites?.['payslipEventId'] === issued)).toBe(true);
    // March pays its full base plus the adjustments: no attendance yet costs nothing.
    expect(mar.body).toMatchObject({ totals: { baseFen: 600_000, netFen: 600_000 + 30_000 - 1_000 } });
  });

  it('HR-4 a complaint upheld on a service-desk ticket reaches the payslip; one about a staff id HR does not know is kept and listed as unmatched', async () => {
    expect((await h.http('POST', '/service-desk/staff', { token: office, body: { staffId: 'ts-ghost', name: 'Gao Shan', department: 'technical-service' } })).status).toBe(201);
    const customer = await h.http('POST', '/service-desk/customers', { token: office, body: { customerId: 'c-hz-water', name: 'Hangzhou Water' } });
    expect(customer.status).toBe(201);
    await h.settled();
    const ticket = await h.http('POST', '/service-desk/tickets', { token: wang, body: { channel: 'hotline', kind: 'complaint', customerId: 'c-hz-water', description: 'agent hung up on me' } });
    expect(ticket.status).toBe(201);
    const ticketId = String(ticket.body['id']);
    expect((await h.http('POST', `/service-desk/tickets/${ticketId}/complaint-upheld`, { token: gm, body: { staffId: 'cs-wang', severity: 'serious', finding: 'hung up on the customer' } })).status).toBe(200);
    expect((await h.http('POST', `/service-desk/tickets/${ticketId}/complaint-upheld`, { token: gm, body: { staffId: 'ts-ghost', severity: 'minor', finding: 'did not call back' } })).status).toBe(200);
    await h.settled();

    const month = shanghaiMonth(new Date().toISOString());
    const slip = await get(`/hr-attendance/payslips/cs-wang/${month}`, wang);
    const fine = linesOf(slip).find((l) => l.kind === 'complaint-fine' && l.description.includes(ticketId))!;
    expect(fine).toMatchObject({ amountFen: -20_000 });
    const events = await h.platform.engine.eventStore.readStream(staffMonthStream(month, 'cs-wang'));
    expect(fine.eventIds).toEqual([events.find((e) => e.type === 'ComplaintFineRecorded')!.metadata.eventId]);

    const unmatched = await get('/hr-attendance/unmatched-facts', hr);
    expect(unmatched.status).toBe(200);
    expect(JSON.stringify(unmatched.body.items)).toContain('ts-ghost');
    expect(JSON.stringify(unmatched.body.items)).not.toContain('cs-wang');
    expect((await get('/hr-attendance/unmatched-facts', manager)).status).toBe(403);
  });

  it('HR-6 the audit trail shows HR payloads (salaries) to hr-manager only', async () => {
    const entity = encodeURIComponent('hr-attendance.employee.cs-wang');
    const forGm = await get(`/audit?entity=${entity}`, gm);
    expect(forGm.status).toBe(200);
    expect(forGm.body.items!.length).toBeGreaterThan(0);
    expect(forGm.body.items!.every((e) => e['data'] === null && e['redacted'] === true)).toBe(true);
    expect(JSON.stringify(forGm.body)).not.toContain('600000');
    const forHr = await get(`/audit?entity=${entity}`, hr);
    expect(forHr.body.items![0]).toMatchObject({ type: 'EmployeeHired', redacted: false, data: { baseSalaryFen: 600_000 } });
  });

  it('HR-2 a staff member signs in and out themselves; someone without an employment record cannot', async () => {
    const signIn = await h.http('POST', '/hr-attendance/attendance/sign-in', { token: chen, body: {} });
    expect(signIn.status).toBe(201);
    expect((await h.http('POST', '/hr-attendance/attendance/sign-out', { token: chen, body: {} })).status).toBe(201);
    const stranger = await h.http('POST', '/hr-attendance/attendance/sign-in', { token: h.token('visitor-1', 'staff'), body: {} });
    expect(stranger.status).toBe(403);
    expect(stranger.body).toMatchObject({ rule: 'HR-1' });
    await eventually(async () => {
      const mine = await get(`/hr-attendance/attendance/cs-chen/${shanghaiMonth(new Date().toISOString())}`, chen);
      expect((mine.body['summary'] as Record<string, number>)['daysSignedIn']).toBe(1);
    });
  });
});
