import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { isMonth, monthHasEnded, optionalText, requireText } from '@ebp/shared-kernel';
import type { SubmitSupervisionReport, SupervisionReportCommand } from './supervision-report.commands';
import type { SupervisionReportEvent, SupervisionReportSubmitted } from './supervision-report.events';

const RULE = 'SD-9';
export const SUPERVISION_REPORT_ROLE = 'business-dept';

export type SupervisionReportState =
  | { status: 'none' }
  | { status: 'submitted'; month: string; version: number; latest: SupervisionReportSubmitted['data'] };

export const initialSupervisionReportState = (): SupervisionReportState => ({ status: 'none' });

function submit(command: SubmitSupervisionReport, state: SupervisionReportState): SupervisionReportEvent[] {
  const d = command.data;
  const now = command.metadata.now;
  const month = requireText(d.month, 'month', RULE);
  if (!isMonth(month)) throw new DomainError(RULE, `month must be YYYY-MM, got '${month}'`, 'invalid', 'month');
  if (!d.submitterRoles.includes(SUPERVISION_REPORT_ROLE)) {
    throw new DomainError(RULE, 'only the business department submits the supervision report', 'forbidden');
  }
  if (!monthHasEnded(month, now)) {
    throw new DomainError(RULE, `month ${month} has not ended yet (Asia/Shanghai)`, 'rule', 'month');
  }
  if (d.figures.month !== month) {
    throw new DomainError(RULE, `figures are for ${d.figures.month}, not ${month}`, 'invalid', 'figures');
  }
  const version = state.status === 'submitted' ? state.version + 1 : 1;
  return [
    {
      type: 'SupervisionReportSubmitted',
      data: {
        month,
        version,
        submittedBy: requireText(d.submittedBy, 'submittedBy', RULE),
        submittedAt: now,
        addressedTo: requireText(d.generalManagerId, 'generalManagerId', RULE),
        figures: { ...d.figures },
        comments: optionalText(d.comments, 'comments', RULE),
      },
    },
  ];
}

export function decideSupervisionReport(command: SupervisionReportCommand, state: SupervisionReportState): SupervisionReportEvent[] {
  switch (command.type) {
    case 'SubmitSupervisionReport':
      return submit(command, state);
    default:
      return assertNever(command.type);
  }
}

export function evolveSupervisionReport(_state: SupervisionReportState, event: SupervisionReportEvent): SupervisionReportState {
  switch (event.type) {
    case 'SupervisionReportSubmitted':
      return { status: 'submitted', month: event.data.month, version: event.data.version, latest: event.data };
    default:
      return assertNever(event.type);
  }
}

export const supervisionReportDecider: Decider<SupervisionReportState, SupervisionReportCommand, SupervisionReportEvent> = {
  initialState: initialSupervisionReportState,
  decide: decideSupervisionReport,
  evolve: evolveSupervisionReport,
};
