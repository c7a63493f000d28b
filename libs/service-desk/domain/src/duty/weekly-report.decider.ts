import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { formatIsoWeek, instantMs, isoWeekStart, parseIsoWeek, requireText, type IsoWeek } from '@ebp/shared-kernel';
import { DEFAULT_POLICIES } from '../shared/service-desk.policy';
import { weeklyReportDeadline, type WeeklyReportDeadlinePolicy } from './weekly-report-deadline.policy';
import type { SubmitWeeklyReport, WeeklyReportCommand } from './weekly-report.commands';
import type { WeeklyReportEvent } from './weekly-report.events';

const RULE = 'SD-10';

/** Department and role whose members owe weekly reports. */
export const WEEKLY_REPORT_DEPARTMENT = 'technical-service';

/** An ISO week named in an SD-10 request (`2026-W10`); a malformed one is refused under SD-10. */
export function parseReportWeek(text: string, field = 'week'): IsoWeek {
  return parseIsoWeek(text, RULE, field);
}

export interface WeeklyReport {
  status: 'submitted';
  staffId: string;
  week: string;
  deadline: string;
  version: number;
  firstSubmittedAt: string;
  /** From the first submission: a late revision never spoils an on-time report. */
  late: boolean;
}

export type WeeklyReportState = { status: 'none' } | WeeklyReport;

export const initialWeeklyReportState = (): WeeklyReportState => ({ status: 'none' });

function submit(command: SubmitWeeklyReport, state: WeeklyReportState, policy: WeeklyReportDeadlinePolicy): WeeklyReportEvent[] {
  const d = command.data;
  const now = command.metadata.now;
  const staffId = requireText(d.staffId, 'staffId', RULE);
  if (requireText(d.authorId, 'authorId', RULE) !== staffId) {
    throw new DomainError(RULE, `only ${staffId} may submit their own weekly report`, 'forbidden', 'staffId');
  }
  const isoWeek = parseReportWeek(d.week);
  const week = formatIsoWeek(isoWeek);
  if (state.status !== 'none' && (state.staffId !== staffId || state.week !== week)) {
    throw new DomainError(RULE, `this stream holds ${state.staffId}'s report for ${state.week}`, 'conflict');
  }
  if (instantMs(now) < instantMs(isoWeekStart(isoWeek))) {
    throw new DomainError(RULE, `week ${week} has not started yet`, 'rule', 'week');
  }
  const deadline = state.status === 'none' ? weeklyReportDeadline(isoWeek, policy) : state.deadline;
  return [
    {
      type: 'WeeklyReportSubmitted',
      data: {
        staffId,
        week,
        version: state.status === 'none' ? 1 : state.version + 1,
        serviceSituation: requireText(d.serviceSituation, 'serviceSituation', RULE),
        customerFeedback: requireText(d.customerFeedback, 'customerFeedback', RULE),
        submittedAt: now,
        deadline,
        late: instantMs(now) > instantMs(deadline),
      },
    },
  ];
}

function evolve(state: WeeklyReportState, event: WeeklyReportEvent): WeeklyReportState {
  switch (event.type) {
    case 'WeeklyReportSubmitted': {
      const d = event.data;
      if (state.status === 'none') {
        return { status: 'submitted', staffId: d.staffId, week: d.week, deadline: d.deadline, version: d.version, firstSubmittedAt: d.submittedAt, late: d.late };
      }
      return { ...state, version: d.version };
    }
    default:
      return assertNever(event.type);
  }
}

/** The weekly report decider under a deadline policy history (tests pass a changed history). */
export function createWeeklyReportDecider(
  policy: WeeklyReportDeadlinePolicy,
): Decider<WeeklyReportState, WeeklyReportCommand, WeeklyReportEvent> {
  return {
    initialState: initialWeeklyReportState,
    decide: (command, state) => {
      switch (command.type) {
        case 'SubmitWeeklyReport':
          return submit(command, state, policy);
        default:
          return assertNever(command.type);
      }
    },
    evolve,
  };
}

/** SD-10 under the regulations' deadline policy (`DEFAULT_POLICIES.weeklyReportDeadline`). */
export const weeklyReportDecider = createWeeklyReportDecider(DEFAULT_POLICIES.weeklyReportDeadline);
