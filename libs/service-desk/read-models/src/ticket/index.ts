export * from './ticket.projection';
export * from './ticket.queries';
export * from './ticket.schemas';
export * from './ticket-query.controller';
export * from './ticket-query.module';
