import type { DomainEvent } from '@ebp/shared-eventsourcing';

/**
 * PS-2: the first registration of a phone number decides the owning agency and salesperson.
 * `phone` is normalised (+86…); phone and ID number are personal data, masked in views.
 */
export type CustomerRegistered = DomainEvent<
  'CustomerRegistered',
  { customerId: string; name: string; phone: string; idNumber: string | null; agencyId: string; salespersonId: string; projectId: string; registeredAt: string }
>;
/** PS-2: a later registration of the same number, by anyone: kept, the owner unchanged. */
export type DuplicateRegistrationRecorded = DomainEvent<
  'DuplicateRegistrationRecorded',
  { customerId: string; name: string; agencyId: string; salespersonId: string; projectId: string; registeredAt: string }
>;

export type CustomerEvent = CustomerRegistered | DuplicateRegistrationRecorded;
