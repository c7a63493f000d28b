import type { Projection } from '@ebp/shared-eventsourcing';
import { hrCorrectionsProjection, hrLeaveRequestsProjection } from '../attendance/requests.projection';
import { hrStaffMonthsProjection } from '../attendance/staff-month.projection';
import { hrEmployeesProjection } from '../employees/employees.projection';
import { hrExternalFactsProjection } from '../facts/external-facts.projection';
import { hrPayrollMonthsProjection } from '../payroll/payroll-month.projection';

/** Every HR read model, for the embedded runner and the distributed projector alike. */
export const hrAttendanceProjections: Projection<object>[] = [
  hrEmployeesProjection,
  hrStaffMonthsProjection,
  hrLeaveRequestsProjection,
  hrCorrectionsProjection,
  hrPayrollMonthsProjection,
  hrExternalFactsProjection,
] as Projection<object>[];
