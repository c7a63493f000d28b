import type { PolicyHistory } from '@ebp/shared-kernel';

// The service desk's **Policy** values (docs/rules/service-desk.md, "Policies"), each versioned.
export interface ServiceDeskPolicies {
  /** SD-10: weekly reports are due on this ISO weekday (5 = Friday) at this local time. */
  weeklyReportDeadline: PolicyHistory<{ isoWeekday: number; time: string }>;
  /** SD-11: monthly callback windows for this many months after delivery, then windows of this many months. */
  callbackSchedule: PolicyHistory<{ monthlyWindows: number; laterWindowMonths: number }>;
  /** SD-14: the fault analysis report is due this many working days after the fault is resolved. */
  faultAnalysisDue: PolicyHistory<{ workingDays: number }>;
  /** SD-16: a satisfaction score at or below this opens a follow-up ticket. */
  surveyFollowUpAtOrBelow: PolicyHistory<{ score: number }>;
}

/** The regulations' values, in force since the platform's first day. */
export const DEFAULT_POLICIES: ServiceDeskPolicies = {
  weeklyReportDeadline: [{ effectiveFrom: '2000-01-01', value: { isoWeekday: 5, time: '14:00' } }],
  callbackSchedule: [{ effectiveFrom: '2000-01-01', value: { monthlyWindows: 12, laterWindowMonths: 3 } }],
  faultAnalysisDue: [{ effectiveFrom: '2000-01-01', value: { workingDays: 3 } }],
  surveyFollowUpAtOrBelow: [{ effectiveFrom: '2000-01-01', value: { score: 2 } }],
};
