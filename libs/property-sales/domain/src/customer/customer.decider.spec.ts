import { DomainError, fold } from '@ebp/shared-eventsourcing';
import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import { createHash } from 'node:crypto';
import type { AgencyActor, RegisterCustomer } from './customer.commands';
import { customerDecider, seesCustomerInClear, type Customer } from './customer.decider';
import type { CustomerRegistered, DuplicateRegistrationRecorded } from './customer.events';
import { customerIdOf, maskIdNumber, maskPhone, normalisePhone } from './phone';

const FIRST = '2026-03-02T10:00:00+08:00';
const LATER = '2026-03-05T15:30:00+08:00';
const WANG: AgencyActor = { staffId: 'sp-wang', roles: ['salesperson'], agencyId: 'sunrise', agencyRole: 'salesperson' };
const ZHAO: AgencyActor = { staffId: 'sp-zhao', roles: ['salesperson'], agencyId: 'moonlight', agencyRole: 'salesperson' };
const ID = customerIdOf('+8613812341234');

const register = (actor: AgencyActor, phone = '138 1234 1234', now = FIRST, data: Partial<RegisterCustomer['data']> = {}): RegisterCustomer => ({
  type: 'RegisterCustomer',
  data: { name: 'Zhang Wei', phone, idNumber: '110101199001011234', projectId: 'lakeside', agencyId: actor.agencyId ?? 'sunrise', actor, ...data },
  metadata: { now },
});
const registered: CustomerRegistered = {
  type: 'CustomerRegistered',
  data: { customerId: ID, name: 'Zhang Wei', phone: '+8613812341234', idNumber: '110101199001011234', agencyId: 'sunrise', salespersonId: 'sp-wang', projectId: 'lakeside', registeredAt: FIRST },
};
const duplicate: DuplicateRegistrationRecorded = {
  type: 'DuplicateRegistrationRecorded',
  data: { customerId: ID, name: 'Zhang Wei', agencyId: 'moonlight', salespersonId: 'sp-zhao', projectId: 'lakeside', registeredAt: LATER },
};

describe('PS-2 phone normalisation', () => {
  it.each([
    ['13812341234', '+8613812341234'],
    ['+8613812341234', '+8613812341234'],
    ['+86 138 1234 1234', '+8613812341234'],
    ['138-1234-1234', '+8613812341234'],
    ['0086 138 1234 1234', '+8613812341234'],
    ['008613812341234', '+8613812341234'],
    ['8613812341234', '+8613812341234'],
    ['(138) 1234.1234', '+8613812341234'],
    ['  +86-138-1234-1234  ', '+8613812341234'],
    ['021-5555-1234', '+862155551234'],
    ['(010) 8888 6666', '+861088886666'],
    ['0571-8765-4321', '+8657187654321'],
    ['+86 21 5555 1234', '+862155551234'],
    ['0086 10 8888 6666', '+861088886666'],
  ])('PS-2 %s → %s', (raw, normalised) => {
    expect(normalisePhone(raw)).toBe(normalised);
  });

  it.each(['', '12345', '1381234123', '138123412345', '+1 415 555 0100', '138-1234-123x', '+86 0138 1234 1234', '2155551234'])('PS-2 refuses %p (400, field phone)', (raw) => {
    let error: unknown;
    try {
      normalisePhone(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ rule: 'PS-2', kind: 'invalid', field: 'phone' });
  });

  it('PS-2 customerId is c- + the first 16 hex of sha256 of the normalised phone, the same for every spelling', () => {
    const expected = `c-${createHash('sha256').update('+8613812341234').digest('hex').slice(0, 16)}`;
    expect(customerIdOf('+8613812341234')).toBe(expected);
    expect(customerIdOf('0086 138-1234-1234')).toBe(expected);
    expect(expected).toMatch(/^c-[0-9a-f]{16}$/);
  });
});

describe('PS-2 masking of personal data', () => {
  it('PS-2 masks a phone as 138****1234 and a landline with its trunk 0', () => {
    expect(maskPhone('+8613812341234')).toBe('138****1234');
    expect(maskPhone('+862155551234')).toBe('021****1234');
  });

  it('PS-2 masks an ID number as first 3 + **** + last 4', () => {
    expect(maskIdNumber('110101199001011234')).toBe('110****1234');
    expect(maskIdNumber('12345')).toBe('****');
    expect(maskIdNumber(null)).toBeNull();
  });

  it('PS-2 in clear only for the owning salesperson, a supervisor of the owning agency and the site manager', () => {
    const owner = { agencyId: 'sunrise', salespersonId: 'sp-wang' };
    expect(seesCustomerInClear(owner, WANG)).toBe(true);
    expect(seesCustomerInClear(owner, { staffId: 'as-li', roles: ['agency-supervisor'], agencyId: 'sunrise' })).toBe(true);
    expect(seesCustomerInClear(owner, { staffId: 'sm-zhou', roles: ['site-manager'], agencyId: null })).toBe(true);
    expect(seesCustomerInClear(owner, { staffId: 'sp-sun', roles: ['salesperson'], agencyId: 'sunrise' })).toBe(false);
    expect(seesCustomerInClear(owner, { staffId: 'as-chen', roles: ['agency-supervisor'], agencyId: 'moonlight' })).toBe(false);
    expect(seesCustomerInClear(owner, { staffId: 'fi-he', roles: ['finance'], agencyId: null })).toBe(false);
  });
});

describe('PS-2 customer decider', () => {
  const spec = DeciderSpecification.for(customerDecider);

  it('PS-2 the first registration of a number owns the customer: agency and salesperson', () => {
    const state = spec.when(register(WANG)).then([registered]) as Customer;
    expect(state).toMatchObject({ customerId: ID, agencyId: 'sunrise', salespersonId: 'sp-wang', phone: '+8613812341234', duplicates: [] });
  });

  it('PS-2 a later registration by another agency is kept as a duplicate with its agency and time, the owner unchanged', () => {
    const state = spec.given([registered]).when(register(ZHAO, '+86 138-1234-1234', LATER)).then([duplicate]) as Customer;
    expect(state).toMatchObject({ agencyId: 'sunrise', salespersonId: 'sp-wang' });
    expect(state.duplicates).toEqual([{ name: 'Zhang Wei', agencyId: 'moonlight', salespersonId: 'sp-zhao', projectId: 'lakeside', registeredAt: LATER }]);
  });

  it('PS-2 two concurrent first registrations: the one decided again on the fresh stream becomes the duplicate', () => {
    const first = customerDecider.decide(register(WANG), fold(customerDecider, []));
    const second = customerDecider.decide(register(ZHAO, '13812341234', FIRST), fold(customerDecider, first));
    expect(first.map((e) => e.type)).toEqual(['CustomerRegistered']);
    expect(second.map((e) => e.type)).toEqual(['DuplicateRegistrationRecorded']);
    expect(fold(customerDecider, [...first, ...second])).toMatchObject({ agencyId: 'sunrise', salespersonId: 'sp-wang' });
  });

  it('PS-2 only a salesperson registers, for the agency they belong to (403)', () => {
    expect(spec.when(register({ ...WANG, roles: ['finance'] })).thenThrows('PS-2').kind).toBe('forbidden');
    const notMember = spec.when(register({ ...WANG, agencyId: null }, '13812341234', FIRST, { agencyId: 'sunrise' })).thenThrows('PS-2');
    expect(notMember).toMatchObject({ kind: 'forbidden', field: 'agencyId' });
  });

  it('PS-2 a phone that is not a mainland number is refused naming field phone', () => {
    expect(spec.when(register(WANG, '555-0100')).thenThrows('PS-2')).toMatchObject({ kind: 'invalid', field: 'phone' });
    expect(spec.when(register(WANG, '13812341234', FIRST, { idNumber: '11 01' })).thenThrows('PS-2').field).toBe('idNumber');
  });
});
