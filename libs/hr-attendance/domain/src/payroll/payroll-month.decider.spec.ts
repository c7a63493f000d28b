import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { ClosePayrollMonth } from './payroll-month.commands';
import { payrollMonthDecider } from './payroll-month.decider';
import type { PayrollMonthClosed } from './payroll-month.events';

const spec = DeciderSpecification.for(payrollMonthDecider);

const CLOSED_AT = '2026-04-02T09:00:00+08:00';
const PAYSLIPS = [
  { staffId: 'cs-li', netFen: 684_000 },
  { staffId: 'cs-chen', netFen: 558_000 },
];

const close = (now = CLOSED_AT, data: Partial<ClosePayrollMonth['data']> = {}): ClosePayrollMonth => ({
  type: 'ClosePayrollMonth',
  data: { month: '2026-03', payslips: PAYSLIPS, by: 'hr-zhao', ...data },
  metadata: { now },
});
const closed = (closedAt = CLOSED_AT): PayrollMonthClosed => ({
  type: 'PayrollMonthClosed',
  data: { month: '2026-03', payslipCount: 2, totalNetFen: 1_242_000, closedBy: 'hr-zhao', closedAt },
});

describe('payroll month decider', () => {
  it('HR-6 closes an ended month with the count and total net of its issued payslips', () => {
    const state = spec.when(close()).then([closed()]);
    expect(state).toEqual({ status: 'closed', month: '2026-03', closedAt: CLOSED_AT, closedBy: 'hr-zhao', payslipCount: 2, totalNetFen: 1_242_000 });
  });

  it('HR-6 a month can be closed from the first instant after it (midnight Shanghai), not before', () => {
    spec.when(close('2026-04-01T00:00:00+08:00')).then([closed('2026-04-01T00:00:00+08:00')]);
    expect(spec.when(close('2026-03-31T23:59:59+08:00')).thenThrows('HR-6')).toMatchObject({ kind: 'rule', field: 'month' });
    // 2026-03-31T16:00Z is already 1 April in Shanghai.
    spec.when(close('2026-03-31T16:00:00Z')).then([closed('2026-03-31T16:00:00Z')]);
  });

  it('HR-6 closing a closed month again is a retry that records nothing', () => {
    spec.given([closed()]).when(close('2026-04-05T09:00:00+08:00', { payslips: [...PAYSLIPS, { staffId: 'cs-wu', netFen: 1 }] })).then([]);
  });

  it('HR-6 refuses a month that is not YYYY-MM', () => {
    expect(spec.when(close(CLOSED_AT, { month: '2026-3' })).thenThrows('HR-6')).toMatchObject({ kind: 'invalid', field: 'month' });
  });

  it('HR-6 a month with no payslips closes with zero totals', () => {
    spec.when(close(CLOSED_AT, { payslips: [] })).then([{ type: 'PayrollMonthClosed', data: { month: '2026-03', payslipCount: 0, totalNetFen: 0, closedBy: 'hr-zhao', closedAt: CLOSED_AT } }]);
  });
});
