import { stateProjection } from '@ebp/shared-eventsourcing';
import { customerDecider, customerStreams, type Customer, type CustomerEvent, type CustomerState } from '@ebp/property-sales-domain';

export const CUSTOMERS_COLLECTION = 'ps_customers';

export type CustomerView = Customer;

/**
 * PS-2: one document per customer stream (id: the customer id), the aggregate's state: the first
 * registration's owner and every later (duplicate) registration. Listed by project and owning agency.
 */
export const psCustomersProjection = stateProjection<CustomerState, CustomerEvent>({
  name: 'property-sales-customers',
  collection: CUSTOMERS_COLLECTION,
  category: customerStreams,
  indexes: ['projectId', 'agencyId', 'salespersonId', 'registeredAt'],
  initialState: customerDecider.initialState,
  evolve: customerDecider.evolve,
  exists: (state) => state.status !== 'none',
});
