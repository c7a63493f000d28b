export * from './office-days.projection';
export * from './office-days.queries';
export * from './office-days.schemas';
export * from './office-days-query.controller';
export * from './office-days-query.module';
