import type { DomainCommand } from '@ebp/shared-kernel';

/** HR-6: close the month once its payslips are issued (the application layer issues them first). */
export type ClosePayrollMonth = DomainCommand<'ClosePayrollMonth', { month: string; payslips: { staffId: string; netFen: number }[]; by: string }>;

export type PayrollMonthCommand = ClosePayrollMonth;
