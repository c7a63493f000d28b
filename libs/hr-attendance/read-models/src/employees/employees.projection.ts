import { stateProjection } from '@ebp/shared-eventsourcing';
import { employeeDecider, employeeStreams } from '@ebp/hr-attendance-domain';

export const EMPLOYEES_COLLECTION = 'hr_employees';

/** HR-1: one document per employment record, the aggregate's own state (salary versions included: personal data). */
export const hrEmployeesProjection = stateProjection({
  name: 'hr-attendance-employees',
  collection: EMPLOYEES_COLLECTION,
  category: employeeStreams,
  indexes: ['department', 'managerId', 'hireDate'],
  initialState: employeeDecider.initialState,
  evolve: employeeDecider.evolve,
  exists: (state) => state.status !== 'none',
});
