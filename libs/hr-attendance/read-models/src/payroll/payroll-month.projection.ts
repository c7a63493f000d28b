import { stateProjection } from '@ebp/shared-eventsourcing';
import { evolvePayrollMonth, initialPayrollMonthState, payrollMonthStreams, type PayrollMonthEvent, type PayrollMonthState } from '@ebp/hr-attendance-domain';

export const PAYROLL_MONTHS_COLLECTION = 'hr_payroll_months';

/** A closed payroll month (HR-6), the aggregate's state; an open month has no document. Id: the month. */
export const hrPayrollMonthsProjection = stateProjection<PayrollMonthState, PayrollMonthEvent>({
  name: 'hr-attendance-payroll-months',
  collection: PAYROLL_MONTHS_COLLECTION,
  category: payrollMonthStreams,
  indexes: ['month'],
  initialState: initialPayrollMonthState,
  evolve: evolvePayrollMonth,
  exists: (state) => state.status === 'closed',
});
