import type { DomainEvent } from '@ebp/shared-eventsourcing';

export interface CustomerContact {
  person: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface CustomerSite {
  siteId: string;
  name: string;
  address: string | null;
  responseTimeMinutes: number | null;
}

export interface CustomerDetails {
  customerId: string;
  name: string;
  contact: CustomerContact;
  sites: CustomerSite[];
}

export type CustomerRegistered = DomainEvent<'CustomerRegistered', CustomerDetails & { registeredAt: string }>;
export type CustomerUpdated = DomainEvent<'CustomerUpdated', CustomerDetails & { updatedAt: string }>;
export type CustomerEvent = CustomerRegistered | CustomerUpdated;
