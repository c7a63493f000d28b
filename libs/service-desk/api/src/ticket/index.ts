export * from './ticket.dto';
export * from './ticket.commands';
export * from './ticket.controller';
export * from './ticket-api.module';
