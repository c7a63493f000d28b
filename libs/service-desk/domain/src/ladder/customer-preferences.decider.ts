import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { requireText } from '@ebp/shared-kernel';
import type { CustomerPreferencesCommand, RecordCustomerPreference } from './customer-preferences.commands';
import type { CustomerPreferencesEvent } from './customer-preferences.events';

// SD-17 人性化服务: the customer profile keeps the customer's preferences, one per topic.
const RULE = 'SD-17';

export interface CustomerPreference {
  topic: string;
  preference: string;
  recordedBy: string;
  recordedAt: string;
}

export interface CustomerPreferences {
  status: 'active';
  customerId: string;
  /** Latest preference per topic, in the order topics were first recorded. */
  preferences: CustomerPreference[];
}

export type CustomerPreferencesState = { status: 'none' } | CustomerPreferences;

export const initialCustomerPreferencesState = (): CustomerPreferencesState => ({ status: 'none' });

function record(command: RecordCustomerPreference, state: CustomerPreferencesState): CustomerPreferencesEvent[] {
  const d = command.data;
  const customerId = requireText(d.customerId, 'customerId', RULE);
  if (state.status !== 'none' && state.customerId !== customerId) {
    throw new DomainError(RULE, `preferences of ${state.customerId} cannot hold customer ${customerId}`, 'invalid', 'customerId');
  }
  const topic = requireText(d.topic, 'topic', RULE);
  const preference = requireText(d.preference, 'preference', RULE);
  const current = state.status === 'none' ? undefined : state.preferences.find((p) => p.topic === topic);
  // Recording the same preference again is a retry, not a change.
  if (current?.preference === preference) return [];
  return [
    {
      type: 'CustomerPreferenceRecorded',
      data: { customerId, topic, preference, recordedBy: requireText(d.recordedBy, 'recordedBy', RULE), recordedAt: command.metadata.now },
    },
  ];
}

export function decideCustomerPreferences(command: CustomerPreferencesCommand, state: CustomerPreferencesState): CustomerPreferencesEvent[] {
  switch (command.type) {
    case 'RecordCustomerPreference':
      return record(command, state);
    default:
      return assertNever(command.type);
  }
}

export function evolveCustomerPreferences(state: CustomerPreferencesState, event: CustomerPreferencesEvent): CustomerPreferencesState {
  switch (event.type) {
    case 'CustomerPreferenceRecorded': {
      const d = event.data;
      const entry: CustomerPreference = { topic: d.topic, preference: d.preference, recordedBy: d.recordedBy, recordedAt: d.recordedAt };
      const previous = state.status === 'none' ? [] : state.preferences;
      const known = previous.some((p) => p.topic === d.topic);
      return {
        status: 'active',
        customerId: d.customerId,
        preferences: known ? previous.map((p) => (p.topic === d.topic ? entry : p)) : [...previous, entry],
      };
    }
    default:
      return assertNever(event.type);
  }
}

export const customerPreferencesDecider: Decider<CustomerPreferencesState, CustomerPreferencesCommand, CustomerPreferencesEvent> = {
  initialState: initialCustomerPreferencesState,
  decide: decideCustomerPreferences,
  evolve: evolveCustomerPreferences,
};
