export * from './ticket.projection';
export * from './directory.projection';
export * from './projections';
export * from './service-desk.queries';
export * from './service-desk-query.controller';
export * from './service-desk-query.module';
export * from './report';
