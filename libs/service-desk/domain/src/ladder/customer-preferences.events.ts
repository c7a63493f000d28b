import type { DomainEvent } from '@ebp/shared-eventsourcing';

export type CustomerPreferenceRecorded = DomainEvent<
  'CustomerPreferenceRecorded',
  { customerId: string; topic: string; preference: string; recordedBy: string; recordedAt: string }
>;
export type CustomerPreferencesEvent = CustomerPreferenceRecorded;
