import type { Condition, Page, ReadModelStore } from '@ebp/shared-eventsourcing';
import type { TicketKind } from '@ebp/service-desk-domain';
import { TICKETS_COLLECTION, type TicketView } from './ticket.projection';

export type TicketSummary = Omit<TicketView, 'history'>;

export interface TicketFilter {
  status?: 'open' | 'resolved';
  ownerId?: string;
  handlerId?: string;
  customerId?: string;
  kind?: TicketKind;
  major?: boolean;
  skip?: number;
  limit?: number;
}

function summary(view: TicketView): TicketSummary {
  const rest: Partial<TicketView> = { ...view };
  delete rest.history;
  return rest as TicketSummary;
}

/** Ticket list and detail, answered from the ticket read model only. */
export class TicketQueries {
  constructor(private readonly store: ReadModelStore) {}

  async tickets(filter: TicketFilter): Promise<Page<TicketSummary>> {
    const where: Record<string, Condition> = {};
    if (filter.status) where['status'] = filter.status;
    if (filter.ownerId) where['ownerId'] = filter.ownerId;
    if (filter.handlerId) where['handlerId'] = filter.handlerId;
    if (filter.customerId) where['customerId'] = filter.customerId;
    if (filter.kind) where['kind'] = filter.kind;
    if (filter.major !== undefined) where['major'] = filter.major;
    const page = await this.store.find<TicketView>(TICKETS_COLLECTION, {
      where,
      sort: [{ field: 'registeredAt', direction: 'desc' }],
      skip: filter.skip ?? 0,
      limit: filter.limit ?? 50,
    });
    return { total: page.total, items: page.items.map(summary) };
  }

  async ticket(ticketId: string): Promise<TicketView | null> {
    return (await this.store.get<TicketView>(TICKETS_COLLECTION, ticketId))?.doc ?? null;
  }
}
