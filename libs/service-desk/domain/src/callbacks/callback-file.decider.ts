import { assertNever, DomainError, type Decider, type DomainEvent } from '@ebp/shared-eventsourcing';
import { shanghaiDate } from '../calendar';
import type { ServiceDeskCommand } from '../command';
import { optionalText, requireInstant, requireOneOf, requireText } from '../validation';
import { isCalendarDate } from './callback-windows';

const RULE = 'SD-11';

/** How a callback (回访) went. */
export const CALLBACK_OUTCOMES = ['satisfied', 'issues-raised', 'follow-up-needed'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** The project as the directory knows it; null when it is not registered. */
export interface DeliveredProjectRef {
  projectId: string;
  name: string;
  customerId: string;
}

export type DeliverProject = ServiceDeskCommand<
  'DeliverProject',
  {
    projectId: string;
    /** Looked up by the application layer; null refuses the delivery. */
    project: DeliveredProjectRef | null;
    /** Asia/Shanghai calendar date of delivery (YYYY-MM-DD). */
    deliveredOn: string;
    deliveredBy: string;
  }
>;

export type RecordCallback = ServiceDeskCommand<
  'RecordCallback',
  {
    projectId: string;
    outcome: CallbackOutcome;
    notes?: string | null;
    /** 1 (very unsatisfied) to 5 (very satisfied). */
    satisfaction: number;
    calledAt: string;
    calledBy: string;
  }
>;

export type CallbackFileCommand = DeliverProject | RecordCallback;

export type ProjectDelivered = DomainEvent<
  'ProjectDelivered',
  {
    projectId: string;
    projectName: string;
    customerId: string;
    deliveredOn: string;
    deliveredBy: string;
    recordedAt: string;
  }
>;

export type CallbackRecorded = DomainEvent<
  'CallbackRecorded',
  {
    projectId: string;
    customerId: string;
    outcome: CallbackOutcome;
    notes: string | null;
    satisfaction: number;
    calledAt: string;
    /** Asia/Shanghai date of the call: the window it counts for contains it. */
    calledOn: string;
    calledBy: string;
    recordedAt: string;
  }
>;

export type CallbackFileEvent = ProjectDelivered | CallbackRecorded;

export type CallbackFileState =
  | { status: 'none' }
  | { status: 'delivered'; projectId: string; customerId: string; deliveredOn: string; callbacks: number };

export const initialCallbackFileState = (): CallbackFileState => ({ status: 'none' });

function deliver(command: DeliverProject, state: CallbackFileState): CallbackFileEvent[] {
  const d = command.data;
  const now = command.metadata.now;
  const projectId = requireText(d.projectId, 'projectId', RULE);
  if (!d.project || d.project.projectId !== projectId) {
    throw new DomainError(RULE, `project ${projectId} is not registered`, 'rule', 'projectId');
  }
  if (state.status !== 'none') {
    throw new DomainError(RULE, `project ${projectId} was already delivered on ${state.deliveredOn}`, 'conflict', 'projectId');
  }
  const deliveredOn = requireText(d.deliveredOn, 'deliveredOn', RULE);
  if (!isCalendarDate(deliveredOn)) {
    throw new DomainError(RULE, `deliveredOn must be a calendar date YYYY-MM-DD, got '${deliveredOn}'`, 'invalid', 'deliveredOn');
  }
  if (deliveredOn > shanghaiDate(now)) {
    throw new DomainError(RULE, `deliveredOn ${deliveredOn} is in the future`, 'invalid', 'deliveredOn');
  }
  return [
    {
      type: 'ProjectDelivered',
      data: {
        projectId,
        projectName: d.project.name,
        customerId: d.project.customerId,
        deliveredOn,
        deliveredBy: requireText(d.deliveredBy, 'deliveredBy', RULE),
        recordedAt: now,
      },
    },
  ];
}

function recordCallback(command: RecordCallback, state: CallbackFileState): CallbackFileEvent[] {
  const d = command.data;
  const now = command.metadata.now;
  if (state.status === 'none') {
    throw new DomainError(RULE, `project ${d.projectId} has not been delivered; no callback file is open`, 'rule', 'projectId');
  }
  const calledAt = requireInstant(d.calledAt ?? now, 'calledAt', RULE);
  const calledOn = shanghaiDate(calledAt);
  if (Date.parse(calledAt) > Date.parse(now)) {
    throw new DomainError(RULE, `calledAt ${calledAt} is in the future`, 'invalid', 'calledAt');
  }
  if (calledOn < state.deliveredOn) {
    throw new DomainError(RULE, `calledAt ${calledAt} is before the delivery on ${state.deliveredOn}`, 'invalid', 'calledAt');
  }
  if (!Number.isInteger(d.satisfaction) || d.satisfaction < 1 || d.satisfaction > 5) {
    throw new DomainError(RULE, 'satisfaction must be a whole number from 1 to 5', 'invalid', 'satisfaction');
  }
  return [
    {
      type: 'CallbackRecorded',
      data: {
        projectId: state.projectId,
        customerId: state.customerId,
        outcome: requireOneOf(d.outcome, CALLBACK_OUTCOMES, 'outcome', RULE),
        notes: optionalText(d.notes, 'notes', RULE),
        satisfaction: d.satisfaction,
        calledAt,
        calledOn,
        calledBy: requireText(d.calledBy, 'calledBy', RULE),
        recordedAt: now,
      },
    },
  ];
}

export function decideCallbackFile(command: CallbackFileCommand, state: CallbackFileState): CallbackFileEvent[] {
  switch (command.type) {
    case 'DeliverProject':
      return deliver(command, state);
    case 'RecordCallback':
      return recordCallback(command, state);
    default:
      return assertNever(command);
  }
}

export function evolveCallbackFile(state: CallbackFileState, event: CallbackFileEvent): CallbackFileState {
  switch (event.type) {
    case 'ProjectDelivered': {
      const d = event.data;
      return { status: 'delivered', projectId: d.projectId, customerId: d.customerId, deliveredOn: d.deliveredOn, callbacks: 0 };
    }
    case 'CallbackRecorded':
      // A callback only follows a delivery; on an empty file it is ignored.
      return state.status === 'none' ? state : { ...state, callbacks: state.callbacks + 1 };
    default:
      return assertNever(event);
  }
}

export const callbackFileDecider: Decider<CallbackFileState, CallbackFileCommand, CallbackFileEvent> = {
  initialState: initialCallbackFileState,
  decide: decideCallbackFile,
  evolve: evolveCallbackFile,
};
