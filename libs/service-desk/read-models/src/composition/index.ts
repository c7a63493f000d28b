export * from './service-desk.projections';
export * from './service-desk.queries';
export * from './service-desk-query.module';
