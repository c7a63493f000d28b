import type { AttendanceSummary, PayslipLineKind } from '@ebp/hr-attendance-domain';
import { fen, formatCny } from '@ebp/shared-kernel';
import { csvOf, escapeHtml } from '@ebp/shared-kernel';
import { printablePage } from '../shared/html';
import type { PayrollRegisterView, PayrollTotals, PayslipView } from './payroll.queries';

const cny = (amountFen: number): string => formatCny(fen(amountFen));

export const LINE_LABELS: Record<PayslipLineKind, string> = {
  base: '基本工资 Base salary',
  lateness: '迟到扣款 Lateness deduction',
  'complaint-fine': '投诉罚款 Complaint fine',
  'conduct-penalty': '违纪处罚 Conduct penalty',
  commission: '提成 Commission',
  bonus: '奖金 Bonus',
  adjustment: '调整 Adjustment',
};

const ATTENDANCE_LABELS: { key: keyof AttendanceSummary; label: string }[] = [
  { key: 'workingDays', label: '应出勤天数 Working days' },
  { key: 'workingDaysEmployed', label: '在职工作日 Working days employed' },
  { key: 'daysSignedIn', label: '签到天数 Days signed in' },
  { key: 'lates', label: '迟到次数 Late arrivals' },
  { key: 'absences', label: '缺勤天数 Absences' },
  { key: 'leaveDays', label: '请假天数 Leave days' },
  { key: 'correctedDays', label: '更正天数 Corrected days' },
  { key: 'missingReports', label: '缺日报 Missing daily reports' },
];

const TOTAL_LABELS: { key: 'baseFen' | 'deductionsFen' | 'additionsFen' | 'netFen'; label: string }[] = [
  { key: 'baseFen', label: '基本工资 Base' },
  { key: 'deductionsFen', label: '扣款 Deductions' },
  { key: 'additionsFen', label: '增项 Additions' },
  { key: 'netFen', label: '实发 Net pay' },
];

export const PAYSLIP_CSV_COLUMNS = ['section', 'kind', 'date', 'description', 'rule', 'amountFen', 'amount', 'eventIds'] as const;

/**
 * HR-6 payslip as one CSV table (UTF-8 BOM, CRLF): `header` rows (field in `kind`, value in
 * `description`), one `line` row per payslip line with the events behind it, `total` rows,
 * `attendance` rows and, for a closed month, `later-adjustment` rows naming where each was carried.
 */
export function payslipCsv(p: PayslipView): string {
  const header: [string, string][] = [
    ['staffId', p.staffId],
    ['name', p.person.name],
    ['department', p.person.department],
    ['position', p.person.position],
    ['month', p.month],
    ['status', p.status],
    ['asOf', p.asOf],
    ['issuedAt', p.issuedAt ?? ''],
    ['payslipEventId', p.payslipEventId ?? ''],
  ];
  const rows: string[][] = [
    [...PAYSLIP_CSV_COLUMNS],
    ...header.map(([field, value]) => ['header', field, '', value, '', '', '', '']),
    ...p.lines.map((l) => ['line', l.kind, l.date ?? '', l.description, l.rule, String(l.amountFen), cny(l.amountFen), l.eventIds.join(' ')]),
    ...TOTAL_LABELS.map(({ key }) => ['total', key.replace(/Fen$/, ''), '', '', 'HR-6', String(p.totals[key]), cny(p.totals[key]), '']),
    ...ATTENDANCE_LABELS.map(({ key }) => ['attendance', key, '', String(p.attendance[key]), 'HR-2', '', '', '']),
    ...p.laterAdjustments.map((a) => [
      'later-adjustment',
      a.kind,
      '',
      `${a.explanation}${a.carriedTo ? ` → carried to ${a.carriedTo}` : ' → due in the next open month'}`,
      'HR-6',
      String(a.amountFen),
      cny(a.amountFen),
      [a.dueEventId, a.carriedEventId].filter((id): id is string => id !== null).join(' '),
    ]),
  ];
  return csvOf(rows);
}

export const PAYROLL_CSV_COLUMNS = ['row', 'department', 'staffId', 'name', 'position', 'status', 'payslips', 'baseFen', 'deductionsFen', 'additionsFen', 'netFen', 'base', 'deductions', 'additions', 'net', 'payslipEventId'] as const;

const moneyColumns = (t: Pick<PayrollTotals, 'baseFen' | 'deductionsFen' | 'additionsFen' | 'netFen'>): string[] => [
  ...TOTAL_LABELS.map(({ key }) => String(t[key])),
  ...TOTAL_LABELS.map(({ key }) => cny(t[key])),
];

/** HR-6 payroll register as CSV: one `payslip` row per person, then `department-total` rows and the `total` row. */
export function payrollRegisterCsv(r: PayrollRegisterView): string {
  const rows: string[][] = [
    [...PAYROLL_CSV_COLUMNS],
    ...r.items.map((i) => ['payslip', i.department, i.staffId, i.name, i.position, i.status, '1', ...moneyColumns(i), i.payslipEventId ?? '']),
    ...r.departments.map((d) => ['department-total', d.department, '', '', '', r.status, String(d.payslips), ...moneyColumns(d), '']),
    ['total', '', '', '', '', r.status, String(r.totals.payslips), ...moneyColumns(r.totals), ''],
  ];
  return csvOf(rows);
}

const td = (text: string, cls?: string): string => `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</td>`;
const amountTd = (amountFen: number): string => td(cny(amountFen), 'amount');

function statusLine(status: 'open' | 'closed', asOf: string): string {
  return status === 'closed'
    ? `<p class="meta">状态 Status: 已结算 closed — frozen as issued</p>`
    : `<p class="meta open">预览 Preview — month not closed, figures as of ${escapeHtml(asOf)}</p>`;
}

/** HR-6 payslip as a printable page: lines with their rules and events, totals, attendance; every value escaped. */
export function payslipHtml(p: PayslipView): string {
  const title = `工资单 Payslip ${p.month} — ${p.person.name} (${p.staffId})`;
  const lines = p.lines.map(
    (l) =>
      `<tr data-kind="${escapeHtml(l.kind)}">${td(LINE_LABELS[l.kind] ?? l.kind)}${td(l.date ?? '')}<td>${escapeHtml(l.description)}` +
      `${l.eventIds.length ? `<div class="events">${escapeHtml(l.eventIds.join(', '))}</div>` : ''}</td>${td(l.rule)}${amountTd(l.amountFen)}</tr>`,
  );
  const totals = TOTAL_LABELS.map(({ key, label }) => `<tr data-total="${key}"><th scope="row" colspan="4">${escapeHtml(label)}</th>${amountTd(p.totals[key])}</tr>`);
  const attendance = ATTENDANCE_LABELS.map(({ key, label }) => `<tr><th scope="row">${escapeHtml(label)}</th><td class="amount">${p.attendance[key]}</td></tr>`);
  const later = p.laterAdjustments.map(
    (a) => `<tr>${td(a.kind)}<td>${escapeHtml(a.explanation)}</td>${td(a.carriedTo ?? '—')}${amountTd(a.amountFen)}</tr>`,
  );
  const body = `<h1>${escapeHtml(title)}</h1>
<p class="meta">部门 Department: ${escapeHtml(p.person.department)} · 职位 Position: ${escapeHtml(p.person.position)}</p>
${statusLine(p.status, p.asOf)}
${p.issuedAt ? `<p class="meta">发放 Issued ${escapeHtml(p.issuedAt)}${p.payslipEventId ? ` · ${escapeHtml(p.payslipEventId)}` : ''}</p>` : ''}
<table>
<thead><tr><th>项目 Item</th><th>日期 Date</th><th>说明 Description</th><th>规则 Rule</th><th class="amount">金额 Amount</th></tr></thead>
<tbody>
${lines.join('\n')}
</tbody>
<tfoot>
${totals.join('\n')}
</tfoot>
</table>
<h2>考勤 Attendance</h2>
<table>
<tbody>
${attendance.join('\n')}
</tbody>
</table>
${
  later.length
    ? `<h2>结算后调整 Adjustments after close</h2>
<table>
<thead><tr><th>类型 Kind</th><th>说明 Explanation</th><th>计入 Carried to</th><th class="amount">金额 Amount</th></tr></thead>
<tbody>
${later.join('\n')}
</tbody>
</table>`
    : ''
}`;
  return printablePage(title, body);
}

/** HR-6 payroll register as a printable page: every payslip, totals per department and overall. */
export function payrollRegisterHtml(r: PayrollRegisterView): string {
  const title = `工资表 Payroll register ${r.month}`;
  const rows = r.items.map(
    (i) =>
      `<tr data-staff="${escapeHtml(i.staffId)}">${td(i.department)}${td(i.staffId)}${td(i.name)}${td(i.position)}${td(i.status)}` +
      `${amountTd(i.baseFen)}${amountTd(i.deductionsFen)}${amountTd(i.additionsFen)}${amountTd(i.netFen)}</tr>`,
  );
  const departments = r.departments.map(
    (d) =>
      `<tr data-department="${escapeHtml(d.department)}">${td(d.department)}<td class="amount">${d.payslips}</td>` +
      `${amountTd(d.baseFen)}${amountTd(d.deductionsFen)}${amountTd(d.additionsFen)}${amountTd(d.netFen)}</tr>`,
  );
  const t = r.totals;
  const body = `<h1>${escapeHtml(title)}</h1>
${statusLine(r.status, r.asOf)}
${r.closedAt ? `<p class="meta">结算 Closed ${escapeHtml(r.closedAt)}${r.closedBy ? ` by ${escapeHtml(r.closedBy)}` : ''}</p>` : ''}
${r.missingPayslips.length ? `<p class="meta open">未发工资单 Payslips missing: ${escapeHtml(r.missingPayslips.join(', '))}</p>` : ''}
<table>
<thead><tr><th>部门 Department</th><th>工号 Staff id</th><th>姓名 Name</th><th>职位 Position</th><th>状态 Status</th><th class="amount">基本工资 Base</th><th class="amount">扣款 Deductions</th><th class="amount">增项 Additions</th><th class="amount">实发 Net</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
<tfoot>
<tr><th scope="row" colspan="5">合计 Total (${t.payslips})</th>${amountTd(t.baseFen)}${amountTd(t.deductionsFen)}${amountTd(t.additionsFen)}${amountTd(t.netFen)}</tr>
</tfoot>
</table>
<h2>部门合计 Totals per department</h2>
<table>
<thead><tr><th>部门 Department</th><th class="amount">人数 Payslips</th><th class="amount">基本工资 Base</th><th class="amount">扣款 Deductions</th><th class="amount">增项 Additions</th><th class="amount">实发 Net</th></tr></thead>
<tbody>
${departments.join('\n')}
</tbody>
</table>`;
  return printablePage(title, body);
}
