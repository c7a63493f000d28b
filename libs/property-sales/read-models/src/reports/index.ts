export * from './reports.queries';
export * from './reports.export';
export * from './reports.schemas';
export * from './reports-query.controller';
export * from './reports-query.module';
