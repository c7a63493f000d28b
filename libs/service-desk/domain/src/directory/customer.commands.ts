import type { DomainCommand } from '@ebp/shared-kernel';

export interface CustomerContactInput {
  person?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

export interface CustomerSiteInput {
  siteId: string;
  name: string;
  address?: string | null;
  /** Agreed on-site response time in minutes (used by the SD-8 dispatch deadline). */
  responseTimeMinutes?: number | null;
}

export interface CustomerDetailsInput {
  customerId: string;
  name: string;
  contact?: CustomerContactInput | null;
  sites?: CustomerSiteInput[] | null;
}

export type RegisterCustomer = DomainCommand<'RegisterCustomer', CustomerDetailsInput>;
/** Replaces name, contact and sites. */
export type UpdateCustomer = DomainCommand<'UpdateCustomer', CustomerDetailsInput>;
export type CustomerCommand = RegisterCustomer | UpdateCustomer;
