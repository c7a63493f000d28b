import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { isCalendarDate, optionalText, requireInstant, requireOneOf, requireText, shanghaiDate } from '@ebp/shared-kernel';
import type { CallbackFileCommand, DeliverProject, RecordCallback } from './callback-file.commands';
import { CALLBACK_OUTCOMES, type CallbackFileEvent } from './callback-file.events';

const RULE = 'SD-11';

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
