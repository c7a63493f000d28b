export * from './external-facts.projection';
export * from './external-facts.queries';
export * from './external-facts.schemas';
export * from './external-facts-query.controller';
export * from './external-facts-query.module';
