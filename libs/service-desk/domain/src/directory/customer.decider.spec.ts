import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { RegisterCustomer, UpdateCustomer } from './customer.commands';
import { customerDecider } from './customer.decider';
import type { CustomerRegistered } from './customer.events';

const spec = DeciderSpecification.for(customerDecider);
const NOW = '2026-03-02T09:00:00+08:00';
const LATER = '2026-03-03T09:00:00+08:00';

const input: RegisterCustomer['data'] = {
  customerId: 'c-1',
  name: 'Hangzhou Water Works',
  contact: { person: 'Ms Wang', phone: '0571-8888 0000', email: 'wang@example.cn' },
  sites: [{ siteId: 's-1', name: 'Head office', address: '1 Lake Rd', responseTimeMinutes: 120 }],
};
const register = (data: Partial<RegisterCustomer['data']> = {}): RegisterCustomer => ({
  type: 'RegisterCustomer',
  data: { ...input, ...data },
  metadata: { now: NOW },
});
const update = (data: Partial<UpdateCustomer['data']> = {}): UpdateCustomer => ({
  type: 'UpdateCustomer',
  data: { ...input, ...data },
  metadata: { now: LATER },
});
const registered: CustomerRegistered = {
  type: 'CustomerRegistered',
  data: {
    customerId: 'c-1',
    name: 'Hangzhou Water Works',
    contact: { person: 'Ms Wang', phone: '0571-8888 0000', email: 'wang@example.cn', address: null },
    sites: [{ siteId: 's-1', name: 'Head office', address: '1 Lake Rd', responseTimeMinutes: 120 }],
    registeredAt: NOW,
  },
};

describe('customer decider', () => {
  it('SD-1 registers a customer with contact and sites', () => {
    expect(spec.when(register()).then([registered])).toMatchObject({ status: 'active', name: 'Hangzhou Water Works' });
  });

  it('SD-1 registers a customer without contact or sites', () => {
    spec.when(register({ contact: undefined, sites: undefined })).then([
      {
        type: 'CustomerRegistered',
        data: { customerId: 'c-1', name: 'Hangzhou Water Works', contact: { person: null, phone: null, email: null, address: null }, sites: [], registeredAt: NOW },
      },
    ]);
  });

  it('SD-1 refuses a customer without a name', () => {
    expect(spec.when(register({ name: '' })).thenThrows('SD-1')).toMatchObject({ kind: 'invalid', field: 'name' });
  });

  it('SD-1 refuses a malformed email, duplicate sites and a non-positive response time', () => {
    expect(spec.when(register({ contact: { email: 'nope' } })).thenThrows('SD-1').field).toBe('contact.email');
    const s = { siteId: 's-1', name: 'A' };
    expect(spec.when(register({ sites: [s, s] })).thenThrows('SD-1').field).toBe('sites[1].siteId');
    expect(spec.when(register({ sites: [{ ...s, responseTimeMinutes: 0 }] })).thenThrows('SD-1').field).toBe('sites[0].responseTimeMinutes');
  });

  it('SD-1 refuses registering the same customer twice', () => {
    expect(spec.given([registered]).when(register()).thenThrows('SD-1').kind).toBe('conflict');
  });

  it('SD-1 updates a customer and ignores an update without changes', () => {
    const state = spec
      .given([registered])
      .when(update({ name: 'Hangzhou Water Group' }))
      .then([{ type: 'CustomerUpdated', data: { customerId: 'c-1', name: 'Hangzhou Water Group', contact: registered.data.contact, sites: registered.data.sites, updatedAt: LATER } }]);
    expect(state).toMatchObject({ name: 'Hangzhou Water Group' });
    spec.given([registered]).when(update()).then([]);
  });

  it('SD-1 refuses updating a customer that does not exist', () => {
    expect(spec.when(update()).thenThrows('SD-1').kind).toBe('not-found');
  });
});
