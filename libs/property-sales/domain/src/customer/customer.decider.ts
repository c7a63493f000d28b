import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { optionalText, requireText } from '@ebp/shared-kernel';
import { SALESPERSON_ROLE } from '../project/project.decider';
import type { CustomerCommand } from './customer.commands';
import type { CustomerEvent } from './customer.events';
import { customerIdOf, normalisePhone } from './phone';

const RULE = 'PS-2';

/** PS-2: a later registration of the same number, kept with its agency and time. */
export interface DuplicateRegistration {
  name: string;
  agencyId: string;
  salespersonId: string;
  projectId: string;
  registeredAt: string;
}

/** PS-2: the customer as first registered (the owner) and every later registration. */
export interface Customer {
  status: 'registered';
  customerId: string;
  name: string;
  /** Normalised (+86…): personal data. */
  phone: string;
  idNumber: string | null;
  /** The owning agency and salesperson: the first registration's. */
  agencyId: string;
  salespersonId: string;
  projectId: string;
  registeredAt: string;
  duplicates: DuplicateRegistration[];
}

export type CustomerState = { status: 'none' } | Customer;

export const initialCustomerState = (): CustomerState => ({ status: 'none' });

/** PS-2: the owning salesperson, a supervisor of the owning agency and the site manager see phone and ID in clear. */
export function seesCustomerInClear(customer: Pick<Customer, 'agencyId' | 'salespersonId'>, reader: { staffId: string; roles: readonly string[]; agencyId: string | null }): boolean {
  if (reader.roles.includes('site-manager')) return true;
  if (reader.roles.includes(SALESPERSON_ROLE) && reader.staffId === customer.salespersonId) return true;
  return reader.roles.includes('agency-supervisor') && reader.agencyId === customer.agencyId;
}

export function decideCustomer(command: CustomerCommand, state: CustomerState): CustomerEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'RegisterCustomer': {
      const { actor } = command.data;
      const agencyId = requireText(command.data.agencyId, 'agencyId', RULE);
      if (!actor.roles.includes(SALESPERSON_ROLE)) throw new DomainError(RULE, 'only the receiving salesperson registers a customer', 'forbidden');
      if (actor.agencyId !== agencyId) throw new DomainError(RULE, `${actor.staffId} is no member of agency ${agencyId}: a salesperson registers customers for their own agency`, 'forbidden', 'agencyId');
      const name = requireText(command.data.name, 'name', RULE);
      const phone = normalisePhone(command.data.phone);
      const customerId = customerIdOf(phone);
      const projectId = requireText(command.data.projectId, 'projectId', RULE);
      const idNumber = optionalText(command.data.idNumber, 'idNumber', RULE);
      if (idNumber !== null && !/^[0-9A-Za-z]{6,20}$/.test(idNumber)) throw new DomainError(RULE, 'idNumber must be 6 to 20 letters or digits', 'invalid', 'idNumber');
      if (state.status === 'none') {
        return [{ type: 'CustomerRegistered', data: { customerId, name, phone, idNumber, agencyId, salespersonId: actor.staffId, projectId, registeredAt: now } }];
      }
      if (state.customerId !== customerId) throw new Error(`customer stream of ${state.customerId} asked to register ${customerId}`);
      return [{ type: 'DuplicateRegistrationRecorded', data: { customerId, name, agencyId, salespersonId: actor.staffId, projectId, registeredAt: now } }];
    }
    default:
      return assertNever(command.type);
  }
}

export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  switch (event.type) {
    case 'CustomerRegistered': {
      const d = event.data;
      if (state.status === 'registered') return state;
      return {
        status: 'registered',
        customerId: d.customerId,
        name: d.name,
        phone: d.phone,
        idNumber: d.idNumber,
        agencyId: d.agencyId,
        salespersonId: d.salespersonId,
        projectId: d.projectId,
        registeredAt: d.registeredAt,
        duplicates: [],
      };
    }
    case 'DuplicateRegistrationRecorded': {
      if (state.status === 'none') return state;
      const { name, agencyId, salespersonId, projectId, registeredAt } = event.data;
      return { ...state, duplicates: [...state.duplicates, { name, agencyId, salespersonId, projectId, registeredAt }] };
    }
    default:
      return assertNever(event);
  }
}

export const customerDecider: Decider<CustomerState, CustomerCommand, CustomerEvent> = {
  initialState: initialCustomerState,
  decide: decideCustomer,
  evolve: evolveCustomer,
};
