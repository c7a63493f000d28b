import { addWorkingDays, inForce, shanghaiDate } from '@ebp/shared-kernel';
import { DEFAULT_POLICIES, type ServiceDeskPolicies } from '../shared/service-desk.policy';

export type FaultAnalysisStatus = 'pending' | 'overdue' | 'filed';

/** SD-14 Policy: the last date the analysis is due, per the policy version in force on the resolution date. */
export function faultAnalysisDueOn(
  resolvedAt: string,
  policies: Pick<ServiceDeskPolicies, 'faultAnalysisDue'> = DEFAULT_POLICIES,
): string {
  const resolvedOn = shanghaiDate(resolvedAt);
  return addWorkingDays(resolvedOn, inForce(policies.faultAnalysisDue, resolvedOn).workingDays);
}

/** SD-14: analysis status of a resolved fault as of a date (YYYY-MM-DD); null while unresolved. */
export function faultAnalysisStatus(dueOn: string | null, filed: boolean, asOfDate: string): FaultAnalysisStatus | null {
  if (filed) return 'filed';
  if (dueOn === null) return null;
  return asOfDate > dueOn ? 'overdue' : 'pending';
}
