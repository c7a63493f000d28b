export * from './service-desk.projections';
export * from './service-desk-query.module';
