export * from './employees.dto';
export * from './employees.commands';
export * from './employees.controller';
export * from './employees-api.module';
