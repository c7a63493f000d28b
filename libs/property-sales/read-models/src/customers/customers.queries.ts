import { DomainError, type Condition, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { maskIdNumber, maskPhone } from '@ebp/property-sales-domain';
import { PsAccess, type PsReader } from '../shared/access';
import { requireCode, requireId } from '../shared/params';
import { CUSTOMERS_COLLECTION, type CustomerView } from './customers.projection';

/** PS-2: a customer as the reader may see them: `masked` says whether phone and ID number are masked. */
export interface CustomerReadView extends CustomerView {
  masked: boolean;
}

/** PS-2 customer register views, personal data masked per reader. */
export class PsCustomerQueries {
  private readonly access: PsAccess;

  constructor(private readonly store: ReadModelStore) {
    this.access = new PsAccess(store);
  }

  /** The owning salesperson, their agency supervisor and the project's site manager read phone and ID in clear; everyone else masked. */
  async asSeenBy(reader: PsReader, customer: CustomerView): Promise<CustomerReadView> {
    if (await this.access.seesPersonalData(reader, customer)) return { ...customer, masked: false };
    return { ...customer, phone: maskPhone(customer.phone), idNumber: customer.idNumber === null ? null : maskIdNumber(customer.idNumber), masked: true };
  }

  /** The developer's people: every agency's customers (or ?agencyId); an agency's people: their own agency's, another agency 403. */
  async list(reader: PsReader, filter: { projectId?: string; agencyId?: string; skip: number; limit: number }): Promise<{ total: number; items: CustomerReadView[] }> {
    if (filter.projectId !== undefined) requireCode(filter.projectId, 'PS-2', 'projectId');
    if (filter.agencyId !== undefined) requireId(filter.agencyId, 'PS-2', 'agencyId');
    const scope = await this.access.scope(reader, 'PS-2', 'the customer register');
    if (filter.agencyId !== undefined) this.access.requireAgency(scope, filter.agencyId, 'PS-2', 'customers');
    const where: Record<string, Condition> = {};
    if (filter.projectId !== undefined) where['projectId'] = filter.projectId;
    const agencyId = scope.all ? filter.agencyId : scope.agencyId;
    if (agencyId !== undefined) where['agencyId'] = agencyId;
    const page = await this.store.find<CustomerView>(CUSTOMERS_COLLECTION, {
      where,
      sort: [
        { field: 'registeredAt', direction: 'asc' },
        { field: 'customerId', direction: 'asc' },
      ],
      skip: filter.skip,
      limit: filter.limit,
    });
    const items: CustomerReadView[] = [];
    for (const c of page.items) items.push(await this.asSeenBy(reader, c));
    return { total: page.total, items };
  }

  /** One customer with the duplicate registrations: the owning agency's people and the developer's; another agency 403. */
  async one(reader: PsReader, customerId: string): Promise<CustomerReadView> {
    requireId(customerId, 'PS-2', 'customerId');
    const scope = await this.access.scope(reader, 'PS-2', 'the customer register');
    const customer = (await this.store.get<CustomerView>(CUSTOMERS_COLLECTION, customerId))?.doc ?? null;
    if (!customer) throw new DomainError('PS-2', `customer ${customerId} is not registered`, 'not-found', 'customerId');
    this.access.requireAgency(scope, customer.agencyId, 'PS-2', 'customers');
    return this.asSeenBy(reader, customer);
  }
}
