import type { DomainEvent } from '@ebp/shared-eventsourcing';

/** HR-6: every payslip of the month is issued (frozen); the month stays closed. */
export type PayrollMonthClosed = DomainEvent<
  'PayrollMonthClosed',
  { month: string; payslipCount: number; totalNetFen: number; closedBy: string; closedAt: string }
>;

export type PayrollMonthEvent = PayrollMonthClosed;
