import { inForce, isoWeekDate, type IsoWeek } from '@ebp/shared-kernel';
import { DEFAULT_POLICIES, type ServiceDeskPolicies } from '../shared/service-desk.policy';

const TIME = /^\d{2}:\d{2}$/;

export type WeeklyReportDeadlinePolicy = ServiceDeskPolicies['weeklyReportDeadline'];

/**
 * SD-10 Policy: the weekly report deadline of an ISO week, Asia/Shanghai. The version used is
 * the one in force on that week's Friday, so a mid-year change only affects later weeks.
 */
export function weeklyReportDeadline(isoWeek: IsoWeek, history: WeeklyReportDeadlinePolicy = DEFAULT_POLICIES.weeklyReportDeadline): string {
  const policy = inForce(history, isoWeekDate(isoWeek, 5));
  if (!Number.isInteger(policy.isoWeekday) || policy.isoWeekday < 1 || policy.isoWeekday > 7 || !TIME.test(policy.time)) {
    throw new Error(`invalid weekly report deadline policy ${JSON.stringify(policy)}`);
  }
  return `${isoWeekDate(isoWeek, policy.isoWeekday)}T${policy.time}:00+08:00`;
}
