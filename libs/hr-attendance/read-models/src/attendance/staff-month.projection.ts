import { stateProjection } from '@ebp/shared-eventsourcing';
import { evolveStaffMonth, initialStaffMonthState, staffMonthStreams, type StaffMonthEvent, type StaffMonthState } from '@ebp/hr-attendance-domain';

export const STAFF_MONTHS_COLLECTION = 'hr_staff_months';

/** The id of a staff month's document: the stream id's tail, `<YYYY-MM>.<staffId>`. */
export const staffMonthDocId = (month: string, staffId: string): string => `${month}.${staffId}`;

/**
 * HR-2 … HR-7: one document per staff member and month, the aggregate's own state (punches, leave,
 * corrections, reports, fines, conduct, pay entries, the frozen payslip, adjustments), each fact
 * with the id of its event. Queried by `month` and `staffId` only; the arrays are read in memory.
 */
export const hrStaffMonthsProjection = stateProjection<StaffMonthState, StaffMonthEvent>({
  name: 'hr-attendance-staff-months',
  collection: STAFF_MONTHS_COLLECTION,
  category: staffMonthStreams,
  indexes: ['month', 'staffId'],
  initialState: initialStaffMonthState,
  evolve: evolveStaffMonth,
  exists: (state) => state.staffId !== null,
});
