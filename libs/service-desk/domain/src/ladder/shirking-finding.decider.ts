import { assertNever, DomainError, type Decider, type DomainEvent } from '@ebp/shared-eventsourcing';
import type { ServiceDeskCommand } from '../command';
import { requireOneOf, requireText } from '../validation';

// SD-6 推诿/扯皮/不配合: a supervisor's finding against a staff member, published to HR.
const RULE = 'SD-6';

export const SHIRKING_KINDS = ['shirking', 'wrangling', 'non-cooperation'] as const;
export type ShirkingKind = (typeof SHIRKING_KINDS)[number];

export const SHIRKING_SANCTIONS = ['criticism', 'education', 'disciplinary-action', 'reassignment'] as const;
export type ShirkingSanction = (typeof SHIRKING_SANCTIONS)[number];

/** Roles that supervise by office; a department's responsible manager supervises too. */
export const SUPERVISOR_ROLES = ['general-manager', 'business-dept', 'office'] as const;

/** The caller as the application layer knows them: token roles plus the staff directory. */
export interface SupervisorCandidate {
  staffId: string;
  roles: readonly string[];
  /** True when the staff directory records the caller as a department's responsible manager. */
  isDepartmentManager: boolean;
}

export const isSupervisor = (candidate: SupervisorCandidate): boolean =>
  candidate.isDepartmentManager || candidate.roles.some((r) => (SUPERVISOR_ROLES as readonly string[]).includes(r));

export type RecordShirkingFinding = ServiceDeskCommand<
  'RecordShirkingFinding',
  {
    findingId: string;
    supervisor: SupervisorCandidate;
    /** The ticket from the read model (the application layer refuses an unknown one). */
    ticket: { ticketId: string; customerId: string };
    /** The staff member from the directory. */
    staffMember: { staffId: string; name: string; department: string };
    kind: ShirkingKind;
    sanction: ShirkingSanction;
    description: string;
  }
>;

export type ShirkingFindingCommand = RecordShirkingFinding;

export type ShirkingFindingRecorded = DomainEvent<
  'ShirkingFindingRecorded',
  {
    findingId: string;
    ticketId: string;
    customerId: string;
    staffId: string;
    staffName: string;
    staffDepartment: string;
    kind: ShirkingKind;
    sanction: ShirkingSanction;
    description: string;
    recordedBy: string;
    recordedAt: string;
  }
>;

export type ShirkingFindingEvent = ShirkingFindingRecorded;

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
