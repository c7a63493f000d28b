export * from './proactive.projections';
export * from './proactive.queries';
export * from './proactive.schemas';
export * from './proactive-query.controller';
export * from './proactive-query.module';
