export * from './customers.projection';
export * from './customers.queries';
export * from './customers.schemas';
export * from './customers-query.controller';
export * from './customers-query.module';
