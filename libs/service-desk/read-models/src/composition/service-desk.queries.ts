import type { Page, ReadModelStore } from '@ebp/shared-eventsourcing';
import { DirectoryQueries } from '../directory/directory.queries';
import { TicketQueries, type TicketFilter, type TicketSummary } from '../ticket/ticket.queries';
import type { TicketView } from '../ticket/ticket.projection';

/** The directory and ticket lookups in one object, as the command side uses them. */
export class ServiceDeskQueries extends DirectoryQueries {
  private readonly ticketQueries: TicketQueries;

  constructor(store: ReadModelStore) {
    super(store);
    this.ticketQueries = new TicketQueries(store);
  }

  tickets(filter: TicketFilter): Promise<Page<TicketSummary>> {
    return this.ticketQueries.tickets(filter);
  }

  ticket(ticketId: string): Promise<TicketView | null> {
    return this.ticketQueries.ticket(ticketId);
  }
}
