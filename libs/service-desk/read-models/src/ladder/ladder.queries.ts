import type { Condition, Page, ReadModelStore } from '@ebp/shared-eventsourcing';
import type { CustomerPreferences, ServiceLadder, ShirkingFinding, TicketExpectationState } from '@ebp/service-desk-domain';
import {
  CUSTOMER_PREFERENCES_COLLECTION,
  SERVICE_LADDERS_COLLECTION,
  SHIRKING_FINDINGS_COLLECTION,
  TICKET_EXPECTATIONS_COLLECTION,
} from './ladder.projections';

export type TicketExpectationView = Exclude<TicketExpectationState, { status: 'none' }>;

/** Read-side questions of SD-6, SD-8 and SD-17, answered from read models only. */
export class LadderQueries {
  constructor(private readonly store: ReadModelStore) {}

  async ladder(ticketId: string): Promise<ServiceLadder | null> {
    return (await this.store.get<ServiceLadder>(SERVICE_LADDERS_COLLECTION, ticketId))?.doc ?? null;
  }

  ladders(filter: { breached?: boolean; skip?: number; limit?: number }): Promise<Page<ServiceLadder>> {
    const where: Record<string, Condition> = filter.breached === undefined ? {} : { breached: filter.breached };
    return this.store.find<ServiceLadder>(SERVICE_LADDERS_COLLECTION, {
      where,
      sort: [{ field: 'ticketId', direction: 'asc' }],
      skip: filter.skip ?? 0,
      limit: filter.limit ?? 50,
    });
  }

  shirkingFindings(filter: { staffId?: string; skip?: number; limit?: number }): Promise<Page<ShirkingFinding>> {
    const where: Record<string, Condition> = filter.staffId ? { staffId: filter.staffId } : {};
    return this.store.find<ShirkingFinding>(SHIRKING_FINDINGS_COLLECTION, {
      where,
      sort: [{ field: 'recordedAt', direction: 'desc' }],
      skip: filter.skip ?? 0,
      limit: filter.limit ?? 50,
    });
  }

  async customerPreferences(customerId: string): Promise<CustomerPreferences | null> {
    return (await this.store.get<CustomerPreferences>(CUSTOMER_PREFERENCES_COLLECTION, customerId))?.doc ?? null;
  }

  async ticketExpectation(ticketId: string): Promise<TicketExpectationView | null> {
    return (await this.store.get<TicketExpectationView>(TICKET_EXPECTATIONS_COLLECTION, ticketId))?.doc ?? null;
  }

  /** SD-17: tickets whose unmet expectation still lacks its improvement analysis. */
  awaitingImprovementAnalysis(skip = 0, limit = 50): Promise<Page<TicketExpectationView>> {
    return this.store.find<TicketExpectationView>(TICKET_EXPECTATIONS_COLLECTION, {
      where: { status: 'unmet' },
      sort: [{ field: 'unmetRecordedAt', direction: 'asc' }],
      skip,
      limit,
    });
  }
}
