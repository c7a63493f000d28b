import { assertNever, DomainError, type Decider, type DomainEvent } from '@ebp/shared-eventsourcing';
import type { ServiceDeskCommand } from '../command';
import { instantMs, requireInstant, requireOneOf, requireText } from '../validation';

const RULE = 'SD-16';

export const FINDING_SEVERITIES = ['low', 'medium', 'high'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export interface InspectionFinding {
  description: string;
  severity: FindingSeverity;
}

/** A quality inspection (巡检) of a project; reference data (customer, department) comes from the app layer. */
export type RecordInspection = ServiceDeskCommand<
  'RecordInspection',
  {
    inspectionId: string;
    projectId: string;
    /** The project's customer, looked up from the project directory. */
    customerId: string;
    /** The project manager who inspected (the actor). */
    inspectorId: string;
    /** The inspector's department from the staff register; findings' tickets start there. */
    inspectorDepartment: string;
    inspectedAt: string;
    findings: readonly { description: string; severity: string }[];
  }
>;

export type InspectionCommand = RecordInspection;

export type InspectionRecorded = DomainEvent<
  'InspectionRecorded',
  {
    inspectionId: string;
    projectId: string;
    customerId: string;
    inspectorId: string;
    inspectorDepartment: string;
    inspectedAt: string;
    recordedAt: string;
    findings: InspectionFinding[];
  }
>;

export type InspectionEvent = InspectionRecorded;

export type InspectionState = { status: 'none' } | ({ status: 'recorded' } & InspectionRecorded['data']);

export const initialInspectionState = (): InspectionState => ({ status: 'none' });

function finding(value: { description: string; severity: string } | null | undefined, index: number): InspectionFinding {
  if (typeof value !== 'object' || value === null) {
    throw new DomainError(RULE, `findings[${index}] must be an object`, 'invalid', `findings[${index}]`);
  }
  return {
    description: requireText(value.description, `findings[${index}].description`, RULE),
    severity: requireOneOf(value.severity, FINDING_SEVERITIES, `findings[${index}].severity`, RULE),
  };
}

function record(command: RecordInspection, state: InspectionState): InspectionEvent[] {
  const d = command.data;
  const now = command.metadata.now;
  const inspectionId = requireText(d.inspectionId, 'inspectionId', RULE);
  if (state.status !== 'none') throw new DomainError(RULE, `inspection ${inspectionId} is already recorded`, 'conflict', 'inspectionId');
  const inspectedAt = requireInstant(d.inspectedAt, 'inspectedAt', RULE);
  if (instantMs(inspectedAt) > instantMs(now)) {
    throw new DomainError(RULE, `inspectedAt ${inspectedAt} is in the future`, 'invalid', 'inspectedAt');
  }
  if (!Array.isArray(d.findings)) throw new DomainError(RULE, 'findings must be a list', 'invalid', 'findings');
  return [
    {
      type: 'InspectionRecorded',
      data: {
        inspectionId,
        projectId: requireText(d.projectId, 'projectId', RULE),
        customerId: requireText(d.customerId, 'customerId', RULE),
        inspectorId: requireText(d.inspectorId, 'inspectorId', RULE),
        inspectorDepartment: requireText(d.inspectorDepartment, 'inspectorDepartment', RULE),
        inspectedAt,
        recordedAt: now,
        findings: d.findings.map(finding),
      },
    },
  ];
}

export function decideInspection(command: InspectionCommand, state: InspectionState): InspectionEvent[] {
  switch (command.type) {
    case 'RecordInspection':
      return record(command, state);
    default:
      return assertNever(command.type);
  }
}

export function evolveInspection(_state: InspectionState, event: InspectionEvent): InspectionState {
  switch (event.type) {
    case 'InspectionRecorded':
      return { status: 'recorded', ...event.data };
    default:
      return assertNever(event.type);
  }
}

/** SD-16 quality inspection (巡检) aggregate, `service-desk.inspection.<id>`. */
export const inspectionDecider: Decider<InspectionState, InspectionCommand, InspectionEvent> = {
  initialState: initialInspectionState,
  decide: decideInspection,
  evolve: evolveInspection,
};
