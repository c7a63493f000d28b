export * from './employees.projection';
export * from './employees.queries';
export * from './employee-records.queries';
export * from './employees.schemas';
export * from './employees-query.controller';
export * from './employees-query.module';
