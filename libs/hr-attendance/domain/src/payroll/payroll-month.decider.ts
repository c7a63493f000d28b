import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { isMonth, monthHasEnded } from '@ebp/shared-kernel';
import type { PayrollMonthCommand } from './payroll-month.commands';
import type { PayrollMonthEvent } from './payroll-month.events';

export type PayrollMonthState = { status: 'open' } | { status: 'closed'; month: string; closedAt: string; closedBy: string; payslipCount: number; totalNetFen: number };

export const initialPayrollMonthState = (): PayrollMonthState => ({ status: 'open' });

export function decidePayrollMonth(command: PayrollMonthCommand, state: PayrollMonthState): PayrollMonthEvent[] {
  switch (command.type) {
    case 'ClosePayrollMonth': {
      const { month, payslips, by } = command.data;
      if (!isMonth(month)) throw new DomainError('HR-6', `month must be YYYY-MM, got '${month}'`, 'invalid', 'month');
      if (!monthHasEnded(month, command.metadata.now)) throw new DomainError('HR-6', `${month} has not ended: it cannot be closed yet`, 'rule', 'month');
      // A closed month stays closed: closing it again is a retry.
      if (state.status === 'closed') return [];
      const totalNetFen = payslips.reduce((sum, p) => sum + p.netFen, 0);
      return [{ type: 'PayrollMonthClosed', data: { month, payslipCount: payslips.length, totalNetFen, closedBy: by, closedAt: command.metadata.now } }];
    }
    default:
      return assertNever(command.type);
  }
}

export function evolvePayrollMonth(_state: PayrollMonthState, event: PayrollMonthEvent): PayrollMonthState {
  switch (event.type) {
    case 'PayrollMonthClosed': {
      const d = event.data;
      return { status: 'closed', month: d.month, closedAt: d.closedAt, closedBy: d.closedBy, payslipCount: d.payslipCount, totalNetFen: d.totalNetFen };
    }
    default:
      return assertNever(event.type);
  }
}

export const payrollMonthDecider: Decider<PayrollMonthState, PayrollMonthCommand, PayrollMonthEvent> = {
  initialState: initialPayrollMonthState,
  decide: decidePayrollMonth,
  evolve: evolvePayrollMonth,
};
