export * from './directory.projections';
export * from './directory.queries';
export * from './directory.schemas';
export * from './directory-query.controller';
export * from './directory-query.module';
