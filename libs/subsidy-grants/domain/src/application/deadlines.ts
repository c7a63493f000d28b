import { shanghaiDate } from '@ebp/shared-kernel';
import type { CallRef } from './application.commands';
import type { Application, ApplicationState } from './application.state';

const dateOf = (asOf: string): string => (asOf.length > 10 ? shanghaiDate(asOf) : asOf);

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export type CompletionStatus =
  /** No completion obligation (not funded, or rejected). */
  | { status: 'not-due' }
  | { status: 'due'; deadline: string }
  | { status: 'overdue'; deadline: string; daysOverdue: number }
  | { status: 'done'; deadline: string; forwardedAt: string; late: boolean };

/**
 * SG-9: a funded application's completion report as of a date (or instant, read in Asia/Shanghai):
 * done once forwarded to the province (late when after the deadline), overdue when the call's
 * completion deadline passed without it, due otherwise.
 */
export function completionStatus(state: ApplicationState, call: Pick<CallRef, 'completionDeadline'>, asOf: string): CompletionStatus {
  if (state.status === 'none' || state.budget === null) return { status: 'not-due' };
  const deadline = call.completionDeadline;
  const forwarded = state.completion.forwarded;
  const date = dateOf(asOf);
  if (forwarded && shanghaiDate(forwarded.at) <= date) {
    return { status: 'done', deadline, forwardedAt: forwarded.at, late: forwarded.late };
  }
  return date > deadline ? { status: 'overdue', deadline, daysOverdue: daysBetween(deadline, date) } : { status: 'due', deadline };
}

/** SG-9: the overdue completion reports among applications of one call, as of a date. */
export function overdueCompletions(applications: readonly Application[], call: Pick<CallRef, 'completionDeadline'>, asOf: string): { applicationId: string; applicantId: string; deadline: string; daysOverdue: number }[] {
  const list: { applicationId: string; applicantId: string; deadline: string; daysOverdue: number }[] = [];
  for (const a of applications) {
    const s = completionStatus(a, call, asOf);
    if (s.status === 'overdue') list.push({ applicationId: a.applicationId, applicantId: a.applicantId, deadline: s.deadline, daysOverdue: s.daysOverdue });
  }
  return list;
}

/** SG-10: rectification orders not completed by their deadline, as of a date (or instant, read in Asia/Shanghai). */
export function overdueRectifications(state: ApplicationState, asOf: string): { orderId: string; inspectionId: string; deadline: string; daysOverdue: number }[] {
  if (state.status === 'none') return [];
  const date = dateOf(asOf);
  return state.rectifications
    .filter((r) => r.deadline < date && (r.completedAt === null || shanghaiDate(r.completedAt) > date))
    .map((r) => ({ orderId: r.orderId, inspectionId: r.inspectionId, deadline: r.deadline, daysOverdue: daysBetween(r.deadline, date) }));
}
