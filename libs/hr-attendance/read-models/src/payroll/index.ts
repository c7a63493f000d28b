export * from './payroll-month.projection';
export * from './payroll.queries';
export * from './payroll.export';
export * from './payroll.schemas';
export * from './payroll-query.controller';
export * from './payroll-query.module';
