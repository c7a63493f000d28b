export * from './ladder.projections';
export * from './ladder.queries';
export * from './ladder.schemas';
export * from './ladder-query.controller';
export * from './ladder-query.module';
