export * from './payroll.dto';
export * from './payroll.commands';
export * from './payroll.controller';
export * from './payroll-api.module';
