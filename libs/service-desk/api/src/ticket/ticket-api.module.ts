import { Module } from '@nestjs/common';
import { TicketCommands } from './ticket.commands';
import { TicketController } from './ticket.controller';

/** SD-1…SD-5, SD-7 and HR-4 ticket commands; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host app. */
@Module({ controllers: [TicketController], providers: [TicketCommands] })
export class TicketApiModule {}
