import { assertNever, DomainError, type Decider, type DomainEvent } from '@ebp/shared-eventsourcing';
import type { ServiceDeskCommand } from '../command';
import { instantMs, requireText } from '../validation';
import { DEFAULT_POLICIES } from '../policies';
import { formatIsoWeek, isoWeekStart, parseIsoWeek, weeklyReportDeadline, type WeeklyReportDeadlinePolicy } from './iso-week';

const RULE = 'SD-10';

/** Department and role whose members owe weekly reports. */
export const WEEKLY_REPORT_DEPARTMENT = 'technical-service';

/**
 * SD-10: a technical-service staff member's weekly summary. Submitting again is a **revision**:
 * every version is kept; on-time/late compliance is decided by the first submission.
 */
export type SubmitWeeklyReport = ServiceDeskCommand<
  'SubmitWeeklyReport',
  {
    /** The staff member the report is for. */
    staffId: string;
    /** ISO week, e.g. `2026-W10`. */
    week: string;
    serviceSituation: string;
    customerFeedback: string;
    /** The caller; must be the staff member themself. */
    authorId: string;
  }
>;

export type WeeklyReportCommand = SubmitWeeklyReport;

export type WeeklyReportSubmitted = DomainEvent<
  'WeeklyReportSubmitted',
  {
    staffId: string;
    week: string;
    /** 1 for the first submission; higher numbers are revisions. */
    version: number;
    serviceSituation: string;
    customerFeedback: string;
    submittedAt: string;
    /** The deadline of the policy version in force on that week's Friday. */
    deadline: string;
    late: boolean;
  }
>;

export type WeeklyReportEvent = WeeklyReportSubmitted;

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
  const isoWeek = parseIsoWeek(d.week);
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
