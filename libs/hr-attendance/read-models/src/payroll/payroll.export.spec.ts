import { escapeHtml } from '@ebp/shared-kernel';
import { PAYROLL_CSV_COLUMNS, PAYSLIP_CSV_COLUMNS, payrollRegisterCsv, payrollRegisterHtml, payslipCsv, payslipHtml } from './payroll.export';
import type { PayrollRegisterView, PayslipView } from './payroll.queries';

const attendance = { workingDays: 22, workingDaysEmployed: 22, daysSignedIn: 20, lates: 1, absences: 2, leaveDays: 0, correctedDays: 0, missingReports: 1 };

const payslip = (overrides: Partial<PayslipView> = {}): PayslipView => ({
  staffId: 'cs-wang',
  month: '2026-03',
  status: 'closed',
  asOf: '2026-04-01T00:00:00+08:00',
  issuedAt: '2026-04-01T10:00:00+08:00',
  payslipEventId: 'ev-payslip',
  person: { staffId: 'cs-wang', name: '王<芳>', position: 'agent', department: 'Customer "service"', managerId: 'cs-li-na' },
  lines: [
    { kind: 'base', amountFen: 600_000, description: 'Monthly base salary ¥6,000.00', rule: 'HR-6', date: null, eventIds: ['ev-hired'], cites: null },
    { kind: 'lateness', amountFen: -6000, description: '1st late arrival, 35 min late', rule: 'HR-3', date: '2026-03-02', eventIds: ['ev-in'], cites: null },
    { kind: 'complaint-fine', amountFen: -5000, description: 'promised a <script>alert(1)</script> upgrade, "free"', rule: 'HR-4', date: '2026-03-10', eventIds: ['ev-fine'], cites: null },
    { kind: 'commission', amountFen: 100_000, description: 'two renewals', rule: 'HR-6', date: null, eventIds: ['ev-pay'], cites: null },
  ],
  totals: { baseFen: 600_000, deductionsFen: -11_000, additionsFen: 100_000, netFen: 689_000 },
  attendance,
  laterAdjustments: [
    { adjustmentId: 'adj-1', kind: 'lateness', amountFen: 6000, explanation: 'lateness of 2026-03 down by ¥60.00', dueEventId: 'ev-due', carriedTo: '2026-04', carriedEventId: 'ev-carried' },
  ],
  ...overrides,
});

const register: PayrollRegisterView = {
  month: '2026-03',
  status: 'closed',
  asOf: '2026-04-01T00:00:00+08:00',
  closedAt: '2026-04-01T10:00:00+08:00',
  closedBy: 'hr-zhou',
  items: [
    { staffId: 'cs-wang', name: '王芳', position: 'agent', department: 'Customer service', managerId: 'cs-li-na', status: 'closed', payslipEventId: 'ev-1', baseFen: 600_000, deductionsFen: -11_000, additionsFen: 100_000, netFen: 689_000 },
    { staffId: 'ts-<x>', name: 'A, B', position: 'engineer', department: 'Technical service', managerId: null, status: 'closed', payslipEventId: 'ev-2', baseFen: 700_000, deductionsFen: 0, additionsFen: 0, netFen: 700_000 },
  ],
  departments: [
    { department: 'Customer service', payslips: 1, baseFen: 600_000, deductionsFen: -11_000, additionsFen: 100_000, netFen: 689_000 },
    { department: 'Technical service', payslips: 1, baseFen: 700_000, deductionsFen: 0, additionsFen: 0, netFen: 700_000 },
  ],
  totals: { payslips: 2, baseFen: 1_300_000, deductionsFen: -11_000, additionsFen: 100_000, netFen: 1_389_000 },
  missingPayslips: [],
};

const rowsOf = (csv: string) => csv.slice(1).split('\r\n').filter(Boolean);

describe('HR-6 payslip and payroll register exports', () => {
  it('HR-6 payslip CSV: UTF-8 BOM, fixed columns, one line row per payslip line with the events behind it, totals and later adjustments', () => {
    const csv = payslipCsv(payslip());
    expect(csv.startsWith(`\uFEFF${PAYSLIP_CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = rowsOf(csv);
    expect(rows).toContain('header,status,,closed,,,,');
    expect(rows).toContain('header,department,,"Customer ""service""",,,,');
    expect(rows).toContain('line,lateness,2026-03-02,"1st late arrival, 35 min late",HR-3,-6000,-¥60.00,ev-in');
    expect(rows).toContain('line,base,,"Monthly base salary ¥6,000.00",HR-6,600000,"¥6,000.00",ev-hired');
    expect(rows).toContain('total,net,,,HR-6,689000,"¥6,890.00",');
    expect(rows).toContain('attendance,lates,,1,HR-2,,,');
    expect(rows).toContain('later-adjustment,lateness,,lateness of 2026-03 down by ¥60.00 → carried to 2026-04,HR-6,6000,¥60.00,ev-due ev-carried');
    expect(rows.filter((r) => r.startsWith('line,'))).toHaveLength(4);
  });

  it('HR-6 payslip HTML: printable, every value escaped, an open month marked as a preview', () => {
    const html = payslipHtml(payslip());
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('王&lt;芳&gt;');
    expect(html).toContain('Customer &quot;service&quot;');
    expect(html).toContain('@media print');
    expect(html).toContain('<tr data-total="netFen"><th scope="row" colspan="4">实发 Net pay</th><td class="amount">¥6,890.00</td></tr>');
    expect(html).toContain('2026-04');
    const open = payslipHtml(payslip({ status: 'open', issuedAt: null, payslipEventId: null, laterAdjustments: [], asOf: '2026-03-20T10:00:00+08:00' }));
    expect(open).toContain('Preview');
    expect(open).not.toContain('Adjustments after close');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('HR-6 payroll register CSV: a payslip row per person, department totals and the overall total', () => {
    const rows = rowsOf(payrollRegisterCsv(register));
    expect(rows[0]).toBe(PAYROLL_CSV_COLUMNS.join(','));
    expect(rows).toContain('payslip,Customer service,cs-wang,王芳,agent,closed,1,600000,-11000,100000,689000,"¥6,000.00",-¥110.00,"¥1,000.00","¥6,890.00",ev-1');
    expect(rows).toContain('payslip,Technical service,ts-<x>,"A, B",engineer,closed,1,700000,0,0,700000,"¥7,000.00",¥0.00,¥0.00,"¥7,000.00",ev-2');
    expect(rows).toContain('department-total,Technical service,,,,closed,1,700000,0,0,700000,"¥7,000.00",¥0.00,¥0.00,"¥7,000.00",');
    expect(rows[rows.length - 1]).toBe('total,,,,,closed,2,1300000,-11000,100000,1389000,"¥13,000.00",-¥110.00,"¥1,000.00","¥13,890.00",');
  });

  it('HR-6 payroll register HTML: printable page with every payslip and the department totals, escaped', () => {
    const html = payrollRegisterHtml({ ...register, status: 'open', missingPayslips: ['cs-<new>'] });
    expect(html).toContain('<tr data-staff="ts-&lt;x&gt;">');
    expect(html).not.toContain('ts-<x>');
    expect(html).toContain('cs-&lt;new&gt;');
    expect(html).toContain('<tr data-department="Customer service">');
    expect(html).toContain('合计 Total (2)');
    expect(html).toContain('¥13,890.00');
    expect(html).toContain('Preview');
  });
});
