import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { instantMs, requireInstant, requireOneOf, requireText } from '@ebp/shared-kernel';
import type { InspectionCommand, RecordInspection } from './inspection.commands';
import { FINDING_SEVERITIES, type InspectionEvent, type InspectionFinding, type InspectionRecorded } from './inspection.events';

const RULE = 'SD-16';

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
