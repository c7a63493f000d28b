export * from './property-sales.projections';
export * from './property-sales-query.module';
