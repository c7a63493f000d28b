import type { DomainCommand } from '@ebp/shared-kernel';

export type RecordCustomerPreference = DomainCommand<
  'RecordCustomerPreference',
  { customerId: string; topic: string; preference: string; recordedBy: string }
>;
export type CustomerPreferencesCommand = RecordCustomerPreference;
