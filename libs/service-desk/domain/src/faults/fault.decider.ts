import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { instantMs, optionalText, requireInstant, requireText, shanghaiDate } from '@ebp/shared-kernel';
import { onOfficialCalendar } from '../shared/official-calendar.refusal';
import { faultAnalysisDueOn } from './fault-analysis.policy';
import type {
  AcknowledgeFault,
  CloseFault,
  EscalateToLeadership,
  FaultActor,
  FaultCommand,
  FileFaultAnalysis,
  RecordFaultProgress,
  ReportFault,
  ResolveFault,
} from './fault.commands';
import type { FaultEvent } from './fault.events';

const RULE = 'SD-14';
export const TECHNICAL_SERVICE = 'technical-service';
/** Default recipient department of the analysis report besides the customer. */
export const BUSINESS_DEPARTMENT = 'business-dept';

export type FaultStatus = 'reported' | 'acknowledged' | 'escalated' | 'resolved' | 'analysed' | 'closed';

export interface Fault {
  status: FaultStatus;
  faultId: string;
  customerId: string;
  projectId: string | null;
  occurredAt: string;
  managerInChargeId: string;
  businessSignerId: string | null;
  resolvedAt: string | null;
  analysisDueOn: string | null;
}

export type FaultState = { status: 'none' } | Fault;

export const initialFaultState = (): FaultState => ({ status: 'none' });

const OPEN: readonly FaultStatus[] = ['reported', 'acknowledged', 'escalated'];

function existing(state: FaultState, faultId: string): Fault {
  if (state.status === 'none' || state.faultId !== faultId) {
    throw new DomainError(RULE, `fault ${faultId} does not exist`, 'not-found', 'faultId');
  }
  return state;
}

function actorId(actor: FaultActor): string {
  return requireText(actor?.staffId, 'actor', RULE);
}

const isManager = (fault: Fault, actor: FaultActor): boolean => actor.staffId === fault.managerInChargeId;
const hasRole = (actor: FaultActor, role: string): boolean => actor.roles.includes(role);

function forbidUnless(allowed: boolean, actor: FaultActor, what: string): void {
  if (!allowed) throw new DomainError(RULE, `${actor.staffId} may not ${what}`, 'forbidden');
}

function requireOpen(fault: Fault, what: string): void {
  if (!OPEN.includes(fault.status)) {
    throw new DomainError(RULE, `fault ${fault.faultId} is ${fault.status}; cannot ${what}`, 'conflict');
  }
}

function report(command: ReportFault, state: FaultState): FaultEvent[] {
  const d = command.data;
  const now = command.metadata.now;
  const faultId = requireText(d.faultId, 'faultId', RULE);
  if (state.status !== 'none') throw new DomainError(RULE, `fault ${faultId} is already reported`, 'conflict', 'faultId');
  const occurredAt = requireInstant(d.occurredAt, 'occurredAt', RULE);
  if (instantMs(occurredAt) > instantMs(now)) {
    throw new DomainError(RULE, `occurredAt ${occurredAt} is in the future`, 'invalid', 'occurredAt');
  }
  const businessSignerId = optionalText(d.businessSignerId, 'businessSignerId', RULE);
  const managerInChargeId = requireText(d.managerInChargeId, 'managerInChargeId', RULE);
  return [
    {
      type: 'FaultReported',
      data: {
        faultId,
        reportedBy: requireText(d.reportedBy, 'reportedBy', RULE),
        reportedAt: now,
        occurredAt,
        location: requireText(d.location, 'location', RULE),
        symptoms: requireText(d.symptoms, 'symptoms', RULE),
        contingencyPlan: requireText(d.contingencyPlan, 'contingencyPlan', RULE),
        customerId: requireText(d.customerId, 'customerId', RULE),
        projectId: optionalText(d.projectId, 'projectId', RULE),
        businessSignerId,
        managerInChargeId,
        notified: [...new Set([businessSignerId, managerInChargeId].filter((id): id is string => id !== null))],
      },
    },
  ];
}

function acknowledge(command: AcknowledgeFault, state: FaultState): FaultEvent[] {
  const fault = existing(state, command.data.faultId);
  const by = actorId(command.data.actor);
  forbidUnless(isManager(fault, command.data.actor), command.data.actor, 'acknowledge: only the manager in charge records the fault');
  if (fault.status !== 'reported') throw new DomainError(RULE, `fault ${fault.faultId} is already ${fault.status}`, 'conflict');
  return [{ type: 'FaultAcknowledged', data: { faultId: fault.faultId, acknowledgedBy: by, acknowledgedAt: command.metadata.now } }];
}

function escalate(command: EscalateToLeadership, state: FaultState): FaultEvent[] {
  const d = command.data;
  const fault = existing(state, d.faultId);
  const by = actorId(d.actor);
  forbidUnless(isManager(fault, d.actor) || hasRole(d.actor, 'general-manager'), d.actor, 'inform leadership: only the manager in charge');
  requireOpen(fault, 'escalate');
  if (fault.status === 'escalated') throw new DomainError(RULE, `fault ${fault.faultId} is already escalated`, 'conflict');
  return [
    {
      type: 'FaultEscalatedToLeadership',
      data: {
        faultId: fault.faultId,
        escalatedBy: by,
        escalatedAt: command.metadata.now,
        generalManagerId: requireText(d.generalManagerId, 'generalManagerId', RULE),
        note: optionalText(d.note, 'note', RULE),
      },
    },
  ];
}

function progress(command: RecordFaultProgress, state: FaultState): FaultEvent[] {
  const d = command.data;
  const fault = existing(state, d.faultId);
  const by = actorId(d.actor);
  forbidUnless(isManager(fault, d.actor) || hasRole(d.actor, TECHNICAL_SERVICE), d.actor, 'record progress');
  if (fault.status === 'closed') throw new DomainError(RULE, `fault ${fault.faultId} is closed`, 'conflict');
  return [
    { type: 'FaultProgressRecorded', data: { faultId: fault.faultId, recordedBy: by, recordedAt: command.metadata.now, note: requireText(d.note, 'note', RULE) } },
  ];
}

function resolve(command: ResolveFault, state: FaultState): FaultEvent[] {
  const d = command.data;
  const now = command.metadata.now;
  const fault = existing(state, d.faultId);
  const by = actorId(d.actor);
  forbidUnless(isManager(fault, d.actor) || hasRole(d.actor, TECHNICAL_SERVICE), d.actor, 'resolve the fault');
  requireOpen(fault, 'resolve');
  const resolvedAt = requireInstant(d.resolvedAt ?? now, 'resolvedAt', RULE);
  if (instantMs(resolvedAt) < instantMs(fault.occurredAt) || instantMs(resolvedAt) > instantMs(now)) {
    throw new DomainError(RULE, `resolvedAt ${resolvedAt} must lie between the fault and now`, 'invalid', 'resolvedAt');
  }
  // A due date the official calendar cannot count yet is refused rather than guessed from weekdays.
  const analysisDueOn = onOfficialCalendar(RULE, 'resolvedAt', () => faultAnalysisDueOn(resolvedAt, d.policies));
  return [{ type: 'FaultResolved', data: { faultId: fault.faultId, resolvedBy: by, resolvedAt, analysisDueOn } }];
}

/** SD-14: the technical service supervisor is a technical-service department manager. */
const isTechnicalSupervisor = (actor: FaultActor): boolean =>
  hasRole(actor, TECHNICAL_SERVICE) && actor.department === TECHNICAL_SERVICE && actor.isDepartmentManager === true;

function fileAnalysis(command: FileFaultAnalysis, state: FaultState): FaultEvent[] {
  const d = command.data;
  const fault = existing(state, d.faultId);
  const by = actorId(d.actor);
  forbidUnless(isTechnicalSupervisor(d.actor), d.actor, 'file the analysis: only the technical service supervisor');
  if (fault.status !== 'resolved') {
    const why = fault.status === 'analysed' || fault.status === 'closed' ? 'already has its analysis' : 'is not resolved yet';
    throw new DomainError(RULE, `fault ${fault.faultId} ${why}`, 'conflict');
  }
  const now = command.metadata.now;
  return [
    {
      type: 'FaultAnalysisFiled',
      data: {
        faultId: fault.faultId,
        filedBy: by,
        filedAt: now,
        impact: requireText(d.impact, 'impact', RULE),
        handling: requireText(d.handling, 'handling', RULE),
        rootCause: requireText(d.rootCause, 'rootCause', RULE),
        correctiveMeasures: requireText(d.correctiveMeasures, 'correctiveMeasures', RULE),
        preventiveMeasures: requireText(d.preventiveMeasures, 'preventiveMeasures', RULE),
        deliveredTo: [`customer:${fault.customerId}`, `department:${optionalText(d.businessDepartment, 'businessDepartment', RULE) ?? BUSINESS_DEPARTMENT}`],
        late: fault.analysisDueOn !== null && shanghaiDate(now) > fault.analysisDueOn,
      },
    },
  ];
}

function close(command: CloseFault, state: FaultState): FaultEvent[] {
  const fault = existing(state, command.data.faultId);
  const by = actorId(command.data.actor);
  forbidUnless(isManager(fault, command.data.actor) || hasRole(command.data.actor, TECHNICAL_SERVICE), command.data.actor, 'close the fault');
  if (fault.status === 'closed') throw new DomainError(RULE, `fault ${fault.faultId} is already closed`, 'conflict');
  if (fault.status !== 'analysed') {
    throw new DomainError(RULE, `fault ${fault.faultId} cannot be closed without its fault analysis report`, 'rule');
  }
  return [
    { type: 'FaultClosed', data: { faultId: fault.faultId, closedBy: by, closedAt: command.metadata.now, customerId: fault.customerId, projectId: fault.projectId } },
  ];
}

export function decideFault(command: FaultCommand, state: FaultState): FaultEvent[] {
  switch (command.type) {
    case 'ReportFault':
      return report(command, state);
    case 'AcknowledgeFault':
      return acknowledge(command, state);
    case 'EscalateToLeadership':
      return escalate(command, state);
    case 'RecordFaultProgress':
      return progress(command, state);
    case 'ResolveFault':
      return resolve(command, state);
    case 'FileFaultAnalysis':
      return fileAnalysis(command, state);
    case 'CloseFault':
      return close(command, state);
    default:
      return assertNever(command);
  }
}

export function evolveFault(state: FaultState, event: FaultEvent): FaultState {
  if (event.type === 'FaultReported') {
    const d = event.data;
    return {
      status: 'reported',
      faultId: d.faultId,
      customerId: d.customerId,
      projectId: d.projectId,
      occurredAt: d.occurredAt,
      managerInChargeId: d.managerInChargeId,
      businessSignerId: d.businessSignerId,
      resolvedAt: null,
      analysisDueOn: null,
    };
  }
  // Events only follow a report; anything else on an empty stream is ignored.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'FaultAcknowledged':
      return { ...state, status: 'acknowledged' };
    case 'FaultEscalatedToLeadership':
      return { ...state, status: 'escalated' };
    case 'FaultProgressRecorded':
      return state;
    case 'FaultResolved':
      return { ...state, status: 'resolved', resolvedAt: event.data.resolvedAt, analysisDueOn: event.data.analysisDueOn };
    case 'FaultAnalysisFiled':
      return { ...state, status: 'analysed' };
    case 'FaultClosed':
      return { ...state, status: 'closed' };
    default:
      return assertNever(event);
  }
}

export const faultDecider: Decider<FaultState, FaultCommand, FaultEvent> = {
  initialState: initialFaultState,
  decide: decideFault,
  evolve: evolveFault,
};
