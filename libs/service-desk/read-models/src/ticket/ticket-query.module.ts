import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';
import { ticketProjection } from './ticket.projection';
import { TicketQueryController } from './ticket-query.controller';

export const ticketProjections: Projection<object>[] = [ticketProjection];

/** Ticket list, detail, "my tickets", the GM view and time travel; needs READ_MODEL_STORE from the host app. */
@Module({ controllers: [TicketQueryController] })
export class TicketQueryModule {}
