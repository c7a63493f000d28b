import { addMonths, inForce, type PolicyHistory } from '@ebp/shared-kernel';

/** SD-16 **Policy**: a project is inspected (巡检) at least every this many calendar months. */
export const INSPECTION_INTERVAL: PolicyHistory<{ months: number }> = [{ effectiveFrom: '2000-01-01', value: { months: 3 } }];

/** SD-16: the next inspection is due one interval (version in force on the last inspection's date) later. */
export function nextInspectionDue(lastInspectionDate: string, history: PolicyHistory<{ months: number }> = INSPECTION_INTERVAL): string {
  return addMonths(lastInspectionDate, inForce(history, lastInspectionDate).months);
}
