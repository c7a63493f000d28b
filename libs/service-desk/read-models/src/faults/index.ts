export * from './fault.projection';
export * from './collaboration.projection';
export * from './faults.queries';
export * from './faults.schemas';
export * from './faults-query.controller';
export * from './faults-query.module';
