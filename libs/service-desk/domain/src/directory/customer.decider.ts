import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { optionalText, requireText } from '@ebp/shared-kernel';
import type { CustomerCommand, CustomerContactInput, CustomerDetailsInput, CustomerSiteInput } from './customer.commands';
import type { CustomerContact, CustomerDetails, CustomerEvent, CustomerSite } from './customer.events';

// Customers are the reference data every ticket names (SD-1).
const RULE = 'SD-1';

const EMAIL = /^[^@\s]+@[^@\s]+$/;

export type Customer = CustomerDetails & { status: 'active' };
export type CustomerState = { status: 'none' } | Customer;

export const initialCustomerState = (): CustomerState => ({ status: 'none' });

function contact(input: CustomerContactInput | null | undefined): CustomerContact {
  const email = optionalText(input?.email, 'contact.email', RULE);
  if (email !== null && !EMAIL.test(email)) {
    throw new DomainError(RULE, `contact.email '${email}' is not an email address`, 'invalid', 'contact.email');
  }
  return {
    person: optionalText(input?.person, 'contact.person', RULE),
    phone: optionalText(input?.phone, 'contact.phone', RULE),
    email,
    address: optionalText(input?.address, 'contact.address', RULE),
  };
}

function sites(input: CustomerSiteInput[] | null | undefined): CustomerSite[] {
  if (input === null || input === undefined) return [];
  if (!Array.isArray(input)) throw new DomainError(RULE, 'sites must be a list', 'invalid', 'sites');
  const seen = new Set<string>();
  return input.map((site, i) => {
    const siteId = requireText(site.siteId, `sites[${i}].siteId`, RULE);
    if (seen.has(siteId)) throw new DomainError(RULE, `site ${siteId} is listed twice`, 'invalid', `sites[${i}].siteId`);
    seen.add(siteId);
    const minutes = site.responseTimeMinutes ?? null;
    if (minutes !== null && !(Number.isInteger(minutes) && minutes > 0)) {
      throw new DomainError(RULE, 'responseTimeMinutes must be a positive whole number', 'invalid', `sites[${i}].responseTimeMinutes`);
    }
    return {
      siteId,
      name: requireText(site.name, `sites[${i}].name`, RULE),
      address: optionalText(site.address, `sites[${i}].address`, RULE),
      responseTimeMinutes: minutes,
    };
  });
}

function details(input: CustomerDetailsInput): CustomerDetails {
  return {
    customerId: requireText(input.customerId, 'customerId', RULE),
    name: requireText(input.name, 'name', RULE),
    contact: contact(input.contact),
    sites: sites(input.sites),
  };
}

const pickDetails = (d: CustomerDetails): CustomerDetails => ({
  customerId: d.customerId,
  name: d.name,
  contact: d.contact,
  sites: d.sites,
});

// Details are plain JSON with fixed key order, so comparing serialisations is exact.
const same = (a: CustomerDetails, b: CustomerDetails): boolean => JSON.stringify(pickDetails(a)) === JSON.stringify(pickDetails(b));

export function decideCustomer(command: CustomerCommand, state: CustomerState): CustomerEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'RegisterCustomer': {
      const d = details(command.data);
      if (state.status !== 'none') {
        throw new DomainError(RULE, `customer ${d.customerId} is already registered`, 'conflict', 'customerId');
      }
      return [{ type: 'CustomerRegistered', data: { ...d, registeredAt: now } }];
    }
    case 'UpdateCustomer': {
      if (state.status === 'none' || state.customerId !== command.data.customerId) {
        throw new DomainError(RULE, `customer ${command.data.customerId} does not exist`, 'not-found', 'customerId');
      }
      const d = details(command.data);
      return same(state, d) ? [] : [{ type: 'CustomerUpdated', data: { ...d, updatedAt: now } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  switch (event.type) {
    case 'CustomerRegistered':
      return { status: 'active', ...pickDetails(event.data) };
    case 'CustomerUpdated':
      return state.status === 'none' ? state : { ...state, ...pickDetails(event.data) };
    default:
      return assertNever(event);
  }
}

export const customerDecider: Decider<CustomerState, CustomerCommand, CustomerEvent> = {
  initialState: initialCustomerState,
  decide: decideCustomer,
  evolve: evolveCustomer,
};
