import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { requireOneOf, requireText } from '@ebp/shared-kernel';
import type { RecordShirkingFinding, ShirkingFindingCommand, SupervisorCandidate } from './shirking-finding.commands';
import { SHIRKING_KINDS, SHIRKING_SANCTIONS, type ShirkingFindingEvent, type ShirkingFindingRecorded } from './shirking-finding.events';

// SD-6 推诿/扯皮/不配合: a supervisor's finding against a staff member, published to HR.
const RULE = 'SD-6';

/** Roles that supervise by office; a department's responsible manager supervises too. */
export const SUPERVISOR_ROLES = ['general-manager', 'business-dept', 'office'] as const;

export const isSupervisor = (candidate: SupervisorCandidate): boolean =>
  candidate.isDepartmentManager || candidate.roles.some((r) => (SUPERVISOR_ROLES as readonly string[]).includes(r));

export type ShirkingFinding = ShirkingFindingRecorded['data'] & { status: 'recorded' };
export type ShirkingFindingState = { status: 'none' } | ShirkingFinding;

export const initialShirkingFindingState = (): ShirkingFindingState => ({ status: 'none' });

function record(command: RecordShirkingFinding, state: ShirkingFindingState): ShirkingFindingEvent[] {
  const d = command.data;
  const findingId = requireText(d.findingId, 'findingId', RULE);
  if (!isSupervisor(d.supervisor)) {
    throw new DomainError(RULE, `${d.supervisor.staffId} is not a supervisor (general manager, business department, office or department manager)`, 'forbidden');
  }
  if (state.status !== 'none') throw new DomainError(RULE, `finding ${findingId} is already recorded`, 'conflict', 'findingId');
  const staffId = requireText(d.staffMember.staffId, 'staffId', RULE);
  if (staffId === d.supervisor.staffId) throw new DomainError(RULE, 'a supervisor cannot record a finding against themselves', 'rule', 'staffId');
  return [
    {
      type: 'ShirkingFindingRecorded',
      data: {
        findingId,
        ticketId: requireText(d.ticket.ticketId, 'ticketId', RULE),
        customerId: requireText(d.ticket.customerId, 'customerId', RULE),
        staffId,
        staffName: requireText(d.staffMember.name, 'staffName', RULE),
        staffDepartment: requireText(d.staffMember.department, 'staffDepartment', RULE),
        kind: requireOneOf(d.kind, SHIRKING_KINDS, 'kind', RULE),
        sanction: requireOneOf(d.sanction, SHIRKING_SANCTIONS, 'sanction', RULE),
        description: requireText(d.description, 'description', RULE),
        recordedBy: requireText(d.supervisor.staffId, 'recordedBy', RULE),
        recordedAt: command.metadata.now,
      },
    },
  ];
}

export function decideShirkingFinding(command: ShirkingFindingCommand, state: ShirkingFindingState): ShirkingFindingEvent[] {
  switch (command.type) {
    case 'RecordShirkingFinding':
      return record(command, state);
    default:
      return assertNever(command.type);
  }
}

export function evolveShirkingFinding(_state: ShirkingFindingState, event: ShirkingFindingEvent): ShirkingFindingState {
  switch (event.type) {
    case 'ShirkingFindingRecorded':
      return { status: 'recorded', ...event.data };
    default:
      return assertNever(event.type);
  }
}

export const shirkingFindingDecider: Decider<ShirkingFindingState, ShirkingFindingCommand, ShirkingFindingEvent> = {
  initialState: initialShirkingFindingState,
  decide: decideShirkingFinding,
  evolve: evolveShirkingFinding,
};
