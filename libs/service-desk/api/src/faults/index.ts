export * from './faults.dto';
export * from './faults.commands';
export * from './faults.controller';
export * from './faults-api.module';
